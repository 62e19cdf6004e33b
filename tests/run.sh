#!/usr/bin/env bash
# tests/run.sh — runs every unit-test program and command-line test script
# and prints the total as "tests: N passed, N failed".
#
# Each program or script prints "NAME: N passed, N failed" as its last line;
# one that crashes or prints no such line counts as one failure.
set -u
: "${TIDINGS:?path to the tidings binary}" "${TEST_BIN_DIR:?}" "${SHARED:?}"
TIDINGS=$(realpath "$TIDINGS"); SHARED=$(realpath "$SHARED")
export TIDINGS SHARED
here=$(cd "$(dirname "$0")" && pwd)
passed=0 failed=0
run_one() {
    local name=$1; shift
    local out rc line
    out=$("$@" 2>&1); rc=$?
    line=$(printf '%s\n' "$out" | grep -E '[0-9]+ passed, [0-9]+ failed' | tail -1)
    if [ -z "$line" ]; then
        printf '%s\n' "$out" | tail -30
        echo "$name: crashed or printed no result (exit $rc)"
        failed=$((failed + 1)); return
    fi
    local p f
    p=$(sed -E 's/.* ([0-9]+) passed.*/\1/' <<<"$line")
    f=$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line")
    if [ "$f" != 0 ] || [ "$rc" != 0 ]; then
        printf '%s\n' "$out" | grep -v -E '[0-9]+ passed, [0-9]+ failed' | tail -40
        [ "$f" = 0 ] && f=1
    fi
    echo "$name: $p passed, $f failed"
    passed=$((passed + p)); failed=$((failed + f))
}
for t in "$TEST_BIN_DIR"/test_*; do
    [ -x "$t" ] || continue
    run_one "$(basename "$t")" "$t"
done
for s in "$here"/cli/test_*.sh; do
    [ -f "$s" ] || continue
    run_one "$(basename "$s" .sh)" bash "$s"
done
echo "tests: $passed passed, $failed failed"
[ "$failed" = 0 ]
