#!/bin/sh
# A session killed (SIGKILL) in the middle loses nothing: `rapport run
# --choices -` reads three replies from a pipe, journals each, and is killed
# while it waits for the fourth; then
#   MODE=save    `rapport recover --save` saves an incomplete attempt with
#                exactly those three turns;
#   MODE=resume  `rapport recover --resume --choices ...` plays the rest and
#                saves files identical, byte for byte, to those of an
#                uninterrupted run with the same choices and times.
# Usage: sh journal_kill.sh RAPPORT SCENARIO WORK MODE
set -eu
rapport=$1
scenario=$2
work=$3
mode=$4
fail() {
    echo "journal_kill ($mode): $*" >&2
    exit 1
}
command -v python3 >/dev/null 2>&1 ||
    fail "python3 is needed (sh .ci/install-deps installs it)"

rm -rf "$work"
mkdir -p "$work"
export RAPPORT_FIXED_TIME=1700000000
base=20231114-221320-ana-lima-billing-error-01

# ---- the session, killed after three journaled replies ----
mkfifo "$work/replies"
"$rapport" run "$scenario" --choices - --results "$work/results" \
    --trainee "Ana Lima" <"$work/replies" >"$work/run.out" \
    2>"$work/run.err" &
pid=$!
exec 3>"$work/replies"
printf '2 6\n3 12.5\n2 9\n' >&3
journal=""
tries=0
while [ "$tries" -lt 400 ]; do
    journal=$(ls "$work"/results/in-progress/*.journal 2>/dev/null || true)
    if [ -n "$journal" ] && [ "$(wc -l <"$journal")" -ge 4 ]; then
        break
    fi
    tries=$((tries + 1))
    sleep 0.05
done
kill -KILL "$pid"
status=0
wait "$pid" || status=$?
exec 3>&-
[ "$status" -eq 137 ] || fail "rapport run exited $status, not killed"
[ -n "$journal" ] && [ "$(wc -l <"$journal")" -eq 4 ] ||
    fail "the journal does not hold a header and 3 replies: $journal"
[ "$(ls "$work/results")" = "in-progress" ] ||
    fail "files other than the journal: $(ls "$work/results")"

# ---- the leftover is listed ----
"$rapport" recover --results "$work/results" >"$work/list.out" ||
    fail "rapport recover (list) failed"
grep -q "trainee:   Ana Lima" "$work/list.out" &&
    grep -q "played:    3 turns; the call goes on at turn 4" \
        "$work/list.out" || fail "unexpected listing: $(cat "$work/list.out")"

if [ "$mode" = save ]; then
    "$rapport" recover --results "$work/results" --save \
        2>"$work/save.err" || fail "recover --save: $(cat "$work/save.err")"
    [ ! -e "$journal" ] || fail "the journal was not removed"
    [ ! -e "$work/results/in-progress" ] || fail "in-progress/ was left"
    python3 - "$work/results/$base.json" "$work/results/$base.xapi.json" <<'EOF'
import json, sys
record = json.load(open(sys.argv[1], encoding="utf-8"))
turns = record["transcript"]
assert record["format_version"] == 2, record["format_version"]
assert record["status"] == "incomplete", record["status"]
assert record["outcome"] is None and record["passed"] is False
assert record["trainee"] == "Ana Lima"
assert [t["choice"] for t in turns] == [2, 3, 2], turns
assert [t["response_ms"] for t in turns] == [6000, 12500, 9000], turns
assert record["duration_ms"] == 27500, record["duration_ms"]
verbs = [s["verb"]["id"].rsplit("/", 1)[1]
         for s in json.load(open(sys.argv[2], encoding="utf-8"))]
assert verbs == ["responded"] * 3 + ["terminated"], verbs
EOF
    xmllint --html --noout "$work/results/$base.html" ||
        fail "the report is not clean HTML"
    grep -q "Incomplete attempt" "$work/results/$base.html" ||
        fail "the report does not say Incomplete attempt"
elif [ "$mode" = resume ]; then
    "$rapport" recover --results "$work/results" --resume \
        --choices 2,2,2 --times 30,7,8 >"$work/resume.out" \
        2>"$work/resume.err" || fail "recover --resume: $(cat "$work/resume.err")"
    [ ! -e "$journal" ] || fail "the journal was not removed"
    "$rapport" run "$scenario" --choices 2,3,2,2,2,2 \
        --times 6,12.5,9,30,7,8 --results "$work/straight" \
        --trainee "Ana Lima" >"$work/straight.out" 2>/dev/null ||
        fail "the uninterrupted run failed"
    for ext in json html xapi.json; do
        cmp "$work/results/$base.$ext" "$work/straight/$base.$ext" ||
            fail "$base.$ext differs from the uninterrupted run's"
    done
    cmp "$work/resume.out" "$work/straight.out" ||
        fail "the debrief differs from the uninterrupted run's"
    grep -q '"status":	"complete"' "$work/results/$base.json" ||
        fail "the resumed result is not complete"
else
    fail "unknown mode"
fi
echo "journal_kill ($mode): ok"
