#!/bin/sh
# rapport translate on the command line: for every shipped scenario,
# export then import with every target equal to its source gives the file
# back byte for byte (into its own language; into another, only lang
# changes); what import reports and --strict, --check, standard output;
# export --update in place; -o never an input; wrong usage and help.
# Usage: sh translate_cli.sh RAPPORT SCENARIOS_DIR WORK
set -eu
rapport=$1
scenarios=$2
work=$3
fail() {
    echo "translate_cli: $*" >&2
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
# A translator who keeps every text: each <source> (one line each in what
# export writes) gets a <target> with the same text.
keep_sources() {
    sed 's|<source>\(.*\)</source>|<source>\1</source><target>\1</target>|' \
        "$1" >"$2"
}

rm -rf "$work"
mkdir -p "$work"

count=0
for scenario in "$scenarios"/*.xml; do
    name=$(basename "$scenario" .xml)
    lang=$(sed -n 's/.* lang="\([^"]*\)".*/\1/p' "$scenario" | head -n 1)
    [ -n "$lang" ] || fail "$scenario: no lang attribute found"
    "$rapport" translate export "$scenario" --lang "$lang" \
        -o "$work/$name.xlf" 2>"$work/err" || fail "export $name: $(cat "$work/err")"
    keep_sources "$work/$name.xlf" "$work/$name.same.xlf"
    "$rapport" translate import "$scenario" "$work/$name.same.xlf" --strict \
        -o "$work/$name.out.xml" 2>"$work/err" ||
        fail "import $name: $(cat "$work/err")"
    cmp "$scenario" "$work/$name.out.xml" ||
        fail "$name: not the same bytes after export and import"
    # into another language: only lang changes
    "$rapport" translate export "$scenario" --lang es -o "$work/$name.es.xlf" \
        2>/dev/null
    keep_sources "$work/$name.es.xlf" "$work/$name.es.same.xlf"
    "$rapport" translate import "$scenario" "$work/$name.es.same.xlf" \
        --strict >"$work/$name.es.xml" 2>/dev/null ||
        fail "import $name into es"
    sed "s/ lang=\"es\"/ lang=\"$lang\"/" "$work/$name.es.xml" |
        cmp - "$scenario" || fail "$name: more than lang changed"
    "$rapport" validate "$work/$name.es.xml" >/dev/null
    count=$((count + 1))
done
[ "$count" -ge 12 ] || fail "only $count scenarios found in $scenarios"

s=$scenarios/billing-error.xml
x=$work/billing-error.es.xlf
# Nothing translated: warnings per unit, the summary, the file written.
expect 0 "warning: unit 'title' has no translation: the scenario keeps the source text" \
    "$rapport" translate import "$s" "$x" -o "$work/be.xml"
grep -qF "0 of 105 texts translated; 105 untranslated" "$work/out" ||
    fail "no summary: $(cat "$work/out")"
[ -s "$work/be.xml" ] || fail "no output written"
# --strict: errors, nothing written; --check: nothing written either.
expect 1 "error: unit 'title' has no translation" \
    "$rapport" translate import "$s" "$x" --strict -o "$work/strict.xml"
[ ! -e "$work/strict.xml" ] || fail "--strict wrote a file"
expect 0 "105 untranslated" "$rapport" translate import "$s" "$x" --check
expect 2 "--check writes nothing" \
    "$rapport" translate import "$s" "$x" --check -o "$work/c.xml"
# A changed scenario: the warning is at the scenario's element.
sed 's/Can I take your account number, please?/May I have your account number?/' \
    "$s" >"$work/changed.xml"
keep_sources "$x" "$work/be.same.xlf"
expect 0 "changed.xml:30:7: warning: <say> changed since the translation file was made (unit 'node:opening:choice:2:say'" \
    "$rapport" translate import "$work/changed.xml" "$work/be.same.xlf" \
    -o "$work/changed.es.xml"
# --update in place: the changed text is marked for review.
cp "$work/be.same.xlf" "$work/upd.xlf"
expect 0 "1 of them changed and marked for review" \
    "$rapport" translate export "$work/changed.xml" --update "$work/upd.xlf" \
    -o "$work/upd.xlf"
grep -qF '<segment state="initial">' "$work/upd.xlf" ||
    fail "no unit marked for review"
expect 0 "marked for review (state=\"initial\"): it is used" \
    "$rapport" translate import "$work/changed.xml" "$work/upd.xlf" --check
# Never write over an input.
cp "$s" "$work/copy.xml"
expect 1 "is an input; give another file to -o" \
    "$rapport" translate import "$work/copy.xml" "$x" -o "$work/copy.xml"
cmp "$s" "$work/copy.xml" || fail "the scenario was overwritten"
expect 1 "is the scenario; give another file to -o" \
    "$rapport" translate export "$work/copy.xml" --lang es -o "$work/copy.xml"
# A broken scenario: its errors, no file.
printf '<scenario xmlns="urn:rapport:scenario:1" id="x">\n' >"$work/broken.xml"
expect 1 "broken.xml:2:1: error:" \
    "$rapport" translate export "$work/broken.xml" --lang es -o "$work/b.xlf"
[ ! -e "$work/b.xlf" ] || fail "export of a broken scenario wrote a file"

# Wrong usage and help.
expect 2 "give the target language with --lang" \
    "$rapport" translate export "$s"
expect 2 "--lang must be a language code such as es, pt-BR or ar, not 'es_ES'" \
    "$rapport" translate export "$s" --lang es_ES
expect 2 "give exactly one SCENARIO" "$rapport" translate export --lang es
expect 2 "give the SCENARIO and its translation FILE.xlf" \
    "$rapport" translate import "$s"
expect 2 "unknown action 'imprt': export or import" \
    "$rapport" translate imprt "$s"
expect 2 "Usage: rapport translate export" "$rapport" translate
expect 0 "Okapi" "$rapport" translate --help
expect 0 "--update OLD" "$rapport" translate export --help
expect 0 "--strict" "$rapport" translate import --help
expect 0 "translate" "$rapport" --help
echo "translate_cli: $count scenarios round-tripped"
