# OTP from Elixir: GenServer, Agent, Task, a Supervisor that restarts a
# crashing child, Registry, links and monitors.
defmodule Counter do
  use GenServer
  def start_link(n), do: GenServer.start_link(__MODULE__, n, name: __MODULE__)
  def init(n), do: {:ok, n}
  def handle_call(:get, _from, n), do: {:reply, n, n}
  def handle_call(:crash, _from, _n), do: raise("deliberate")
  def handle_cast({:add, k}, n), do: {:noreply, n + k}
end

Logger.configure(level: :none)
{:ok, _} = Counter.start_link(10)
GenServer.cast(Counter, {:add, 5})
IO.puts(GenServer.call(Counter, :get))

t = Task.async(fn -> Enum.sum(1..100_000) end)
IO.inspect(Task.await(t))
IO.inspect(Task.async_stream(1..5, &(&1 * 10)) |> Enum.map(fn {:ok, v} -> v end))

{:ok, a} = Agent.start_link(fn -> [] end)
Agent.update(a, &[:x | &1])
Agent.update(a, &[:y | &1])
IO.inspect(Agent.get(a, & &1))

GenServer.stop(Counter)
Process.flag(:trap_exit, true)
{:ok, sup} = Supervisor.start_link([{Counter, 1}], strategy: :one_for_one, name: Sup)
before = Process.whereis(Counter)
crash =
  try do
    GenServer.call(Counter, :crash)
  catch
    :exit, {{%RuntimeError{message: m}, _stack}, _call} -> {:exited, m}
  end

IO.inspect(crash)
Process.sleep(50)
after_restart = Process.whereis(Counter)
IO.inspect({is_pid(after_restart), before != after_restart, GenServer.call(Counter, :get)})
IO.inspect(Supervisor.count_children(sup))
IO.inspect(Supervisor.which_children(sup) |> Enum.map(fn {id, _, type, mods} -> {id, type, mods} end))
Supervisor.stop(sup)

{:ok, _} = Registry.start_link(keys: :unique, name: Reg)
{:ok, _} = Registry.register(Reg, "me", :value)
IO.inspect(Registry.lookup(Reg, "me") |> Enum.map(fn {_pid, v} -> v end))

# (receives with pinned references live in a module: OTP 25's compiler
# cannot compile them in a script's top level)
defmodule Waiter do
  def down do
    pid = spawn(fn -> receive do :go -> exit(:finished) end end)
    ref = Process.monitor(pid)
    send(pid, :go)
    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> {:down, reason}
    end
  end

  def killed_link do
    parent = self()
    child = spawn_link(fn -> send(parent, {:ready, self()}); receive do :stop -> :ok end end)
    receive do {:ready, ^child} -> :ok end
    Process.exit(child, :kill)
    receive do
      {:EXIT, ^child, reason} -> {:exit, reason}
    end
  end
end

IO.inspect(Waiter.down())
IO.inspect(Waiter.killed_link())
