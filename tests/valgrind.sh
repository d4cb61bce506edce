#!/bin/sh
# valgrind memcheck over the command-line paths that handle records: a
# scripted call saved with --results, a call stopped and its journal
# listed, saved (twice: the second finds it saved), resumed; a class
# report; lint and a test plan of a shipped scenario; validate of a
# hostile file. Any memory error or definite or indirect leak fails
# (--error-exitcode). No suppressions: these paths use no SDL.
# Usage: sh valgrind.sh RAPPORT SOURCE_DIR WORK
set -eu
rapport=$1
src=$2
work=$3
rm -rf "$work"
mkdir -p "$work"
export RAPPORT_FIXED_TIME=1700000000
scenario="$src/scenarios/billing-error.xml"
results="$work/results"
n=0
vg() {
    n=$((n + 1))
    status=0
    valgrind -q --error-exitcode=99 --leak-check=full \
        --errors-for-leak-kinds=definite,indirect \
        --show-leak-kinds=definite,indirect \
        "$rapport" "$@" >"$work/out.$n" 2>"$work/err.$n" || status=$?
    if [ "$status" -eq 99 ] || grep -q "^==[0-9]*== " "$work/err.$n"; then
        cat "$work/err.$n" >&2
        echo "valgrind: errors in: rapport $*" >&2
        exit 1
    fi
    echo "valgrind: clean (exit $status): rapport $*"
}
vg run "$scenario" --choices 3,2,1,1,4,3 --results "$results" --trainee "Ana Lima"
vg run "$scenario" --choices 3,2,1 --results "$results" --trainee "Bo"
vg recover --results "$results"
cp -r "$results" "$work/again"
vg recover --results "$results" --save
vg recover --results "$work/again" --resume --choices 1,4,3
vg report "$results" --csv "$work/class.csv" --html "$work/class.html"
vg lint --strict "$scenario"
vg test "$src/scenarios/tests/billing-error.plan.xml"
vg validate "$src/tests/data/four-problems.xml"
echo "valgrind: $n runs clean"
