#!/bin/sh
# Results in the game, through the real binary, headless:
#   - a scripted run without --results saves nothing anywhere;
#   - a results folder that cannot be written (a path under a regular
#     file: ENOTDIR, whoever runs the test) shows the notice, the call
#     goes on to its debrief, nothing is saved and the run exits 1;
#   - journals left by `rapport run` (a script too short keeps one) are
#     answered with --on-journal later (kept), discard (asked, then
#     deleted), and, for a scenario file edited since, resume (refused)
#     and save (an incomplete attempt replayed on the edited file); a
#     journal whose scenario file is missing cannot be saved.
# Usage: sh play_results.sh RAPPORT SCENARIO A_REGULAR_FILE WORK
set -eu
rapport=$1
scenario=$2
file=$3
work=$4
fail() {
    echo "play_results: $*" >&2
    exit 1
}
command -v python3 >/dev/null 2>&1 ||
    fail "python3 is needed (sh .ci/install-deps installs it)"
rm -rf "$work"
mkdir -p "$work"
export RAPPORT_FIXED_TIME=1700000000 SDL_VIDEODRIVER=dummy
script=3,2,1,1,4,3
play() {
    "$rapport" play --size 1024x768 "$@"
}
# A journal of three replies, as a stopped session leaves it.
journal_of() {
    "$rapport" run "$1" --choices 2,3,2 --results "$2" \
        --trainee "Ana Lima" >/dev/null 2>&1 && fail "run did not stop"
    ls "$2"/in-progress/*.journal >/dev/null 2>&1 || fail "no journal in $2"
}

# ---- no --results: nothing saved, not even in HOME ----
mkdir -p "$work/home"
HOME="$work/home" XDG_DATA_HOME="" play "$scenario" --script $script \
    --screenshot-dir "$work/shots-none" 2>"$work/none.err" ||
    fail "the run without --results failed: $(cat "$work/none.err")"
[ -z "$(ls -A "$work/home")" ] || fail "files appeared in HOME"

# ---- a folder that cannot be written ----
status=0
play "$scenario" --script $script --input mouse --results "$file/sub" \
    --screenshot-dir "$work/shots-notdir" 2>"$work/notdir.err" || status=$?
[ "$status" -eq 1 ] || fail "an unsaved run exited $status, not 1"
grep -q "cannot start a journal in $file/sub/in-progress: Not a directory" \
    "$work/notdir.err" || fail "no clear message: $(cat "$work/notdir.err")"
grep -q "the call is not saved" "$work/notdir.err" ||
    fail "not said that the call is not saved"
ls "$work/shots-notdir" | grep -q -- '-journal-failed\.png$' ||
    fail "no screenshot of the notice"
ls "$work/shots-notdir" | grep -q -- '-debrief\.png$' ||
    fail "the call did not reach its debrief"

# ---- later: the journal stays; the script's call is saved ----
journal_of "$scenario" "$work/later"
j=$(ls "$work"/later/in-progress/*.journal)
play "$scenario" --script $script --results "$work/later" \
    --on-journal later 2>"$work/later.err" ||
    fail "--on-journal later: $(cat "$work/later.err")"
[ -e "$j" ] || fail "later removed the journal"
[ "$(ls "$work"/later/*.json | grep -vc xapi)" -eq 1 ] ||
    fail "the call after the notice was not saved"

# ---- without an answer, a scripted run does not guess ----
status=0
play "$scenario" --script $script --results "$work/later" \
    2>"$work/ask.err" || status=$?
[ "$status" -eq 1 ] && grep -q "answer it with --on-journal" \
    "$work/ask.err" || fail "an unanswered notice: $(cat "$work/ask.err")"

# ---- discard (touch): asked, then deleted ----
play "$scenario" --script $script --results "$work/later" \
    --on-journal discard --input touch --screenshot-dir "$work/shots-discard" \
    2>"$work/discard.err" || fail "--on-journal discard: $(cat "$work/discard.err")"
[ ! -e "$j" ] || fail "discard kept the journal"
ls "$work/shots-discard" | grep -q -- '-recovery-confirm-1\.png$' ||
    fail "discarding was not confirmed"

# ---- a scenario file edited since ----
cp "$scenario" "$work/edited.xml"
journal_of "$work/edited.xml" "$work/edited"
python3 - "$work/edited.xml" <<'EOF'
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
old = "She is calling on her break at work"
assert old in text
open(path, "w", encoding="utf-8").write(
    text.replace(old, "She is ringing on her break at work"))
EOF
status=0
play "$scenario" --script $script --results "$work/edited" \
    --on-journal resume 2>"$work/edited-resume.err" || status=$?
[ "$status" -eq 1 ] && grep -q "cannot resume it" "$work/edited-resume.err" ||
    fail "resumed on an edited file: $(cat "$work/edited-resume.err")"
play "$scenario" --script $script --results "$work/edited" \
    --on-journal save 2>"$work/edited-save.err" ||
    fail "--on-journal save (edited): $(cat "$work/edited-save.err")"
[ -z "$(ls "$work/edited/in-progress" 2>/dev/null)" ] ||
    fail "the edited file's journal was kept"
python3 - "$work/edited" <<'EOF'
import glob, json, os, sys
records = [json.load(open(p, encoding="utf-8"))
           for p in glob.glob(os.path.join(sys.argv[1], "*.json"))
           if not p.endswith(".xapi.json")]
incomplete = [r for r in records if r["status"] == "incomplete"]
assert len(records) == 2 and len(incomplete) == 1, records
turns = incomplete[0]["transcript"]
assert [t["choice"] for t in turns] == [2, 3, 2], turns
EOF

# ---- a scenario file that is gone ----
cp "$scenario" "$work/gone.xml"
journal_of "$work/gone.xml" "$work/gone"
rm "$work/gone.xml"
status=0
play "$scenario" --script $script --results "$work/gone" \
    --on-journal save 2>"$work/gone.err" || status=$?
[ "$status" -eq 1 ] && grep -q "is missing" "$work/gone.err" ||
    fail "saved without its scenario: $(cat "$work/gone.err")"
[ -n "$(ls "$work/gone/in-progress")" ] || fail "the journal went"
echo "play_results: ok"
