#!/usr/bin/env bash
# The command line as OTP's init reads it: runs erl and ember (OTP mode) with
# the same arguments, case by case, and compares stdout and the exit status.
# Usage: run_cmdline.sh EMBER   (environment: ERL, default erl on PATH)
set -uo pipefail
[ $# -eq 1 ] || { echo "usage: $0 EMBER" >&2; exit 2; }
ember=$1
case $ember in */*) ember=$(cd "$(dirname "$ember")" && pwd)/$(basename "$ember") ;; esac
erl=${ERL:-erl}
export ERL_CRASH_DUMP=/dev/null ERL_CRASH_DUMP_SECONDS=0
work=$(mktemp -d "${TMPDIR:-/tmp}/ember-cmdline.XXXXXX")
trap 'rm -rf "$work"' EXIT
printf '[{kernel, [{from_config, yes}]}].\n' >"$work/sys.config"

failed=0 passed=0
check() { # check NAME ARGS...: the same run on both
  local name=$1
  shift
  (cd "$work" && timeout 30 "$erl" "$@" >"$work/erl.out" 2>/dev/null </dev/null)
  local want=$?
  (cd "$work" && timeout 30 "$ember" "$@" >"$work/ember.out" 2>"$work/ember.err" </dev/null)
  local got=$?
  if cmp -s "$work/erl.out" "$work/ember.out" && [ "$want" = "$got" ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "cmdline.$name: differs (erl status $want, ember status $got)"
    diff -u --label erl --label ember "$work/erl.out" "$work/ember.out" | head -n 40
    head -n 20 "$work/ember.err"
  fi
}

check evals_in_order -noshell -eval 'io:format("one~n")' -eval 'io:format("two~n")' -s init stop
check plain_arguments -noshell -eval 'io:format("~p~n", [init:get_plain_arguments()]), halt().' -extra x -y "z w"
check user_flags -noshell -flag a b -flag c -eval \
  'io:format("~p ~p~n", [init:get_argument(flag), init:get_argument(nothere)]), halt().'
check kernel_env -noshell -kernel some_key some_value -eval \
  'io:format("~p~n", [application:get_env(kernel, some_key)]), halt().'
check config_file -noshell -config "$work/sys" -eval \
  'io:format("~p~n", [application:get_env(kernel, from_config)]), halt().'
check run_and_s -noshell -run io format "from -run~n" -s erlang halt
check halt_status -noshell -eval 'halt(7).'
check stop_status -noshell -eval 'init:stop(4).'
check eval_error -noshell -eval 'erlang:error(boom).'
check eval_syntax_error -noshell -eval 'io:format(.'
check run_undef -noshell -run no_such_module start
check stop_slogan -noshell -eval 'init:stop("goodbye").'
check loaded_on_demand -noshell -eval \
  'io:format("~p~n", [{code:is_loaded(sets), sets:size(sets:new()), element(1, code:is_loaded(sets))}]), halt().'
check arguments -noshell -eval \
  '{ok, [[_]]} = init:get_argument(root), {ok, [["erl"]]} = init:get_argument(progname), io:format("ok~n"), halt().'

# halt/0 writes out what is still queued for a slow reader of stdout
slow_reader() { # slow_reader NAME ARGS...: bytes a reader that starts late gets
  local name=$1
  shift
  local want got
  want=$(cd "$work" && timeout 30 "$erl" "$@" 2>/dev/null </dev/null | (sleep 1; wc -c))
  got=$(cd "$work" && timeout 30 "$ember" "$@" 2>/dev/null </dev/null | (sleep 1; wc -c))
  if [ "$want" = "$got" ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "cmdline.$name: a slow reader got $got bytes from ember, $want from erl"
  fi
}
slow_reader halt_flushes -noshell -eval 'io:put_chars(lists:duplicate(4000000, $a)), halt().'

echo "cmdline: $passed passed, $failed failed"
[ $failed -eq 0 ]
