#!/usr/bin/env bash
# Retake resources/screenshots/article-details.png: the window on a project holding the
# web page, the PDF and the e-mail of tests/fixtures/sources, the page's article open and
# its details panel shown with Ctrl+I, under Xvfb, cropped to the window.
#
#   tests/scripts/details_screenshot.sh       # needs ../shared/tools/screenshot.sh (installs Xvfb)
#
# Needs openbox and xdotool. PYTHON and ANNOTATOR name the interpreter and the command (default: the ones on PATH).
set -euo pipefail
python=${PYTHON:-python}
annotator=${ANNOTATOR:-annotator}

if [[ ${1:-} == --inside ]]; then
  # Run by screenshot.sh on the virtual screen: open the window, then press Ctrl+I.
  # Openbox gives the window the keyboard focus a desktop would.
  export XDG_CONFIG_HOME=$3 LANG=en_GB.UTF-8
  openbox >/dev/null 2>&1 &
  wm=$!
  "$annotator" --db "$2" --annotator claire open &
  app=$!
  trap 'kill $app $wm 2>/dev/null || true' EXIT TERM
  sleep 4
  window=$(xdotool search --sync --onlyvisible --name annotator | head -1)
  xdotool windowmove "$window" 0 0
  sleep 0.5
  xdotool key ctrl+i
  wait $app
  exit 0
fi

repo=$(cd "$(dirname "$0")/../.." && pwd)
tool=${SCREENSHOT_TOOL:-$repo/../shared/tools/screenshot.sh}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sources=$repo/tests/fixtures/sources
"$annotator" --db "$work/project.db" import "$sources/courrier_ouest_page.html" \
  "$sources/rapport.pdf" "$sources/plain_and_html.eml" "$sources/rapport.docx" >/dev/null
"$python" - "$work/project.db" <<'PY'
import sys
from annotator.core.store import Store
with Store(sys.argv[1]) as store:
    document = store.document(store.document_ids()[0])
    for words, label in [("Jean Dupont", "person"), ("1,5 million d'euros", "amount"),
                         ("La mairie", "organisation")]:
        start = document.text.index(words)
        store.add_span(store.make_span(document, "claire", start, start + len(words), label))
PY
mkdir -p "$work/config"
"$tool" "$work/screen.png" 9 -- "$0" --inside "$work/project.db" "$work/config"
/usr/bin/convert "$work/screen.png" -crop 1440x900+0+0 +repage \
  "$repo/resources/screenshots/article-details.png"
echo "wrote $repo/resources/screenshots/article-details.png"
