#!/bin/sh
# Benchmark: CPU used by the game sitting idle on a turn (the options on
# screen, the timer running: one redraw a second) in a real X window under
# Xvfb at 1920x1080, and on the picker (no redraw at all). The issue's
# target is under 1% of one core over 10 s.
#   sh tests/idle_cpu.sh [RAPPORT] [SECONDS]
# Not a test: timings depend on the machine. Under Xvfb SDL's default
# renderer is OpenGL emulated on the CPU (llvmpipe), which costs far more
# per frame than a GPU would; SDL_RENDER_DRIVER=software
# SDL_FRAMEBUFFER_ACCELERATION=0 measures SDL's own software renderer.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
rapport=${1:-$here/build/rapport}
seconds=${2:-10}
command -v xvfb-run >/dev/null 2>&1 || {
    echo "idle_cpu: needs xvfb-run (apt-get install xvfb xauth)" >&2
    exit 1
}
export RAPPORT_EXE="$rapport" RAPPORT_FILE="$here/scenarios/isp-promo-question.xml"
export SECONDS_IDLE="$seconds"
# Not the user's remembered settings (fullscreen, text size...), nor their
# results folder (the killed call's journal would be offered next time).
RAPPORT_CONFIG_DIR=$(mktemp -d)
RAPPORT_RESULTS=$(mktemp -d)
export RAPPORT_CONFIG_DIR RAPPORT_RESULTS
trap 'rm -rf "$RAPPORT_CONFIG_DIR" "$RAPPORT_RESULTS"' EXIT
xvfb-run -a -s "-screen 0 1920x1080x24" sh -c '
    measure() {
        label=$1
        shift
        "$RAPPORT_EXE" play "$RAPPORT_FILE" --size 1920x1080 \
            --results "$RAPPORT_RESULTS" "$@" &
        pid=$!
        sleep 3 # start-up, first frames and the reveal are not idle
        hz=$(getconf CLK_TCK)
        t0=$(awk "{print \$14 + \$15}" /proc/$pid/stat)
        sleep "$SECONDS_IDLE"
        t1=$(awk "{print \$14 + \$15}" /proc/$pid/stat)
        kill $pid
        wait $pid 2>/dev/null || true
        awk -v a="$t0" -v b="$t1" -v hz="$hz" -v s="$SECONDS_IDLE" \
            -v l="$label" "BEGIN { printf \"%-28s %5.2f%% CPU over %d s\n\", \
            l, 100 * (b - a) / hz / s, s }"
    }
    measure "idle on the picker" 
    measure "idle on a turn (timer on)" --start
' 
