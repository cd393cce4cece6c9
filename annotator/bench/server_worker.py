"""One annotator of the server benchmark: ``python server_worker.py URL NAME ACTIONS``.

Waits for a line on stdin (so every worker starts at once), then makes ACTIONS
actions on the shared project as NAME, each its own transaction: tag a word, relabel
the last span (every fifth action), take it back (every fifth, after that). Prints one
JSON object: each action's seconds, the ids it kept, and the errors it met.
"""

from __future__ import annotations

import json
import sys
import time

from annotator.core.errors import AnnotatorError
from annotator.core.store import Store

LABELS = ("claim", "person", "organisation")


def main(url: str, name: str, actions: int) -> None:
    store = Store(url)
    doc_ids = store.document_ids()
    # Two annotators on each article: the worker's number picks it.
    number = int("".join(ch for ch in name if ch.isdigit()) or 0)
    document = store.document(doc_ids[number // 2 % len(doc_ids)])
    room = len(document.text) - 12
    kept: list[str] = []
    seconds: list[float] = []
    errors: list[str] = []
    sys.stdin.readline()
    for action in range(actions):
        started = time.perf_counter()
        try:
            if action % 5 == 3 and kept:
                store.update_span(kept[-1], label=LABELS[action % 3])
            elif action % 5 == 4 and kept:
                store.delete_span(kept.pop())
            else:
                start = (action * 13 + number * 7) % room
                span = store.make_span(document, name, start, start + 1 + action % 10, "claim")
                kept.append(store.add_span(span).id)
        except AnnotatorError as error:
            errors.append(str(error))
        seconds.append(time.perf_counter() - started)
    store.close()
    print(json.dumps({"seconds": seconds, "kept": kept, "errors": errors}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
