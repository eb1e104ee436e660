#!/bin/sh
# run_bad_bundle.sh EMBER ROOT CASE: packs the bundle tests' program, lets
# bad_bundle_gen (on OTP's erl) corrupt it for CASE, and checks that ember
# refuses it with one line "ember: bad bundle FILE: REASON" matching the
# case's reason, status 1, no sanitizer report, within 30 s.
set -u
ember=$(realpath "$1")
root=$2
case=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
mkdir demo gen
erlc -o demo "$root"/test/pack/app/*.erl || exit 1
erlc -o gen "$root"/test/pack/bad_bundle_gen.erl || exit 1
case $case in
exe_*) "$ember" pack good --exe --entry pack_demo demo || exit 1
       bad=./bad ;;
*) "$ember" pack good --entry pack_demo demo || exit 1
   bad=bad.ebx ;;
esac
re=$(erl -noshell -pa gen -run bad_bundle_gen main good "$bad" "$case" -s init stop) || exit 1
[ -n "$re" ] || { echo "unknown case $case"; exit 1; }
case $case in
exe_*) chmod +x "$bad"; timeout 30 "$bad" >out 2>err ;;
*) timeout 30 "$ember" "$bad" >out 2>err ;;
esac
rc=$?
msg=$(head -1 err)
echo "status $rc: $msg"
if [ "$rc" != 1 ]; then echo "FAIL: status $rc, not 1"; cat err | head -20; exit 1; fi
if grep -q Sanitizer err; then echo "FAIL: sanitizer report"; head -30 err; exit 1; fi
if [ "$(wc -l <err)" != 1 ]; then echo "FAIL: more than one line on stderr"; head -20 err; exit 1; fi
if ! echo "$msg" | grep -Eq "^ember: bad bundle [^ ]+: .*($re)"; then echo "FAIL: reason does not match /$re/"; exit 1; fi
if [ -s out ]; then echo "FAIL: the corrupt bundle ran"; exit 1; fi
exit 0
