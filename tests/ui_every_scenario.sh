#!/bin/sh
# Every shipped scenario, played through the real interface from the picker
# to the debrief: its best play (from `rapport lint`) with the keyboard only,
# its worst play with the mouse only and its best play again by touch. Each
# game must end in exactly the debrief `rapport run` prints for the same
# choices, so the library cannot grow a scenario the game cannot finish.
#   ui_every_scenario.sh headless|xvfb RAPPORT SCENARIO_DIR OUT_DIR
# Exits 77 (skipped) in xvfb mode when xvfb-run is missing.
set -eu
mode=$1
rapport=$2
scenarios=$3
out=$4
rm -rf "$out"
mkdir -p "$out"
if [ "$mode" = xvfb ]; then
    if ! command -v xvfb-run >/dev/null 2>&1; then
        echo "xvfb-run not found (Debian: apt-get install xvfb xauth): skipped"
        exit 77
    fi
    if [ -z "${RAPPORT_IN_XVFB:-}" ]; then
        RAPPORT_IN_XVFB=1 SDL_VIDEODRIVER=x11 exec xvfb-run -a \
            -s "-screen 0 1280x1024x24" sh "$0" "$@"
    fi
else
    export SDL_VIDEODRIVER=dummy
fi
count=0
for file in "$scenarios"/*.xml; do
    name=$(basename "$file" .xml)
    lint=$("$rapport" lint "$file")
    best=$(printf '%s\n' "$lint" | sed -n 's/.*best play: *--choices \([0-9,]*\).*/\1/p')
    worst=$(printf '%s\n' "$lint" | sed -n 's/.*worst play: *--choices \([0-9,]*\).*/\1/p')
    if [ -z "$best" ] || [ -z "$worst" ]; then
        echo "$file: no best or worst play in rapport lint's output" >&2
        exit 1
    fi
    for run in "keys $best" "mouse $worst" "touch $best"; do
        input=${run%% *}
        script=${run#* }
        "$rapport" run "$file" --choices "$script" >"$out/$name-$input.expected"
        if ! "$rapport" play "$file" --size 1024x768 --script "$script" \
            --input "$input" --print-debrief >"$out/$name-$input.actual"; then
            echo "$name: the game failed ($input, --script $script)" >&2
            exit 1
        fi
        if ! cmp -s "$out/$name-$input.expected" "$out/$name-$input.actual"; then
            echo "$name: the game's debrief ($input, --script $script)" \
                "differs from rapport run's:" >&2
            diff "$out/$name-$input.expected" "$out/$name-$input.actual" >&2 || true
            exit 1
        fi
        echo "$mode: $name --script $script --input $input: debrief as rapport run"
        count=$((count + 1))
    done
done
if [ "$count" -lt 42 ]; then
    echo "only $count games played: expected 3 for each of at least 14 scenarios" >&2
    exit 1
fi
echo "$count games played to the debrief ($mode)"
