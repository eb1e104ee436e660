#!/bin/sh
# run_pack.sh EMBER ROOT: packs the bundle tests' program (test/pack/app) and
# the billing example (examples/billing) with `ember pack`, runs each .ebx
# (OTP mode and standalone) and each --exe executable, and compares stdout
# and exit status with the same modules run by OTP's erl from a directory.
set -u
ember=$(realpath "$1")
root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
cd "$tmp" || exit 1

mkdir -p demo billing/ebin exe
erlc -o demo "$root"/test/pack/app/*.erl || exit 1
erlc -o billing/ebin "$root"/examples/billing/src/*.erl || exit 1
cp "$root"/examples/billing/src/billing.app.src billing/ebin/billing.app

# ref NAME DIR MOD FUNC ARGS...: erl's stdout and status for NAME
ref() {
    name=$1 dir=$2 mod=$3 func=$4
    shift 4
    timeout 60 erl -noshell -pa "$dir" -run "$mod" "$func" -s init stop -extra "$@" >"$name.erl.out" 2>/dev/null
    echo $? >"$name.erl.rc"
}

# check NAME REF CMD...: CMD's stdout and status must be REF's
check() {
    name=$1 want=$2
    shift 2
    timeout 60 "$@" >"$name.out" 2>"$name.err"
    rc=$?
    if ! cmp -s "$name.out" "$want.erl.out" || [ "$rc" != "$(cat "$want.erl.rc")" ]; then
        echo "FAIL $name: status $rc (erl: $(cat "$want.erl.rc"))"
        diff "$want.erl.out" "$name.out" | head -20
        head -5 "$name.err"
        failed=1
    elif grep -q "Sanitizer" "$name.err"; then
        echo "FAIL $name: sanitizer report"
        head -20 "$name.err"
        failed=1
    else
        echo "ok   $name"
    fi
}

# refuse NAME CMD...: a usage or pack error, status 1 and one "ember" line
refuse() {
    name=$1
    shift
    timeout 60 "$@" >/dev/null 2>"$name.err"
    rc=$?
    if [ "$rc" != 1 ] || ! grep -q "^ember" "$name.err" || grep -q "Sanitizer" "$name.err"; then
        echo "FAIL $name: status $rc"
        head -5 "$name.err"
        failed=1
    else
        echo "ok   $name: $(head -1 "$name.err")"
    fi
}

ref demo_args demo pack_demo main a "b c" ""
ref demo_none demo pack_demo main
ref demo_other demo pack_demo other
ref billing billing/ebin billing main
ref billing_7 billing/ebin billing main 7

"$ember" pack demo.ebx --entry pack_demo demo || failed=1
"$ember" pack other.ebx --entry pack_demo:other demo || failed=1
"$ember" pack exe/demo --exe --entry pack_demo demo || failed=1
# an OTP-style application directory: its ebin/ is packed
"$ember" pack billing.ebx --entry billing billing || failed=1
"$ember" pack exe/billing --exe --entry billing:main billing || failed=1

check demo_otp demo_args "$ember" demo.ebx a "b c" ""
check demo_standalone demo_args "$ember" -standalone demo.ebx a "b c" ""
check demo_no_args demo_none "$ember" demo.ebx
check demo_no_args_standalone demo_none "$ember" -standalone demo.ebx
check demo_entry_function demo_other "$ember" other.ebx
check demo_entry_function_standalone demo_other "$ember" -standalone other.ebx
# the executables run from a directory without Ember's lib/ebin beside them
check demo_exe demo_args exe/demo a "b c" ""
check demo_exe_standalone demo_args env EMBER_EXE_FLAGS="-standalone +S 2" exe/demo a "b c" ""
check billing_ebx billing "$ember" billing.ebx
check billing_ebx_7 billing_7 "$ember" billing.ebx 7
check billing_exe billing exe/billing
check billing_exe_7 billing_7 exe/billing 7
# and on Ember's own library, as on a machine without OTP
check billing_ebx_standalone billing "$ember" -standalone billing.ebx
check billing_exe_standalone billing_7 env EMBER_EXE_FLAGS="-standalone" exe/billing 7

refuse pack_no_entry "$ember" pack x.ebx demo
refuse pack_entry_not_packed "$ember" pack x.ebx --entry nosuch demo
refuse pack_no_dir "$ember" pack x.ebx --entry pack_demo "$tmp/nosuchdir"
refuse run_missing "$ember" nosuch.ebx
[ ! -e x.ebx ] || { echo "FAIL: a failed pack left x.ebx"; failed=1; }
exit $failed
