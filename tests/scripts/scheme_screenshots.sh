#!/usr/bin/env bash
# Retake resources/screenshots/labels-dialog.png and guidelines.png: the window on the
# scheme screenshot project (tests/scripts/make_scheme_screenshot_project.py) under Xvfb,
# driven by xdotool: Tab to the first span (the span panel shows its attributes),
# Ctrl+Shift+H for the guidelines panel; then Project → Labels… (Alt+P, L).
#
#   tests/scripts/scheme_screenshots.sh      # needs ../shared/tools/screenshot.sh (installs Xvfb)
set -euo pipefail
python=${PYTHON:-python}
annotator=${ANNOTATOR:-annotator}

if [[ ${1:-} == --inside ]]; then
  export XDG_CONFIG_HOME=$3 LANG=en_GB.UTF-8
  "$annotator" --db "$2" --annotator alice open &
  app=$!
  trap 'kill $app 2>/dev/null || true' EXIT TERM
  sleep 5
  # No window manager on the virtual screen: give the window the keyboard by hand.
  window=$(xdotool search --sync --onlyvisible --class annotator | head -1)
  xdotool windowfocus --sync "$window"
  xdotool mousemove 700 450 click 1
  sleep 0.3
  # The fifth span from the top: the first claim, with its verdict.
  xdotool key ctrl+Home Tab Tab Tab Tab Tab
  sleep 0.3
  xdotool key ctrl+shift+h
  sleep 1.5
  import -window root "$4/guidelines.png"
  xdotool key alt+p
  sleep 0.5
  xdotool key l
  sleep 1.5
  dialog=$(xdotool search --onlyvisible --name 'Labels' | tail -1)
  import -window "$dialog" "$4/labels.png"
  wait $app
  exit 0
fi

repo=$(cd "$(dirname "$0")/../.." && pwd)
tool=${SCREENSHOT_TOOL:-$repo/../shared/tools/screenshot.sh}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$python" "$repo/tests/scripts/make_scheme_screenshot_project.py" "$work/project.db"
mkdir -p "$work/config"
"$tool" "$work/screen.png" 20 -- "$0" --inside "$work/project.db" "$work/config" "$work"
/usr/bin/convert "$work/guidelines.png" -crop 1440x900+0+0 +repage "$repo/resources/screenshots/guidelines.png"
cp "$work/labels.png" "$repo/resources/screenshots/labels-dialog.png"
echo "wrote $repo/resources/screenshots/guidelines.png and labels-dialog.png"
