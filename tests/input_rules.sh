#!/bin/sh
# A trainee's name, through the real binary, headless (settings.json that
# is a FIFO, a device or too big: test_prefs_input):
#   - a trainee's name that breaks the one rule (trainee.h) is refused by
#     `play --name` and `run --trainee` alike, with the same words, and
#     nothing is saved as "anonymous" instead.
# Usage: sh input_rules.sh RAPPORT SCENARIO WORK
set -eu
rapport=$1
scenario=$2
work=$3
fail() {
    echo "input_rules: $*" >&2
    exit 1
}
rm -rf "$work"
mkdir -p "$work"
export RAPPORT_FIXED_TIME=1700000000 SDL_VIDEODRIVER=dummy
play() {
    timeout 60 "$rapport" play --size 1024x768 "$@"
}

# ---- one rule for a trainee's name ----
nl='Ana
Lima'
zwsp=$(printf '\342\200\213')
bad=$(printf 'Ana \377')
rule="a trainee's name is one line of UTF-8 text, up to 60 bytes"
for name in "$nl" "$zwsp" "$bad"; do
    rc=0
    play "$scenario" --script 1,1 --results "$work/results" \
        --name "$name" >/dev/null 2>"$work/name.err" || rc=$?
    [ "$rc" -eq 2 ] || fail "play --name: exit $rc"
    grep -q "rapport play: --name: the name is refused: .*$rule" \
        "$work/name.err" || { cat "$work/name.err" >&2; fail "play words"; }
    rc=0
    "$rapport" run "$scenario" --choices 1,1 --results "$work/results" \
        --trainee "$name" >/dev/null 2>"$work/name.err" || rc=$?
    [ "$rc" -eq 2 ] || fail "run --trainee: exit $rc"
    grep -q "rapport run: --trainee: the name is refused: .*$rule" \
        "$work/name.err" || { cat "$work/name.err" >&2; fail "run words"; }
done
[ ! -e "$work/results" ] || ! ls "$work/results"/*.json >/dev/null 2>&1 ||
    fail "a result was saved for a refused name"
# 59 bytes and an "é": kept whole up to the character, with a note
long="$(printf '%059d' 0 | tr 0 a)$(printf '\303\251')"
"$rapport" run "$scenario" --choices 1,1 --results "$work/results" \
    --trainee "$long" >/dev/null 2>"$work/long.err" ||
    fail "run --trainee with a long name failed"
grep -q "longer than 60 bytes" "$work/long.err" || fail "no note when cut"
python3 - "$work/results" <<'PY' || fail "the cut name was not saved"
import glob, json, sys
records = [json.load(open(p)) for p in glob.glob(sys.argv[1] + "/*.json")
           if not p.endswith(".xapi.json")]
assert len(records) == 1, records
assert records[0]["trainee"] == "a" * 59, records[0]["trainee"]
PY
echo "input_rules: all passed"
