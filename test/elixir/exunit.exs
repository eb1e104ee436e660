# expect-status: 2
# ExUnit as a user runs it: passing and failing tests, setup, assertions
# with their failure report, and the summary (its timing line is not compared).
ExUnit.start(seed: 0, trace: false, colors: [enabled: false])

defmodule MathTest do
  use ExUnit.Case

  setup do
    {:ok, numbers: [1, 2, 3]}
  end

  test "adds", %{numbers: ns} do
    assert Enum.sum(ns) == 6
  end

  test "fails on purpose" do
    assert Enum.sum([1, 2]) == 4
  end

  test "raises" do
    assert_raise ArithmeticError, fn -> 1 / Enum.count([]) end
  end

  test "pattern" do
    assert {:ok, _} = {:ok, 3}
    refute nil
  end

  test "receives" do
    send(self(), {:hello, 1})
    assert_receive {:hello, n}
    assert n == 1
  end
end
