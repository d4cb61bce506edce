#!/bin/sh
# A session killed (SIGKILL) in the middle loses nothing: `rapport run
# --choices -` reads three replies from a pipe, journals each, and is killed
# while it waits for the fourth; then
#   MODE=save    `rapport recover --save` saves an incomplete attempt with
#                exactly those three turns;
#   MODE=resume  `rapport recover --resume --choices ...` plays the rest and
#                saves files identical, byte for byte, to those of an
#                uninterrupted run with the same choices and times.
#   MODE=shuffled  the same with the options shuffled (--seed): the resumed
#                call shows every turn's options in the same order as the
#                uninterrupted run, and saves the same files byte for byte.
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

seed_args=""
if [ "$mode" = shuffled ]; then
    seed_args="--seed 20261206"
    # the uninterrupted run first: each turn's options on stderr
    printf '2 6\n3 12.5\n2 9\n2 30\n2 7\n2 8\n2 5\n2 5\n2 5\n2 5\n' \
        >"$work/all-replies"
    # shellcheck disable=SC2086
    "$rapport" run "$scenario" $seed_args --choices - \
        --results "$work/straight" --trainee "Ana Lima" \
        <"$work/all-replies" >"$work/straight.out" 2>"$work/straight.err" ||
        fail "the uninterrupted run failed: $(cat "$work/straight.err")"
fi

# ---- the session, killed after three journaled replies ----
mkfifo "$work/replies"
# shellcheck disable=SC2086
"$rapport" run "$scenario" $seed_args --choices - --results "$work/results" \
    --trainee "Ana Lima" <"$work/replies" >"$work/run.out" \
    2>"$work/run.err" &
pid=$!
exec 3>"$work/replies"
printf '2 6\n3 12.5\n2 9\n' >&3
journal=""
tries=0
while [ "$tries" -lt 400 ]; do
    journal=$(ls "$work"/results/in-progress/*.journal 2>/dev/null || true)
    if [ -n "$journal" ] && [ "$(wc -l <"$journal")" -ge 4 ] &&
        grep -q "^Turn 4\." "$work/run.err" 2>/dev/null &&
        [ "$(grep -c "choice (1-" "$work/run.err")" -ge 4 ]; then
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
assert record["format_version"] == 3, record["format_version"]
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
elif [ "$mode" = shuffled ]; then
    tail -n +4 "$work/all-replies" |
        "$rapport" recover --results "$work/results" --resume --choices - \
            >"$work/resume.out" 2>"$work/resume.err" ||
        fail "recover --resume: $(cat "$work/resume.err")"
    [ ! -e "$journal" ] || fail "the journal was not removed"
    for ext in json html xapi.json; do
        cmp "$work/results/$base.$ext" "$work/straight/$base.$ext" ||
            fail "$base.$ext differs from the uninterrupted run's"
    done
    cmp "$work/resume.out" "$work/straight.out" ||
        fail "the debrief differs from the uninterrupted run's"
    python3 - "$work" "$work/results/$base.json" <<'EOF'
import json, re, sys
work = sys.argv[1]
def turns(name):
    text = open(f"{work}/{name}", encoding="utf-8").read()
    # "Turn N. ..." then the numbered options, up to the prompt
    return dict(re.findall(r"\nTurn (\d+)\.(.*?)choice \(1-", text, re.S))
straight, killed, resumed = (turns(n) for n in
                             ("straight.err", "run.err", "resume.err"))
assert set(killed) == {"1", "2", "3", "4"}, sorted(killed)
for n, shown in killed.items():
    assert straight[n] == shown, f"turn {n} was shown in another order"
assert resumed and min(map(int, resumed)) == 4, sorted(resumed)
for n, shown in resumed.items():
    assert straight[n] == shown, f"resumed turn {n} in another order"
record = json.load(open(sys.argv[2], encoding="utf-8"))
assert record["settings"]["shuffle"] is True
assert record["settings"]["seed"] == 20261206
turns = record["transcript"]
assert any(t["choice"] != t["choice_index"] + 1 for t in turns), turns
EOF
else
    fail "unknown mode"
fi
echo "journal_kill ($mode): ok"
