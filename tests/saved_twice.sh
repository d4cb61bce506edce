#!/bin/sh
# A call saved whose journal was left behind (a program stopped between
# saving the result and removing the journal) is never saved twice:
#   rapport recover --save         finds the record, removes the journal;
#   rapport recover --resume       likewise for a call that had ended;
#   rapport play --on-journal save the game's notice does the same;
#   both rapport recover's list and the game's notice say up front that
#   the call was saved already;
# and rapport report counts a call once even when two records of it exist
# (older versions saved it again). Empty journals are removed and said so.
# Usage: sh saved_twice.sh RAPPORT SCENARIO WORK
set -eu
rapport=$1
scenario=$2
work=$3
fail() {
    echo "saved_twice: $*" >&2
    exit 1
}
rm -rf "$work"
mkdir -p "$work"
export RAPPORT_FIXED_TIME=1700000000 SDL_VIDEODRIVER=dummy
base=20231114-221320-ana-lima-billing-error

records() {
    ls "$1" | grep -c '^.*[0-9]\.json$' || true
}

# ---- an incomplete attempt saved, its journal put back ----
r="$work/incomplete"
"$rapport" run "$scenario" --choices 3,2,1 --results "$r" \
    --trainee "Ana Lima" >/dev/null 2>&1 && fail "run did not stop"
j=$(ls "$r"/in-progress/*.journal)
cp "$j" "$work/journal"
"$rapport" recover --results "$r" --save 2>/dev/null || fail "first save"
mkdir -p "$r/in-progress" && cp "$work/journal" "$j"
"$rapport" recover --results "$r" --save 2>"$work/again.err" ||
    fail "second save failed: $(cat "$work/again.err")"
grep -q "already saved as $r/$base-01.json" "$work/again.err" ||
    fail "not said: $(cat "$work/again.err")"
[ "$(records "$r")" -eq 1 ] || fail "saved twice: $(ls "$r")"
[ ! -e "$j" ] || fail "the journal of a saved call was kept"

# ---- said up front: rapport recover's list and the game's notice ----
mkdir -p "$r/in-progress" && cp "$work/journal" "$j"
"$rapport" recover --results "$r" >"$work/list.out" 2>&1 ||
    fail "recover list: $(cat "$work/list.out")"
grep -q "saved:     already, as $r/$base-01.json" "$work/list.out" ||
    fail "the list did not say it was saved: $(cat "$work/list.out")"

# ---- the game's notice: Save finds it saved ----
"$rapport" play --size 1024x768 "$scenario" --script 3,2,1,1,4,3 \
    --name "Bo" --results "$r" --on-journal save >/dev/null \
    2>"$work/play.err" || fail "play failed: $(cat "$work/play.err")"
grep -q "already saved as $r/$base-01.json; not saved again" \
    "$work/play.err" || fail "the game did not say: $(cat "$work/play.err")"
grep -q "already saved as $r/$base-01.json (the program stopped before removing its journal); Save removes" \
    "$work/play.err" || fail "the notice did not say it up front: $(cat "$work/play.err")"
[ ! -e "$j" ] || fail "the game kept the journal of a saved call"
[ "$(ls "$r" | grep -c "^$base-.*[0-9]\.json$")" -eq 1 ] ||
    fail "the game saved the call twice: $(ls "$r")"

# ---- a complete call saved, its journal put back: resume saves nothing ----
r="$work/complete"
"$rapport" run "$scenario" --choices 3,2,1 --results "$r" \
    --trainee "Ana Lima" >/dev/null 2>&1 && fail "run did not stop"
j=$(ls "$r"/in-progress/*.journal)
cp "$j" "$work/journal2"
"$rapport" recover --results "$r" --resume --choices 1,4,3 >/dev/null \
    2>/dev/null || fail "resume"
# the journal as the program left it once the call had ended
mkdir -p "$r/in-progress" && cp "$work/journal2" "$j"
"$rapport" recover --results "$r" --resume --choices 1,4,3 >/dev/null \
    2>"$work/resume.err" || fail "second resume: $(cat "$work/resume.err")"
grep -q "already saved" "$work/resume.err" ||
    fail "resume did not find it saved: $(cat "$work/resume.err")"
[ "$(records "$r")" -eq 1 ] || fail "resume saved twice: $(ls "$r")"

# ---- two records of one call (an older version's): counted once ----
cp "$r/$base-01.json" "$r/$base-02.json"
"$rapport" report "$r" --csv "$work/class.csv" 2>"$work/report.err" ||
    fail "report: $(cat "$work/report.err")"
grep -q "1 result read" "$work/report.err" &&
    grep -q "1 record of a call already read (saved twice) counted once" \
        "$work/report.err" || fail "report counted: $(cat "$work/report.err")"
[ "$(grep -c "Ana Lima" "$work/class.csv")" -eq 1 ] ||
    fail "the CSV has the call twice"

# ---- an empty journal is removed, and said so ----
r="$work/empty"
mkdir -p "$r/in-progress"
: >"$r/in-progress/20231114-221320-ana-billing-error-01.journal"
"$rapport" recover --results "$r" --save 2>"$work/empty.err" ||
    fail "recover --save of an empty journal: $(cat "$work/empty.err")"
grep -q "removed an empty journal" "$work/empty.err" ||
    fail "not said: $(cat "$work/empty.err")"
[ ! -e "$r/in-progress" ] || fail "the empty journal is left"
echo "saved_twice: no call saved twice"
