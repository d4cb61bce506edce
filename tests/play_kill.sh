#!/bin/sh
# The game killed (SIGKILL) in the middle of a call loses nothing:
# `rapport play --script 2,3,2 --hold` (headless, assessment mode, so the
# result is saved as `rapport run` saves it) plays three replies, journals
# each, and waits on turn 4 until it is killed; then the next start finds
# the journal and
#   MODE=resume  `--on-journal resume --script 2,2,2` plays on from turn 4
#                and saves the full result: its transcript is the three
#                replies then the rest, and its files are byte for byte
#                those of `rapport run` with the same choices and times;
#   MODE=save    `--on-journal save` saves an incomplete attempt with
#                exactly those three turns (then plays the script's call,
#                saved as a second, complete result).
# Usage: sh play_kill.sh RAPPORT SCENARIO WORK MODE
set -eu
rapport=$1
scenario=$2
work=$3
mode=$4
fail() {
    echo "play_kill ($mode): $*" >&2
    exit 1
}
command -v python3 >/dev/null 2>&1 ||
    fail "python3 is needed (sh .ci/install-deps installs it)"

rm -rf "$work"
mkdir -p "$work"
export RAPPORT_FIXED_TIME=1700000000 SDL_VIDEODRIVER=dummy
base=20231114-221320-ana-lima-billing-error-01

# ---- the game, killed after three journaled replies ----
"$rapport" play "$scenario" --size 1024x768 --mode assessment \
    --name "Ana Lima" --results "$work/results" --script 2,3,2 \
    --times 6,12.5,9 --hold --screenshot-dir "$work/shots-killed" \
    >"$work/killed.out" 2>"$work/killed.err" &
pid=$!
journal=""
tries=0
while [ "$tries" -lt 600 ]; do
    journal=$(ls "$work"/results/in-progress/*.journal 2>/dev/null || true)
    if [ -n "$journal" ] && [ "$(wc -l <"$journal")" -ge 4 ]; then
        break
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
        fail "rapport play ended before it was killed: $(cat "$work/killed.err")"
    fi
    tries=$((tries + 1))
    sleep 0.05
done
kill -KILL "$pid"
status=0
wait "$pid" || status=$?
[ "$status" -eq 137 ] || fail "rapport play exited $status, not killed"
[ -n "$journal" ] && [ "$(wc -l <"$journal")" -eq 4 ] ||
    fail "the journal does not hold a header and 3 replies: $journal"
[ "$(ls "$work/results")" = "in-progress" ] ||
    fail "files other than the journal: $(ls "$work/results")"

if [ "$mode" = resume ]; then
    "$rapport" play "$scenario" --size 1024x768 --results "$work/results" \
        --on-journal resume --script 2,2,2 --times 30,7,8 \
        --screenshot-dir "$work/shots" --print-debrief \
        >"$work/resume.out" 2>"$work/resume.err" ||
        fail "the resumed run failed: $(cat "$work/resume.err")"
    [ ! -e "$journal" ] || fail "the journal was not removed"
    [ ! -e "$work/results/in-progress" ] || fail "in-progress/ was left"
    ls "$work/shots" | grep -q -- '-recovery-1\.png$' ||
        fail "no screenshot of the recovery notice"
    python3 - "$work/results/$base.json" <<'EOF'
import json, sys
record = json.load(open(sys.argv[1], encoding="utf-8"))
turns = record["transcript"]
assert record["status"] == "complete", record["status"]
assert record["trainee"] == "Ana Lima", record["trainee"]
assert [t["choice"] for t in turns] == [2, 3, 2, 2, 2, 2], turns
assert [t["response_ms"] for t in turns] == \
    [6000, 12500, 9000, 30000, 7000, 8000], turns
assert record["settings"]["feedback_mode"] == "withheld", record["settings"]
EOF
    # The same call played straight through by rapport run.
    "$rapport" run "$scenario" --choices 2,3,2,2,2,2 \
        --times 6,12.5,9,30,7,8 --results "$work/straight" \
        --trainee "Ana Lima" >"$work/straight.out" 2>/dev/null ||
        fail "the uninterrupted run failed"
    for ext in json html xapi.json; do
        cmp "$work/results/$base.$ext" "$work/straight/$base.$ext" ||
            fail "$base.$ext differs from rapport run's"
    done
    cmp "$work/resume.out" "$work/straight.out" ||
        fail "the debrief differs from rapport run's"
elif [ "$mode" = save ]; then
    "$rapport" play "$scenario" --size 1024x768 --results "$work/results" \
        --on-journal save --script 3,2,1,1,4,3 --name "Bo Chen" \
        --input mouse >"$work/save.out" 2>"$work/save.err" ||
        fail "the run failed: $(cat "$work/save.err")"
    [ ! -e "$journal" ] || fail "the journal was not removed"
    python3 - "$work/results" "$base" <<'EOF'
import glob, json, os, sys
folder, base = sys.argv[1], sys.argv[2]
record = json.load(open(os.path.join(folder, base + ".json"),
                        encoding="utf-8"))
turns = record["transcript"]
assert record["status"] == "incomplete", record["status"]
assert record["outcome"] is None and record["passed"] is False
assert record["trainee"] == "Ana Lima", record["trainee"]
assert [t["choice"] for t in turns] == [2, 3, 2], turns
assert [t["response_ms"] for t in turns] == [6000, 12500, 9000], turns
assert record["duration_ms"] == 27500, record["duration_ms"]
records = sorted(p for p in glob.glob(os.path.join(folder, "*.json"))
                 if not p.endswith(".xapi.json"))
assert len(records) == 2, records
other = json.load(open([p for p in records if base not in p][0],
                       encoding="utf-8"))
assert other["status"] == "complete" and other["trainee"] == "Bo Chen"
assert len(other["transcript"]) == 6, other["transcript"]
EOF
else
    fail "unknown mode"
fi
echo "play_kill ($mode): ok"
