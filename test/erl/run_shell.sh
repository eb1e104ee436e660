#!/usr/bin/env bash
# OTP's Eshell on ember against erl: sessions piped into the shell (stdout and
# exit status byte for byte), then a session typed into a terminal (tmux) with
# line editing, history and ^G, and one at the ^C BREAK menu, whose screens
# must match apart from the first line, which names the runtime
# (erlang:system_info(system_version)).
# Usage: run_shell.sh EMBER   (environment: ERL, default erl on PATH)
set -uo pipefail
[ $# -eq 1 ] || { echo "usage: $0 EMBER" >&2; exit 2; }
ember=$1
case $ember in */*) ember=$(cd "$(dirname "$ember")" && pwd)/$(basename "$ember") ;; esac
erl=${ERL:-erl}
erl=$(command -v "$erl") || { echo "shell: no erl on PATH" >&2; exit 1; }
command -v tmux >/dev/null || { echo "shell: tmux is missing (scripts/bootstrap.sh installs it)" >&2; exit 1; }
export ERL_CRASH_DUMP=/dev/null ERL_CRASH_DUMP_SECONDS=0
work=$(mktemp -d "${TMPDIR:-/tmp}/ember-shell.XXXXXX")
sock=
trap 'for s in "$work"/*.sock; do tmux -S "$s" kill-server 2>/dev/null; done; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
# no ~/.erlang or ~/.erlang.cookie of the user's in either run
export HOME=$work

failed=0 passed=0
fail() {
  failed=$((failed + 1))
  echo "shell.$1: $2"
}

# ---- piped: the shell falls back to a plain line reader ----

piped() { # piped NAME INPUT: the same input on both
  local name=$1 input=$2
  printf '%b' "$input" | (cd "$work" && timeout 30 "$erl" >"$work/erl.out" 2>/dev/null)
  local want=$?
  printf '%b' "$input" | (cd "$work" && timeout 30 "$ember" >"$work/ember.out" 2>"$work/ember.err")
  local got=$?
  if cmp -s "$work/erl.out" "$work/ember.out" && [ "$want" = "$got" ]; then
    passed=$((passed + 1))
  else
    fail "$name" "differs (erl status $want, ember status $got)"
    diff -u --label erl --label ember "$work/erl.out" "$work/ember.out" | head -n 40
    head -n 20 "$work/ember.err"
  fi
}

piped expressions '1 + 2.\n[X * X || X <- lists:seq(1, 5)].\n{a, "text", <<1,2>>, #{k => v}}.\n'
piped bindings 'X = 5.\nY = X * 2.\nX + Y.\nX = 6.\n'
piped funs 'F = fun(A) -> A * 2 end.\nF(21).\nG = fun G(0) -> 1; G(N) -> N * G(N - 1) end.\nG(20).\n'
piped errors '1/0.\nfoo:bar().\nexit(why).\nerlang:error({a, b}).\nthrow(up).\nX = 1.\nX = 2.\n'
piped syntax_error '1 + .\nok.\n'
piped bindings_shell 'A = 1.\nB = "x".\nb().\nf(A).\nb().\nf().\nb().\n'
piped multi_line 'X = \n 1 +\n 2.\nX.\n'
piped io_output 'io:format("hi ~p~n", [there]).\nio:put_chars("no newline").\n'
piped quit '1 + 2.\nq().\n3 + 4.\n'
piped halt_status 'halt(3).\n'
piped end_of_input '2 * 21.\n'
piped empty ''

# ---- typed into a terminal: the tty_sl driver and OTP's line editor ----

# The pane's text, wrapped lines joined, without trailing blanks.
screen() {
  tmux -S "$sock" capture-pane -p -J -S - -t shell 2>/dev/null | sed 's/[[:space:]]*$//' | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}'
}

wait_for() { # wait_for REGEX: until a line of the pane matches (20 s at most)
  local i
  for ((i = 0; i < 200; i++)); do
    screen | grep -qE "$1" && return 0
    sleep 0.1
  done
  return 1
}

send() { # send KEY...: tmux key names as keys, anything else as text
  local k
  for k in "$@"; do
    case $k in
      Enter | Left | BSpace | Up | C-a | C-c | C-e | C-g) tmux -S "$sock" send-keys -t shell "$k" ;;
      *) tmux -S "$sock" send-keys -t shell -l "$k" ;;
    esac
  done
}

at() { # at PROMPT KEY...: types the keys once the prompt is on the screen
  local prompt=$1
  shift
  wait_for "^$prompt" || { echo "  (no \"$prompt\" on the screen)"; return 1; }
  send "$@"
}

# start_session RUNTIME OUT: a fresh 80x30 terminal running RUNTIME, which
# records the terminal's modes before and after it in OUT.before/OUT.after.
start_session() {
  sock=$2.sock # a server of its own: a killed one may take a moment to go
  tmux -S "$sock" -f /dev/null new-session -d -s shell -x 80 -y 30 \
    "cd '$work' && stty -g >'$2.before'; env LANG=C.UTF-8 LC_ALL= '$1'; s=\$?; stty -g >'$2.after'; echo \"[exit \$s]\"; sleep 600" ||
    { echo "  (tmux could not start a session)"; return 1; }
}

# end_session STATUS RUNTIME OUT: saves the screen to OUT (and shows its end
# when the keys did not get through), stops tmux, returns STATUS.
end_session() {
  (($1 == 0)) || screen | tail -n 15 | sed "s|^|  $(basename "$2") |"
  screen >"$3"
  tmux -S "$sock" kill-server 2>/dev/null
  return "$1"
}

# Types the session into a fresh 80x30 terminal running $1; the screen goes
# to $2. Each line waits for the prompt it is typed at, so the keys reach
# the line editor as a person's would.
session() {
  local runtime=$1 out=$2 lefts=()
  start_session "$runtime" "$out" || return 1
  for _ in {1..60}; do lefts+=(Left); done
  at "1>" "X = 5." Enter &&
    at "2>" "F = fun(A) -> A * X end." Enter &&
    at "3>" "F(3)." Enter &&
    # Left twice, then a digit inserted before the 2: 10 + 32
    at "4>" "10 + 2." Left Left "3" Enter &&
    at "5>" "7 * 88" BSpace "." Enter &&
    # Ctrl-A to the start, Ctrl-E to the end
    at "6>" "2 + 3" C-a "10" C-e "." Enter &&
    # Up: the line before, again (once it is shown: what comes with the
    # Up key in the same read is dropped, on OTP too)
    at "7>" Up &&
    at "7> 102 \\+ 3\\.$" Enter &&
    at "8>" "1/0." Enter &&
    # a line wider than the terminal, edited back across the wrap
    at "9>" "[$(printf '1000, %.0s' {1..14})1000]." "${lefts[@]}" "7" Enter &&
    at "10>" "io:columns()." Enter &&
    at "11>" C-g &&
    at " -->" "q" Enter &&
    wait_for '^\[exit'
  end_session $? "$runtime" "$out"
}

# ^C brings up the BREAK menu: an unknown option shows it again, (c)ontinue
# goes back to the shell (no new prompt), (a)bort ends the runtime, status 0.
break_session() {
  local runtime=$1 out=$2
  start_session "$runtime" "$out" || return 1
  at "1>" C-c &&
    at "BREAK:" "x" Enter &&
    at "Invalid option" "c" Enter &&
    sleep 0.5 && send "6 * 7." Enter &&
    at "2>" C-c &&
    wait_for "^2>$" && sleep 0.5 && send "a" Enter &&
    wait_for '^\[exit'
  end_session $? "$runtime" "$out"
}

# same_screens CASE ERL_SCREEN EMBER_SCREEN: the screens match below the banner line.
same_screens() {
  if [ "$(tail -n +2 "$2")" = "$(tail -n +2 "$3")" ]; then
    passed=$((passed + 1))
  else
    fail "$1" "the screens differ"
    diff -u --label erl --label ember <(tail -n +2 "$2") <(tail -n +2 "$3") | head -n 60
  fi
}

if break_session "$erl" "$work/erl.break" && break_session "$ember" "$work/ember.break"; then
  for line in "Invalid option 'x'. Please enter one of the following:" "6 * 7." "42" "[exit 0]"; do
    grep -qxF -- "$line" "$work/erl.break" || fail break "erl's screen has no line \"$line\": the session went wrong"
  done
  cmp -s "$work/ember.break.before" "$work/ember.break.after" || fail break "ember left the terminal's modes changed"
  same_screens break "$work/erl.break" "$work/ember.break"
else
  fail break "the session did not finish"
fi

if session "$erl" "$work/erl.screen" && session "$ember" "$work/ember.screen"; then
  # the runs must have done what the keys ask for, on erl first of all
  for line in "4> 10 + 32." "42" "5> 7 * 8." "56" "6> 102 + 3." "105" "7> 102 + 3." "{ok,80}" \
    "[1000,1000,1000,1000,1000,71000,1000,1000,1000,1000,1000," "[exit 0]"; do
    grep -qxF -- "$line" "$work/erl.screen" || fail tty "erl's screen has no line \"$line\": the session went wrong"
  done
  # the terminal's modes are back as they were before the runtime started
  for r in erl ember; do
    cmp -s "$work/$r.screen.before" "$work/$r.screen.after" || fail tty "$r left the terminal's modes changed"
  done
  same_screens tty "$work/erl.screen" "$work/ember.screen"
else
  fail tty "the session did not finish"
  [ -f "$work/erl.screen" ] && [ -f "$work/ember.screen" ] &&
    diff -u --label erl --label ember "$work/erl.screen" "$work/ember.screen" | head -n 60
fi

echo "shell: $passed passed, $failed failed"
[ $failed -eq 0 ]
