"""A program that works on a project while a test watches: the stand-in for a second
window, or for the app at the moment it is killed.

    python project_worker.py PROJECT NAME

Prints ``ready``, then obeys one command per line on stdin and prints
``ack <span id>`` only after the store has returned, i.e. after the commit:
  add N     add N spans one by one (each fifth one is then relabelled), then ``done``
  batch N   add N spans in one transaction, printing ``halfway`` in the middle of it,
            then ``ack-batch <first id> <last id>``
  count     print ``count <spans in the project>``
  quit
"""

from __future__ import annotations

import sys

from annotator.core.store import Store


def main(path: str, name: str) -> None:
    store = Store(path)
    document = store.document(store.document_ids()[0])
    room = len(document.text) - 10
    made = 0

    def next_span(label: str = "claim"):
        nonlocal made
        start = (made * 7) % room
        made += 1
        return store.make_span(document, name, start, start + 1 + made % 9, label)

    print("ready", flush=True)
    for line in sys.stdin:
        command, _, argument = line.strip().partition(" ")
        if command == "add":
            for _ in range(int(argument)):
                span = store.add_span(next_span())
                if made % 5 == 0:
                    # Read-then-write: the pattern that fails under a second writer
                    # unless transactions take the write lock up front.
                    store.update_span(span.id, label="person")
                print(f"ack {span.id}", flush=True)
            print("done", flush=True)
        elif command == "batch":
            first_half = [next_span() for _ in range(int(argument) // 2)]
            second_half = [next_span() for _ in range(int(argument) - len(first_half))]
            with store.transaction():
                store.add_spans(first_half)
                # Half of the transaction is written (and, this large, spilled to the
                # WAL file): a test kills us on this line.
                print("halfway", flush=True)
                store.add_spans(second_half)
            print(f"ack-batch {first_half[0].id} {second_half[-1].id}", flush=True)
        elif command == "count":
            print(f"count {store.span_count()}", flush=True)
        elif command == "quit":
            break
    store.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
