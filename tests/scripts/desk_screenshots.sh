#!/usr/bin/env bash
# Retake the README's screenshots on a 1366x768 laptop screen, under a window manager:
#   resources/screenshots/window-fr-1366.png  the French window
#   resources/screenshots/window-dark.png     under a dark palette (tests/scripts/dark_window.py)
#   resources/screenshots/review-fr.png       French review mode, alice against bob
# Needs Xvfb, openbox, xdotool and ImageMagick (apt-get install xvfb openbox xdotool imagemagick).
# PYTHON names the interpreter (default: python on PATH).
set -euo pipefail
python=${PYTHON:-python}
repo=$(cd "$(dirname "$0")/../.." && pwd)
out=$repo/resources/screenshots
work=$(mktemp -d)
Xvfb -displayfd 3 -screen 0 1366x768x24 -nolisten tcp 3>"$work/display" >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$work"' EXIT
while [[ ! -s $work/display ]]; do sleep 0.1; done
export DISPLAY=:$(cat "$work/display")
openbox >/dev/null 2>&1 &
sleep 1

shoot() {  # shoot NAME LANG KEYS... -- COMMAND...
  local name=$1 lang=$2; shift 2
  local keys=()
  while [[ $1 != -- ]]; do keys+=("$1"); shift; done
  shift
  rm -rf "$work/config"; mkdir -p "$work/config"
  (cd "$work" && XDG_CONFIG_HOME=$work/config LANG=$lang QT_QPA_PLATFORM=xcb "$@") &
  local app=$!
  sleep 5
  for key in "${keys[@]}"; do xdotool key "$key"; sleep 1; done
  local window
  window=$(xdotool search --onlyvisible --name annotator | head -1)
  import -window "$window" "$out/$name"
  kill "$app"; wait "$app" 2>/dev/null || true
  echo "wrote $out/$name"
}

"$python" "$repo/tests/scripts/make_screenshot_project.py" "$work/window.db" >/dev/null
shoot window-fr-1366.png fr_FR.UTF-8 -- "$python" -m annotator --db "$work/window.db" --annotator alice
shoot window-dark.png en_GB.UTF-8 -- "$python" "$repo/tests/scripts/dark_window.py" --db "$work/window.db" --annotator alice
"$python" "$repo/tests/scripts/make_review_screenshot_project.py" "$work/review.db" >/dev/null
shoot review-fr.png fr_FR.UTF-8 ctrl+r Return -- "$python" -m annotator --db "$work/review.db" --annotator editor
