%% io_lib:format/2 fields: every control with every combination of field
%% width (plain, negative, *), precision (none, empty, 0, 1, 3, 16, *) and
%% padding character (none, literal, *), with and without t.
-module(lib_io_lib_fields).
-export([main/0]).
main() ->
  Args = [{$w, [abc]}, {$w, ["str"]}, {$w, [-12.5]}, {$p, [{a, "b"}]}, {$s, ["text"]}, {$s, [<<"bin">>]}, {$s, [atom]},
          {$c, [$x]}, {$e, [3.14159]}, {$e, [-0.000123]}, {$f, [3.14159]}, {$f, [-1234.5678]}, {$f, [0.0]},
          {$g, [3.14159]}, {$g, [123456.789]}, {$g, [0.00001234]}, {$b, [255]}, {$B, [-255]}, {$x, [255, "0x"]},
          {$X, [255, "#"]}, {$#, [255]}, {$+, [-255]}, {$W, [[1, 2, 3, 4], 3]}, {$P, [[1, 2, 3, 4], 3]}],
  Widths = ["", "1", "5", "12", "-7", "*"],
  Precs = ["", ".", ".0", ".1", ".3", ".16", ".*"],
  Pads = ["", ".x", ".0", ".*"],
  Mods = ["", "t"],
  [begin
     Fmt = "[~" ++ W ++ P ++ Pd ++ M ++ [C] ++ "]",
     A1 = (case W of "*" -> [9]; _ -> [] end) ++ (case P of ".*" -> [4]; _ -> [] end) ++ (case Pd of ".*" -> [$_]; _ -> [] end) ++ A,
     R = try unicode:characters_to_list(io_lib:format(Fmt, A1)) catch error:badarg -> badarg end,
     io:format("~s ~w => ~w~n", [Fmt, A1, R])
   end || {C, A} <- Args, W <- Widths, P <- Precs, Pd <- Pads, M <- Mods, not (Pd =/= "" andalso P =:= "")],
  ok.
