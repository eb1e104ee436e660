# The everyday language: Enum and Stream, maps and structs, strings and
# binaries, protocols, pattern matching, exceptions, regexes.
defmodule Shape do
  defstruct kind: :square, size: 1
  def area(%Shape{kind: :square, size: s}), do: s * s
  def area(%Shape{kind: :circle, size: r}), do: Float.round(:math.pi() * r * r, 3)
end

defprotocol Describe do
  def describe(x)
end

defimpl Describe, for: Shape do
  def describe(%Shape{kind: k, size: s}), do: "#{k} of size #{s}"
end

defimpl Describe, for: Integer do
  def describe(n), do: "the number #{n}"
end

IO.inspect(Enum.map(1..10, &(&1 * &1)) |> Enum.filter(&(rem(&1, 2) == 0)))
IO.inspect(Stream.iterate(1, &(&1 * 3)) |> Stream.take_while(&(&1 < 1000)) |> Enum.to_list())
IO.inspect(Enum.group_by(~w(apple avocado banana blueberry cherry), &String.first/1))
IO.inspect(Enum.reduce(1..100, 0, &+/2))
IO.inspect(Enum.zip([1, 2, 3], [:a, :b, :c]) |> Map.new())
IO.inspect(for x <- 1..4, y <- [:a, :b], rem(x, 2) == 0, do: {x, y})
IO.inspect(%{a: 1, b: [1, 2, 3], c: "str"} |> Map.update!(:a, &(&1 + 1)))
# (a script builds its own structs with struct/2: %Shape{} needs a compiled Shape)
IO.inspect([struct(Shape), struct(Shape, kind: :circle, size: 2)] |> Enum.map(&Shape.area/1))
IO.puts(Describe.describe(struct(Shape, size: 3)))
IO.puts(Describe.describe(42))
IO.puts(String.upcase("héllo wörld") <> " " <> String.reverse("abc"))
IO.inspect(String.split("a,b,,c", ",", trim: true))
IO.inspect(String.graphemes("naïve") |> length())
IO.inspect(<<1, 2, 3::16, "xyz">>)
<<a::8, rest::binary>> = "hello"
IO.inspect({a, rest})
IO.inspect(Regex.scan(~r/\d+/, "a1b22c333"))
IO.inspect(Regex.replace(~r/(\w+)@(\w+)/, "joe@example", "\\2 at \\1"))
IO.inspect(Regex.named_captures(~r/(?<year>\d{4})-(?<month>\d{2})/, "on 2024-05"))
IO.inspect(Integer.pow(2, 100))
IO.inspect(Integer.to_string(255, 16))
IO.inspect(1.0e10 / 3)
IO.inspect(Keyword.merge([a: 1], [b: 2]))
IO.inspect(DateTime.from_unix!(0) |> DateTime.to_iso8601())
IO.inspect(Date.add(~D[2024-02-28], 2))
IO.puts(:io_lib.format("~p", [{1, :two, "three"}]))

try do
  raise ArgumentError, "boom"
rescue
  e -> IO.puts("rescued: " <> Exception.message(e))
end

try do
  Map.fetch!(%{}, :missing)
rescue
  e -> IO.puts(Exception.format(:error, e, []))
end

result =
  with {:ok, x} <- {:ok, 1},
       {:ok, y} <- {:error, :nope} do
    x + y
  end

IO.inspect(result)
IO.inspect(try do throw(:t) catch :throw, v -> {:caught, v} end)
IO.inspect(:ets.new(:t, [:set]) |> is_reference())
