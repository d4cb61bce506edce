#!/bin/sh
# Checks that Graphviz accepts what `rapport graph` writes, both as DOT fed
# to `dot -Tsvg` and through `rapport graph --format svg`.
#   sh graph_dot.sh RAPPORT SCENARIO OUT_PREFIX
# Exits 77 (ctest SKIP_RETURN_CODE) when Graphviz's dot is not installed.
set -eu
rapport=$1
scenario=$2
out=$3
if ! command -v dot >/dev/null 2>&1; then
    echo "graph_dot: Graphviz 'dot' is not installed (apt-get install graphviz): skipped"
    exit 77
fi
mkdir -p "$(dirname "$out")"
"$rapport" graph "$scenario" -o "$out.dot"
dot -Tsvg "$out.dot" -o "$out.svg" 2>"$out.err"
if [ -s "$out.err" ]; then
    cat "$out.err"
    echo "graph_dot: dot printed warnings for $out.dot"
    exit 1
fi
grep -q '<svg' "$out.svg"
"$rapport" graph "$scenario" --format svg -o "$out.direct.svg"
grep -q '<svg' "$out.direct.svg"
echo "graph_dot: $scenario: accepted by dot"
