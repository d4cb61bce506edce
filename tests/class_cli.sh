#!/bin/sh
# rapport class, scripted (tests/data/class/*.script):
#   - the class debrief of a whole-class and a teams session of
#     billing-error is exactly the golden text (tests/golden/class-*.txt;
#     RAPPORT_UPDATE_GOLDEN=1 rewrites them);
#   - the saved class result: the JSON record, the HTML page and the xAPI
#     statements (Group actors, no person named) are checked;
#   - a session killed (SIGKILL) in the middle and resumed with the rest of
#     its script saves the same three files, byte for byte, as the
#     uninterrupted run;
#   - bad scripts and options fail with a message;
#   - the cheat sheet: HTML that parses, and the text form quoted in
#     README.md and scenarios/README.md.
# Usage: sh class_cli.sh RAPPORT SOURCE_DIR WORK
set -eu
rapport=$1
src=$2
work=$3
fail() {
    echo "class_cli: $*" >&2
    exit 1
}
scenario=$src/scenarios/billing-error.xml
data=$src/tests/data/class
rm -rf "$work"
mkdir -p "$work"
export RAPPORT_FIXED_TIME=1700000000

golden() { # NAME: compare $work/NAME.txt with the golden file
    if [ "${RAPPORT_UPDATE_GOLDEN:-}" = 1 ]; then
        cp "$work/$1.txt" "$src/tests/golden/$1.txt"
    fi
    diff -u "$src/tests/golden/$1.txt" "$work/$1.txt" >&2 ||
        fail "$1: the class debrief differs from the golden text"
}

# ---- the two modes, uninterrupted ----
"$rapport" class "$scenario" --script "$data/billing-whole.script" \
    --results "$work/whole" >"$work/class-billing-whole.txt" \
    2>"$work/whole.err" || fail "whole: $(cat "$work/whole.err")"
golden class-billing-whole
"$rapport" class "$scenario" --teams "Red, Blue,Green" \
    --script "$data/billing-teams.script" --results "$work/teams" \
    >"$work/class-billing-teams.txt" 2>"$work/teams.err" ||
    fail "teams: $(cat "$work/teams.err")"
golden class-billing-teams
[ ! -e "$work/whole/in-progress" ] && [ ! -e "$work/teams/in-progress" ] ||
    fail "a journal was left behind after saving"

python3 - "$work/whole" "$work/teams" <<'EOF'
import glob, json, sys
from html.parser import HTMLParser

def one(folder, pattern):
    found = glob.glob(folder + "/" + pattern)
    assert len(found) == 1, (pattern, found)
    return found[0]

for folder, mode, teams in ((sys.argv[1], "whole", []),
                            (sys.argv[2], "teams", ["Red", "Blue", "Green"])):
    rec = json.load(open(one(folder, "*.class.json"), encoding="utf-8"))
    assert rec["format"] == "rapport-class-result", rec["format"]
    assert rec["format_version"] == 1
    assert rec["status"] == "complete"
    assert rec["settings"]["mode"] == mode
    assert rec["settings"]["relaxed_timing"] is True
    assert rec["settings"]["scoreboard"] is False
    assert rec["teams"] == teams, rec["teams"]
    assert rec["scenario"]["id"] == "billing-error"
    assert rec["start"] == "2023-11-14T22:13:20.000Z", rec["start"]
    assert rec["outcome"] in ("resolved", "partial", "escalated", "lost")
    names = [t["team"] for t in rec["scores"]["teams"]]
    assert names == teams, names
    for t in rec["turns"]:
        letters = [o["option"] for o in t["options"]]
        assert t["call"] in letters
        votes = {o["option"]: o["votes"] for o in t["options"]}
        assert votes[t["call"]] == max(votes.values()), t
        if mode == "teams":
            chosen = [c["choice"] for c in t["team_choices"]]
            for letter in letters:
                assert votes[letter] == chosen.count(letter), t
    if mode == "whole":
        # turn 1: hands A 12, C 5, D 1 (the mistaken 4 on C were undone)
        t1 = rec["turns"][0]
        assert [o["hands"] for o in t1["options"]] == [12, 0, 5, 1], t1
        assert [o["phones"] for o in t1["options"]] == [0, 0, 0, 0], t1
        assert t1["call"] == "A" and t1["better"] == "C" and t1["split"]
        assert rec["turns"][1]["picked"] is True
        assert rec["turns"][2]["split"] is False
    else:
        t2 = rec["turns"][1]
        assert [c["picked"] for c in t2["team_choices"]] == \
            [False, True, False], t2
        assert rec["turns"][2]["picked"] is True
    statements = json.load(open(one(folder, "*.class.xapi.json"),
                                encoding="utf-8"))
    groups = {"Class"} | set(teams)
    ids = set()
    for st in statements:
        actor = st["actor"]
        assert actor["objectType"] == "Group", actor
        assert actor["name"] in groups, actor
        assert "member" not in actor and "mbox" not in actor, actor
        assert actor["account"]["homePage"] == "https://rapport-sim.org"
        ids.add(st["id"])
    assert len(ids) == len(statements), "statement ids are not unique"
    verbs = [s["verb"]["id"].rsplit("/", 1)[1] for s in statements]
    assert verbs.count("responded") == len(rec["turns"]) * (1 + len(teams))
    assert verbs.count("completed") == 1 + len(teams), verbs
    page = open(one(folder, "*.class.html"), encoding="utf-8").read()
    HTMLParser().feed(page)
    assert "The path the room took" in page and "<script" not in page
    for team in teams:
        assert team in page
EOF

# ---- class results appear in rapport report ----
"$rapport" report "$work/whole" "$work/teams" --out "$work/report" \
    2>"$work/report.err" || fail "report: $(cat "$work/report.err")"
grep -q "2 results read, 0 files skipped" "$work/report.err" ||
    fail "report: $(cat "$work/report.err")"
python3 - "$work/report/class-report.html" <<'EOF'
import sys
from html.parser import HTMLParser
cells = []
class Cells(HTMLParser):
    section = False
    def handle_data(self, data):
        if data == "Class sessions":
            self.section = True
        elif self.section and self.lasttag == "td":
            cells.append(data)
Cells().feed(open(sys.argv[1], encoding="utf-8").read())
groups = [c for c in cells if c in ("the class", "the call", "Red", "Blue",
                                    "Green")]
assert groups == ["the class", "the call", "Red", "Blue", "Green"], cells
assert "5 of 6" in cells and "7 of 7" in cells, cells
EOF

# ---- killed in the middle, then resumed ----
# The whole-class script is fed through a pipe up to the votes of turn 2,
# the process is killed while it waits for more, and the rest is played
# with --resume.
split=$(grep -n '^hands B 8$' "$data/billing-whole.script" | cut -d: -f1)
head -n "$split" "$data/billing-whole.script" >"$work/first.script"
tail -n +"$((split + 1))" "$data/billing-whole.script" >"$work/rest.script"
mkfifo "$work/pipe"
"$rapport" class "$scenario" --script - --results "$work/killed" \
    <"$work/pipe" >"$work/killed.out" 2>"$work/killed.err" &
pid=$!
exec 3>"$work/pipe"
cat "$work/first.script" >&3
# header, turn 1: 5 entries, undo, close, play; turn 2: one entry
want=9
tries=0
journal=""
while [ "$tries" -lt 400 ]; do
    journal=$(ls "$work"/killed/in-progress/*.class-journal 2>/dev/null ||
        true)
    if [ -n "$journal" ] && [ "$(wc -l <"$journal")" -ge "$want" ]; then
        break
    fi
    tries=$((tries + 1))
    sleep 0.05
done
kill -KILL "$pid"
status=0
wait "$pid" || status=$?
exec 3>&-
[ "$status" -eq 137 ] || fail "rapport class exited $status, not killed"
[ -n "$journal" ] && [ "$(wc -l <"$journal")" -eq "$want" ] ||
    fail "the journal does not hold the $want lines expected: $journal"
"$rapport" class --results "$work/killed" --resume \
    --script "$work/rest.script" >"$work/resumed.txt" 2>"$work/resumed.err" ||
    fail "resume: $(cat "$work/resumed.err")"
grep -q "at turn 2 (vote) with 8 recorded entries" "$work/resumed.err" ||
    fail "resume did not come back to turn 2's vote: $(cat "$work/resumed.err")"
cmp "$work/class-billing-whole.txt" "$work/resumed.txt" ||
    fail "the resumed debrief differs"
for f in "$work"/whole/*; do
    cmp "$f" "$work/killed/$(basename "$f")" ||
        fail "$(basename "$f") differs after kill and resume"
done
[ ! -e "$work/killed/in-progress" ] || fail "the journal was left behind"

# ---- an interrupted session saved as it is (--resume --save) ----
head -n "$split" "$data/billing-whole.script" >"$work/part.script"
status=0
"$rapport" class "$scenario" --scoreboard --script "$work/part.script" \
    --results "$work/part" >/dev/null 2>"$work/part.err" || status=$?
[ "$status" -eq 1 ] || fail "a script ending early exited $status"
grep -q "resume --save keeps it" "$work/part.err" ||
    fail "no word of the journal kept: $(cat "$work/part.err")"
[ "$(grep -c '^Scores: class ' "$work/part.err")" -eq 1 ] ||
    fail "--scoreboard: not one scoreboard after one turn played"
"$rapport" recover --results "$work/part" >/dev/null 2>"$work/recover.err" ||
    fail "recover: $(cat "$work/recover.err")"
grep -q "1 interrupted class session in" "$work/recover.err" ||
    fail "rapport recover does not mention the class session: $(cat "$work/recover.err")"
"$rapport" class --results "$work/part" --resume --save \
    >"$work/part.out" 2>"$work/part.err" ||
    fail "--resume --save: $(cat "$work/part.err")"
grep -q "Outcome: the call did not reach an ending" "$work/part.out" ||
    fail "--save: the debrief does not say the call is unfinished"
[ ! -e "$work/part/in-progress" ] || fail "--save left the journal"
python3 - "$work/part" <<'EOF'
import glob, json, sys
rec = json.load(open(glob.glob(sys.argv[1] + "/*.class.json")[0]))
assert rec["status"] == "incomplete" and rec["outcome"] is None, rec
assert len(rec["turns"]) == 1, rec["turns"]
verbs = [s["verb"]["id"].rsplit("/", 1)[1] for s in
         json.load(open(glob.glob(sys.argv[1] + "/*.class.xapi.json")[0]))]
assert verbs == ["responded", "terminated"], verbs
EOF

# ---- mistakes ----
expect_fail() { # RC DESCRIPTION ARGS...
    rc=$1
    what=$2
    shift 2
    status=0
    "$rapport" class "$@" >"$work/bad.out" 2>"$work/bad.err" || status=$?
    [ "$status" -eq "$rc" ] || fail "$what: exit $status, not $rc"
    [ -s "$work/bad.err" ] || fail "$what: no message"
}
printf 'next\nnext\nhands A 3\nhands B 3\nclose\nplay\n' >"$work/tie.script"
expect_fail 1 "a tie without a pick" "$scenario" --script "$work/tie.script" \
    --results "$work/bad"
grep -q "tied: the facilitator must pick" "$work/bad.err" ||
    fail "no word of the tie: $(cat "$work/bad.err")"
printf 'next\nhands Z 3\n' >"$work/z.script"
expect_fail 1 "an option not on offer" "$scenario" --script "$work/z.script" \
    --results "$work/bad"
printf 'dance\n' >"$work/verb.script"
expect_fail 1 "an unknown action" "$scenario" --script "$work/verb.script" \
    --results "$work/bad"
printf 'agreed A Purple\n' >"$work/team.script"
expect_fail 1 "an unknown team" "$scenario" --teams "Red,Blue" \
    --script "$work/team.script" --results "$work/bad"
expect_fail 2 "one team" "$scenario" --teams "Red" \
    --script "$work/team.script" --results "$work/bad"
expect_fail 2 "nine teams" "$scenario" --teams "a,b,c,d,e,f,g,h,i" \
    --script "$work/team.script" --results "$work/bad"
expect_fail 1 "a missing script" "$scenario" --script "$work/none" \
    --results "$work/bad"

# ---- the cheat sheet ----
"$rapport" class --cheatsheet >"$work/cheat.html" || fail "--cheatsheet"
"$rapport" class --cheatsheet=text >"$work/cheat.txt" ||
    fail "--cheatsheet=text"
python3 - "$work/cheat.html" "$work/cheat.txt" "$src/README.md" \
    "$src/scenarios/README.md" <<'EOF'
import sys
from html.parser import HTMLParser
html = open(sys.argv[1], encoding="utf-8").read()
HTMLParser().feed(html)
assert "PageDown" in html and "<table>" in html
text = open(sys.argv[2], encoding="utf-8").read()
for doc in sys.argv[3:]:
    body = open(doc, encoding="utf-8").read()
    assert text in body, doc + " does not quote rapport class --cheatsheet=text"
EOF
echo "class_cli: ok"
