#!/bin/sh
# rapport report over 200 saved results (varied scenarios, choices, times
# and trainees; 4 incomplete attempts saved by rapport recover; a trainee
# named with markup, quotes and three scripts; formula-like names) plus a
# corrupt and a foreign JSON file: the CSV has a header and 200 rows and
# parses, the HTML is clean for xmllint, the bad files are skipped with a
# warning, and the escaped name comes out intact in the CSV, the session's
# HTML report, its JSON record and its xAPI statements.
# Usage: sh report_cli.sh RAPPORT SCENARIOS_DIR ESCAPING_XML WORK
set -eu
rapport=$1
scenarios=$2
escaping=$3
work=$4
fail() {
    echo "report_cli: $*" >&2
    exit 1
}
command -v python3 >/dev/null 2>&1 ||
    fail "python3 is needed (sh .ci/install-deps installs it)"
command -v xmllint >/dev/null 2>&1 ||
    fail "xmllint is needed (sh .ci/install-deps installs libxml2-utils)"

rm -rf "$work"
mkdir -p "$work"
res=$work/results
zoe="<Zoë & \"Ωμέγα\" 'Юля'>"

# run N SCENARIO TRAINEE CHOICES [TIME]: one saved session
run() {
    RAPPORT_FIXED_TIME=$((1700000000 + $1 * 600)) \
        "$rapport" run "$scenarios/$2.xml" --choices "$4" \
        ${5:+--times "$5"} --results "$res" --trainee "$3" \
        >/dev/null 2>"$work/run.err" || {
        [ "${6:-}" = short ] || fail "run $*: $(cat "$work/run.err")"
    }
}

i=0
while [ "$i" -lt 190 ]; do
    who="Trainee $((i % 37 + 1))"
    secs=$((i % 40 + 3))
    case $((i % 9)) in
    0) run "$i" isp-promo-question "$who" best "$secs" ;;
    1) run "$i" isp-promo-question "$who" 4,3,4,2,4,2 "$secs" ;;
    2) run "$i" isp-promo-question "$who" worst ;;
    3) run "$i" telecom-outage "$who" 3,2,4,1,2,4,2 "$secs" ;;
    4) run "$i" telecom-outage "$who" 4,1,2,4,1,2 "$secs" ;;
    5) run "$i" telecom-outage "$who" 3,2,4 6,9,200 ;;
    6) run "$i" billing-error "$who" 2,3,2,2,2,2 "$secs" ;;
    7) run "$i" billing-error "$who" 4,4,4,3,3,2 ;;
    8) run "$i" billing-error "$who" best "$secs" ;;
    esac
    i=$((i + 1))
done
for c in 1 2 1 2; do
    RAPPORT_FIXED_TIME=$((1700000000 + i * 600)) \
        "$rapport" run "$escaping" --choices "$c" --results "$res" \
        --trainee "$zoe" >/dev/null 2>"$work/run.err" ||
        fail "escaping run: $(cat "$work/run.err")"
    i=$((i + 1))
done
run "$i" billing-error "=HYPERLINK(\"http://x\",\"y\")" best
i=$((i + 1))
run "$i" billing-error "@SUM(1)" worst
i=$((i + 1))
# four sessions stopped early: journals, saved as incomplete attempts
for c in 1 1,1 2,3,2 4; do
    run "$i" billing-error "Quitter $i" "$c" "" short
    i=$((i + 1))
done
"$rapport" recover --results "$res" --save 2>"$work/recover.err" ||
    fail "recover --save: $(cat "$work/recover.err")"
count=$(ls "$res"/*.json | grep -vc '\.xapi\.json$')
[ "$count" -eq 200 ] || fail "expected 200 records, found $count"

# a corrupt record and another program's JSON
printf '{"format": "rapport-result", "trainee": "cut' >"$res/corrupt.json"
printf '{"name": "some-package", "version": "1.0.0"}\n' >"$res/foreign.json"

status=0
"$rapport" report "$res" --out "$work/out" >"$work/report.out" \
    2>"$work/report.err" || status=$?
[ "$status" -eq 0 ] || fail "rapport report exited $status: $(cat "$work/report.err")"
grep -qF "$res/corrupt.json:1:42: warning: skipped: not a Rapport result: this is not valid JSON" \
    "$work/report.err" || fail "corrupt file not reported: $(cat "$work/report.err")"
grep -qF "$res/foreign.json: warning: skipped: not a Rapport result: no \"format\": \"rapport-result\"" \
    "$work/report.err" || fail "foreign file not reported: $(cat "$work/report.err")"
grep -qF "rapport report: 100 of 202 files read" "$work/report.err" &&
    grep -qF "rapport report: 202 of 202 files read" "$work/report.err" &&
    grep -qF "rapport report: 200 results read, 2 files skipped" \
        "$work/report.err" || fail "no progress: $(cat "$work/report.err")"
[ ! -s "$work/report.out" ] || fail "unexpected output on stdout"

xmllint --html --noout "$work/out/class-report.html" 2>"$work/xmllint.err" ||
    fail "xmllint: $(cat "$work/xmllint.err")"
[ ! -s "$work/xmllint.err" ] || fail "xmllint: $(cat "$work/xmllint.err")"

base=$(ls "$res" | grep -- '-zo-escaping-01\.json$' | head -n 1 |
    sed 's/\.json$//')
[ -n "$base" ] || fail "no escaping record: $(ls "$res" | grep escaping)"
python3 - "$work/out/class-report.csv" "$work/out/class-report.html" \
    "$res/$base" "$zoe" <<'EOF'
import csv, html.parser, json, sys
csv_path, html_path, base, zoe = sys.argv[1:5]

raw = open(csv_path, "rb").read()
assert raw.startswith(b"\xef\xbb\xbf"), "no byte order mark"
lines = raw[3:].split(b"\r\n")
assert lines[-1] == b"" and all(l.startswith(b'"') for l in lines[:-1])
rows = list(csv.reader(open(csv_path, encoding="utf-8-sig", newline="")))
header = ["trainee", "scenario", "date", "empathy", "honesty",
          "promptness", "overall", "outcome", "duration",
          "critical_mistakes"]
assert rows[0] == header, rows[0]
data = rows[1:]
assert len(data) == 200, len(data)
assert all(len(r) == 10 for r in data)
assert all(int(r[9]) >= 0 for r in data)
dates = [r[2] for r in data]
assert dates == sorted(dates), "rows not sorted by date"
incomplete = [r for r in data if r[7] == "incomplete"]
assert len(incomplete) == 4, len(incomplete)
assert all(r[3:7] == ["", "", "", ""] for r in incomplete), incomplete
for r in data:
    if r[7] != "incomplete":
        assert r[7] in ("resolved", "partial", "escalated", "lost"), r
        assert all(0 <= int(v) <= 100 for v in r[3:7]), r
    float(r[8])
assert sum(r[0] == zoe for r in data) == 4, "escaped name not intact"
titles = {r[1] for r in data}
assert 'Refund <urgent> & "fast" — Σωκράτης, Пётр, 日本語' in titles, titles
formula = [r[0] for r in data if r[0][:2] in ("'=", "'@")]
assert sorted(formula) == ["'=HYPERLINK(\"http://x\",\"y\")", "'@SUM(1)"], \
    formula
assert not any(c and c[0] in "=+-@" for r in data for c in r), "formula"

class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.text = []
    def handle_data(self, d):
        self.text.append(d)

def text_of(path):
    p = Text()
    p.feed(open(path, encoding="utf-8").read())
    return "".join(p.text)

page = open(html_path, encoding="utf-8").read()
text = text_of(html_path)
assert "<script>" not in page and "&lt;script&gt;" in page
for needle in ['Refund <urgent> & "fast" — Σωκράτης, Пётр, 日本語',
               "<script>alert('x')</script> &amp; no.",
               "Turns where most trainees chose a weak option",
               "★ best", "Charged twice, third time calling",
               "4 incomplete (interrupted) attempts"]:
    assert needle in text, needle
assert page.count("data:image/svg+xml") == 4 * 4, "4 histograms a scenario"

# the same name in the session's own report, record and statements
assert zoe in text_of(base + ".html"), "name not intact in the report"
assert json.load(open(base + ".json", encoding="utf-8"))["trainee"] == zoe
for st in json.load(open(base + ".xapi.json", encoding="utf-8")):
    assert st["actor"]["name"] == zoe and st["actor"]["account"]["name"] == zoe
EOF

# --csv to standard output, --html alone
"$rapport" report "$res" --csv - --quiet >"$work/stdout.csv" 2>/dev/null ||
    fail "--csv - failed"
cmp "$work/stdout.csv" "$work/out/class-report.csv" ||
    fail "--csv - differs from --out's CSV"
"$rapport" report "$res/$base.json" --html "$work/one.html" 2>/dev/null ||
    fail "one file given"
xmllint --html --noout "$work/one.html" || fail "one.html not clean"

# nothing readable: exit 1; wrong usage: exit 2
status=0
"$rapport" report "$res/corrupt.json" --csv "$work/none.csv" \
    2>"$work/none.err" || status=$?
[ "$status" -eq 1 ] && grep -q "no results to report on" "$work/none.err" &&
    [ ! -e "$work/none.csv" ] || fail "no results: exit $status"
for args in "$res" "$res --out $work/o --csv $work/c" \
    "$res --csv - --html -" "$res --bogus"; do
    status=0
    # shellcheck disable=SC2086
    "$rapport" report $args >/dev/null 2>&1 || status=$?
    [ "$status" -eq 2 ] || fail "report $args: exit $status, not 2"
done
echo "report_cli: ok"
