"""One member of a team writing to a shared project at once, for the concurrency test.

    python team_worker.py URL ROLE COUNT

Waits for ``go`` on stdin, then does its part as fast as it can and prints one line
per committed change (``span ID``, ``deleted ID``, ``gold START``, ``imported N``), and
``done`` at the end. Any error goes to stderr and exits non-zero.
"""

from __future__ import annotations

import sys

from annotator.core.models import Document, Status
from annotator.core.review import decisions as review
from annotator.core.store import Store

WORDS = 400


def article_text() -> str:
    return " ".join(f"mot{number:03d}" for number in range(WORDS))


def word(number: int) -> tuple[int, int]:
    return number * 7, number * 7 + 6


def main(url: str, role: str, count: int) -> None:
    store = Store(url)
    document = store.document(Document.from_text(article_text()).id)
    sys.stdin.readline()
    if role in ("alice", "bob"):
        # Each tags words of their own, in the part of the article nobody settles,
        # and takes every fourth span back.
        offset = 100 if role == "alice" else 250
        for number in range(count):
            start, end = word(offset + number % 150)
            span = store.add_span(
                store.make_span(document, role, start, end - (number // 150), "claim")
            )
            print("span", span.id, flush=True)
            if number % 4 == 3:
                store.delete_span(span.id)
                print("deleted", span.id, flush=True)
        store.set_status(document.id, role, Status.DONE)
    elif role == "carol":
        # The reviewer settles the words both annotators tagged before everybody began.
        for number in range(count):
            start, end = word(number)
            review.accept(store, document.id, "carol", start, end, "person", ["alice", "bob"])
            print("gold", start, flush=True)
    elif role == "olive":
        # The owner imports articles, twenty at a time.
        for batch in range(count // 20):
            added = store.add_documents(
                Document.from_text(f"Article {batch}-{index} : le budget augmente.")
                for index in range(20)
            )
            print("imported", sum(added), flush=True)
    store.close()
    print("done", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
