#!/bin/sh
# Choices named by id on the command line: `rapport run --choices` and
# `--choices -` (standard input) and `rapport play --script` take ids as
# well as option numbers; with ids a script plays the same options whatever
# the seed shuffles, and the game and `rapport run` print the same debrief.
# Usage: sh choices_cli.sh RAPPORT SCENARIO WORK
set -eu
rapport=$1
scenario=$2
work=$3
fail() {
    echo "choices_cli: $*" >&2
    exit 1
}
rm -rf "$work"
mkdir -p "$work"

"$rapport" run "$scenario" --choices blame,resend --format json \
    >"$work/plain.json" || fail "run with ids failed"
for seed in 1 2 3 77; do
    "$rapport" run "$scenario" --seed "$seed" --choices blame,resend \
        --format json >"$work/seed-$seed.json" ||
        fail "run --seed $seed with ids failed"
done
printf '# ids on standard input\nblame 3\n\nresend 4.5\n' |
    "$rapport" run "$scenario" --seed 2 --choices - --format json \
        >"$work/stdin.json" 2>"$work/stdin.err" ||
    fail "run --choices - with ids failed: $(cat "$work/stdin.err")"
python3 - "$work" <<'PY'
import json, sys, glob
work = sys.argv[1]
def said(name):
    d = json.load(open(f"{work}/{name}", encoding="utf-8"))
    return [t["chosen"]["said"] for t in d["turns"]]
want = ["Parcels are often late.", "A new one goes out today, tracked."]
for name in ["plain.json", "stdin.json"] + [p.rsplit("/", 1)[1] for p in
                                            glob.glob(f"{work}/seed-*.json")]:
    assert said(name) == want, (name, said(name))
PY

# an id that is not on offer, or not in the node, is refused with the turn
if "$rapport" run "$scenario" --choices blame,tracked 2>"$work/off.err"; then
    fail "a choice not on offer was accepted"
fi
grep -q "choice 'tracked' at turn 2 is not on offer" "$work/off.err" ||
    fail "unexpected message: $(cat "$work/off.err")"

# the game plays ids through its interface and agrees with rapport run
SDL_VIDEODRIVER=dummy "$rapport" play --script promise,wait --seed 5 \
    --print-debrief "$scenario" >"$work/play.txt" ||
    fail "play --script with ids failed"
"$rapport" run "$scenario" --seed 5 --choices promise,wait >"$work/run.txt" ||
    fail "run --seed 5 failed"
cmp "$work/play.txt" "$work/run.txt" ||
    fail "the game's debrief differs from rapport run's"
echo "choices_cli: ok"
