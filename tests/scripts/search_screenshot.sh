#!/usr/bin/env bash
# Retake resources/screenshots/search-pane-fr.png: the French window on a 1366x768
# screen, the search pane open (Ctrl+Shift+F) on "Bosworth" and the article at a hit;
# then resources/screenshots/tag-every-hit-fr.png: Ctrl+Shift+T on those hits, the
# first tagged with key 4 (person), the second skipped with Space.
# Needs Xvfb, openbox, xdotool and ImageMagick (apt-get install xvfb openbox xdotool imagemagick).
# PYTHON names the interpreter (default: python on PATH).
set -euo pipefail
python=${PYTHON:-python}
repo=$(cd "$(dirname "$0")/../.." && pwd)
out=$repo/resources/screenshots/search-pane-fr.png
review=$repo/resources/screenshots/tag-every-hit-fr.png
work=$(mktemp -d)
Xvfb -displayfd 3 -screen 0 1366x768x24 -nolisten tcp 3>"$work/display" >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$work"' EXIT
while [[ ! -s $work/display ]]; do sleep 0.1; done
export DISPLAY=:$(cat "$work/display")
openbox >/dev/null 2>&1 &
sleep 1

"$python" "$repo/tests/scripts/make_screenshot_project.py" "$work/window.db" >/dev/null
mkdir -p "$work/config"
(cd "$work" && XDG_CONFIG_HOME=$work/config LANG=fr_FR.UTF-8 QT_QPA_PLATFORM=xcb \
  "$python" -m annotator --db "$work/window.db" --annotator alice) &
app=$!
window=$(xdotool search --sync --onlyvisible --name annotator | head -1)
sleep 3  # the first article drawn
xdotool windowactivate --sync "$window"
xdotool key ctrl+shift+f; sleep 1
xdotool type --delay 80 Bosworth; sleep 1
xdotool key Return; sleep 1
xdotool key Down; sleep 0.5
xdotool key Return; sleep 1.5
import -window "$window" "$out"
echo "wrote $out"
xdotool key ctrl+shift+t; sleep 1.5
xdotool key 4; sleep 0.5
xdotool key space; sleep 1
import -window root "$review"  # the window and the dialog over it
echo "wrote $review"
kill "$app"; wait "$app" 2>/dev/null || true
