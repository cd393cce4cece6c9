#!/usr/bin/env bash
# Retake resources/screenshots/window.png: the window on the screenshot project
# (tests/scripts/make_screenshot_project.py)
# under Xvfb, with settings of its own, scrolled three wheel notches (so the claims holding an
# amount and a person and the denial holding a claim are all on screen), cropped to the window.
#
#   tests/scripts/window_screenshot.sh            # needs ../shared/tools/screenshot.sh (installs Xvfb)
#
# PYTHON and ANNOTATOR name the interpreter and the command (default: the ones on PATH).
set -euo pipefail
python=${PYTHON:-python}
annotator=${ANNOTATOR:-annotator}

if [[ ${1:-} == --inside ]]; then
  # Run by screenshot.sh on the virtual screen: open the window, then scroll as a reader would.
  export XDG_CONFIG_HOME=$3 LANG=en_GB.UTF-8
  "$annotator" --db "$2" --annotator alice open &
  app=$!
  trap 'kill $app 2>/dev/null || true' EXIT TERM
  sleep 4
  xdotool mousemove 700 450
  for _ in 1 2 3; do xdotool click 5; sleep 0.2; done
  wait $app
  exit 0
fi

repo=$(cd "$(dirname "$0")/../.." && pwd)
tool=${SCREENSHOT_TOOL:-$repo/../shared/tools/screenshot.sh}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$python" "$repo/tests/scripts/make_screenshot_project.py" "$work/project.db"
mkdir -p "$work/config"
"$tool" "$work/screen.png" 8 -- "$0" --inside "$work/project.db" "$work/config"
# The window is 1440x900 at the top left of the 1600x1000 screen.
/usr/bin/convert "$work/screen.png" -crop 1440x900+0+0 +repage "$repo/resources/screenshots/window.png"
echo "wrote $repo/docs/window.png"
