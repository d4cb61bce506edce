#!/bin/sh
# Smoke test of the game in a real X window (Xvfb): every shipped scenario
# is played from the picker to the debrief once with the keyboard only and
# once with the mouse only. Two runs save their screenshots: they must not
# be blank, and the keyboard run at 1024x768 must match the golden images
# taken headless (the software renderer draws the same pixels in a real
# window). Exits 77 (skipped) when xvfb-run is missing.
#   xvfb_smoke.sh RAPPORT PNG_CHECK SCENARIO_DIR OUT_DIR GOLDEN_DIR
set -eu
rapport=$1
png_check=$2
scenarios=$3
out=$4
golden=$5
if ! command -v xvfb-run >/dev/null 2>&1; then
    echo "xvfb-run not found (Debian: apt-get install xvfb xauth): skipped"
    exit 77
fi
rm -rf "$out"
mkdir -p "$out"
export RAPPORT_EXE="$rapport" RAPPORT_SCENARIOS="$scenarios" RAPPORT_OUT="$out"
# SDL_VIDEODRIVER=x11: fail rather than fall back to another driver.
xvfb-run -a -s "-screen 0 1920x1200x24" sh -c '
    set -eu
    export SDL_VIDEODRIVER=x11
    play() {
        echo "xvfb: $1 --script $2 --input $3"
        "$RAPPORT_EXE" play "$RAPPORT_SCENARIOS/$1.xml" --size 1024x768 \
            --script "$2" --input "$3" ${4:+--screenshot-dir "$4"}
    }
    play isp-promo-question 2,4,1,3,2,3,3 keys "$RAPPORT_OUT/isp-promo-keys"
    play isp-promo-question 4,3,4,2,4,2 mouse "$RAPPORT_OUT/isp-promo-mouse"
    play telecom-outage 3,2,4,1,2,4,2 mouse
    play telecom-outage 4,1,2,4,1,2 keys
    play billing-error 3,2,1,1,4,3 keys
    play billing-error 2,3,2,2,2,2 mouse
'
"$png_check" shots "$out/isp-promo-mouse" 16 1024 768
"$png_check" shots "$out/isp-promo-keys" 18 1024 768
for name in 00-picker 01-briefing 02-turn-1 03-feedback-1 17-debrief; do
    "$png_check" compare "$golden/$name.png" "$out/isp-promo-keys/$name.png" 8 2
done
echo "xvfb smoke test passed"
