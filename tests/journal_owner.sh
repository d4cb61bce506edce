#!/bin/sh
# A journal belongs to the program playing its call. Session A
# (`rapport run --choices -`) has three replies journaled and waits for
# more; meanwhile session B tries everything that used to delete or save
# A's journal: `rapport recover --save`, `--discard --yes`, `--resume`, and
# the game's notice answered with `--on-journal discard` and `save`. Each
# must leave A's journal as it is and say that it was skipped. Then A
# takes its other replies and ends with exactly one, complete record (and
# B's game calls with their own).
# Usage: sh journal_owner.sh RAPPORT SCENARIO WORK
set -eu
rapport=$1
scenario=$2
work=$3
fail() {
    echo "journal_owner: $*" >&2
    exit 1
}
rm -rf "$work"
mkdir -p "$work"
export RAPPORT_FIXED_TIME=1700000000 SDL_VIDEODRIVER=dummy
results="$work/results"

mkfifo "$work/replies"
"$rapport" run "$scenario" --choices - --results "$results" \
    --trainee "Ana Lima" <"$work/replies" >"$work/a.out" 2>"$work/a.err" &
pid=$!
exec 3>"$work/replies"
printf '3\n2\n1\n' >&3
journal=""
tries=0
while [ "$tries" -lt 400 ]; do
    journal=$(ls "$results"/in-progress/*.journal 2>/dev/null || true)
    if [ -n "$journal" ] && [ "$(wc -l <"$journal")" -ge 4 ]; then
        break
    fi
    tries=$((tries + 1))
    sleep 0.05
done
[ -n "$journal" ] && [ "$(wc -l <"$journal")" -eq 4 ] ||
    fail "A's journal does not hold a header and 3 replies"
cp "$journal" "$work/journal.before"

same() {
    [ -e "$journal" ] || fail "$1 deleted A's live journal"
    cmp -s "$journal" "$work/journal.before" || fail "$1 changed A's journal"
    ls "$results" | grep -q '\.json$' && fail "$1 saved A's call: $(ls "$results")"
    grep -q "skipped: a running Rapport is playing this call" "$work/b.err" ||
        fail "$1 did not say it skipped A's journal: $(cat "$work/b.err")"
}

"$rapport" recover --results "$results" 2>"$work/b.err" >/dev/null ||
    fail "recover (list) failed: $(cat "$work/b.err")"
same "recover (list)"
"$rapport" recover --results "$results" --save 2>"$work/b.err" ||
    fail "recover --save failed: $(cat "$work/b.err")"
same "recover --save"
"$rapport" recover --results "$results" --discard --yes 2>"$work/b.err" ||
    fail "recover --discard failed: $(cat "$work/b.err")"
same "recover --discard --yes"
status=0
"$rapport" recover --results "$results" --resume --choices 1,4,3 \
    >/dev/null 2>"$work/b.err" || status=$?
[ "$status" -eq 1 ] || fail "recover --resume of a live call exited $status"
same "recover --resume"

# The game: the notice is never shown for A's call; B's own call is saved.
for answer in discard save; do
    "$rapport" play --size 1024x768 "$scenario" --script 3,2,1,1,4,3 \
        --name "Bo $answer" --results "$results" --on-journal "$answer" \
        >/dev/null 2>"$work/b.err" ||
        fail "play --on-journal $answer failed: $(cat "$work/b.err")"
    [ -e "$journal" ] && cmp -s "$journal" "$work/journal.before" ||
        fail "play --on-journal $answer touched A's journal"
    grep -q "skipped: a running Rapport is playing this call" "$work/b.err" ||
        fail "play --on-journal $answer did not say it skipped A's journal"
done

# A goes on and ends: one complete record of its call.
printf '1\n4\n3\n' >&3
exec 3>&-
status=0
wait "$pid" || status=$?
[ "$status" -eq 0 ] || fail "A exited $status: $(cat "$work/a.err")"
[ ! -e "$journal" ] || fail "A's journal is left after its save"
ana=$(ls "$results" | grep -c '^20231114-221320-ana-lima-.*[0-9]\.json$' || true)
[ "$ana" -eq 1 ] || fail "A's call has $ana records: $(ls "$results")"
python3 - "$results"/20231114-221320-ana-lima-billing-error-01.json <<'PY'
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
assert r["status"] == "complete", r["status"]
assert [t["choice"] for t in r["transcript"]] == [3, 2, 1, 1, 4, 3]
PY
bo=$(ls "$results" | grep -c '^20231114-221320-bo-.*[0-9]\.json$' || true)
[ "$bo" -eq 2 ] || fail "B's calls have $bo records, not 2: $(ls "$results")"
echo "journal_owner: A's live journal survived 6 attempts by B; one record"
