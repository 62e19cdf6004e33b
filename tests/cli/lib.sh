# tests/cli/lib.sh — helpers for command-line tests (sourced).
#
# A script calls `check "what" COMMAND...` (passes when the command exits 0)
# and ends with `report`.  $TIDINGS is the binary, $SHARED ../shared,
# $TMP a fresh scratch folder removed at exit.
set -u
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
_passed=0 _failed=0
check() {
    local what=$1; shift
    if "$@"; then _passed=$((_passed + 1))
    else _failed=$((_failed + 1)); echo "FAIL: $what" >&2; fi
}
# json FILE EXPR: evaluates a Python expression on the first JSON line in FILE
# (bound to d); prints the result.
json() {
    python3 -c 'import json,sys; d=json.loads(open(sys.argv[1]).readline()); print(eval(sys.argv[2]))' "$1" "$2"
}
# expect_eq WHAT GOT WANT
expect_eq() {
    if [ "$2" = "$3" ]; then _passed=$((_passed + 1))
    else _failed=$((_failed + 1)); echo "FAIL: $1: got [$2], want [$3]" >&2; fi
}
report() {
    echo "$(basename "$0" .sh): $_passed passed, $_failed failed"
    [ "$_failed" = 0 ]
}
