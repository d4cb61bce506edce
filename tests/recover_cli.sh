#!/bin/sh
# rapport recover's interface: the default folder, journals kept when a
# scripted run stops early, --discard needing --yes, a changed or moved
# scenario, and wrong usage.
# Usage: sh recover_cli.sh RAPPORT SCENARIO WORK
set -eu
rapport=$1
scenario=$2
work=$3
fail() {
    echo "recover_cli: $*" >&2
    exit 1
}
# expect STATUS TEXT COMMAND...: runs it, checks the exit status and that
# stdout+stderr contain TEXT
expect() {
    want=$1
    text=$2
    shift 2
    status=0
    "$@" >"$work/out" 2>&1 || status=$?
    [ "$status" -eq "$want" ] ||
        fail "exit $status, not $want: $*: $(cat "$work/out")"
    grep -qF -- "$text" "$work/out" ||
        fail "no '$text' from: $*: $(cat "$work/out")"
}

rm -rf "$work"
mkdir -p "$work/home"
export RAPPORT_FIXED_TIME=1700000000
res=$work/results

# The default folder is the game's: $XDG_DATA_HOME, else ~/.local/share.
expect 0 "no interrupted sessions in $work/home/.local/share/rapport/results" \
    env -u XDG_DATA_HOME HOME="$work/home" "$rapport" recover
expect 0 "no interrupted sessions in $work/data/rapport/results" \
    env XDG_DATA_HOME="$work/data" HOME="$work/home" "$rapport" recover
expect 2 "give --results DIR" env -u XDG_DATA_HOME -u HOME "$rapport" recover

# A script too short: the debrief is not printed, the journal is kept.
expect 1 "rapport recover --results $res --resume" \
    "$rapport" run "$scenario" --choices 2,3 --results "$res" --trainee Bo
journal=$(ls "$res"/in-progress/*.journal)
expect 0 "played:    2 turns" "$rapport" recover --results "$res"

# Wrong usage.
expect 2 "--choices and --times are for --resume" \
    "$rapport" recover --results "$res" --save --choices 1
expect 2 "choose one of" "$rapport" recover --results "$res" --save --resume
expect 2 "--yes confirms --discard" "$rapport" recover --results "$res" --yes
expect 2 "give --choices for the remaining turns" \
    "$rapport" recover --results "$res" --resume
expect 2 "add --yes to confirm" "$rapport" recover --results "$res" --discard
[ -e "$journal" ] || fail "--discard without --yes deleted the journal"
echo "not a journal" >"$work/notes.txt"
expect 1 "not a journal" \
    "$rapport" recover --results "$res" --discard --yes "$work/notes.txt"
[ -e "$work/notes.txt" ] || fail "--discard deleted a file not a journal"

# Two journals: --resume needs to be told which.
expect 1 "rapport recover --results" \
    "$rapport" run "$scenario" --choices 1 --results "$res" --trainee Cy
expect 2 "name the one to resume" \
    "$rapport" recover --results "$res" --resume --choices best
expect 0 "removed: $journal" \
    "$rapport" recover --results "$res" --discard --yes "$journal"
[ ! -e "$journal" ] || fail "--discard --yes kept the journal"

# A scenario changed since: nothing replayed, the journal kept; moved and
# unchanged: --scenario finds it.
cp "$scenario" "$work/copy.xml"
expect 1 "rapport recover" \
    "$rapport" run "$work/copy.xml" --choices 2,3 --results "$work/r2"
echo "<!-- edited -->" >>"$work/copy.xml"
expect 1 "has changed since the session started" \
    "$rapport" recover --results "$work/r2" --save
ls "$work"/r2/in-progress/*.journal >/dev/null || fail "journal not kept"
cp "$scenario" "$work/moved.xml"
rm "$work/copy.xml"
expect 1 "give it with --scenario FILE" \
    "$rapport" recover --results "$work/r2" --save
expect 0 "saved as an incomplete attempt (2 turns)" \
    "$rapport" recover --results "$work/r2" --save --scenario "$work/moved.xml"
[ ! -e "$work/r2/in-progress" ] || fail "in-progress/ left after --save"

# A journal that is not one: reported with its line, listing exits 1.
mkdir -p "$work/r3/in-progress"
printf '{"format":"rapport-journal"}\n' \
    >"$work/r3/in-progress/x.journal"
expect 1 "x.journal:1: error:" "$rapport" recover --results "$work/r3"
expect 0 "removed:" "$rapport" recover --results "$work/r3" --discard --yes
echo "recover_cli: ok"
