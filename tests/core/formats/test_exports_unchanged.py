"""Every export format writes, byte for byte, what it wrote before its writers were made
faster: a project of several articles and three annotators' layers (overlaps, spans
that cut tokens, cross line breaks or carry spaces at their edges, a finished layer
with no span, links, notes, attributes) is exported in each format and alignment, and
each file's SHA-256 is compared with the one the earlier writers gave.

When a format's output is meant to change, write the new hashes with
``ANNOTATOR_WRITE_EXPORT_HASHES=1`` and say why in the commit.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
from pathlib import Path
from typing import Any

import pytest

from annotator.core.formats.registry import FORMATS, export_format
from annotator.core.models import Document, Link, Note, Span, Status
from annotator.core.store import Store

EXPECTED = Path(__file__).resolve().parents[2] / "fixtures" / "exports" / "hashes.json"
WHEN = "2026-01-02T03:04:05Z"
ANNOTATORS = ("alice", "bruno", "chloé")
LABELS = ("claim", "denial", "amount", "person", "organisation")
TOKEN_FORMATS = ("spacy", "conll", "hf", "prodigy")
TEXTS = (
    "Café 👩\u200d💻\u00a0: « Meta a offert 100 millions $ », dit Sam Altman.\n"
    "Bosworth de\u0301ment. 🇫🇷 Le ministre parle.",
    "L’État a dit qu’il paierait 1,5 million d’euros aujourd’hui. Le porte-parole, "
    "dit-il, a-t-il menti ? C’est-à-dire non… Jusqu’où ira-t-on ?\n\n"
    "« Nous n’avons rien reçu », répond l’ONG Transparency International.",
    "Altman’s company said: “We’re fine.” Sam Altman's claim was denied by Bosworth "
    "on 3.14 grounds; COVID-19 figures (12,5 %) were cited 👍🏽 twice.\n"
    "The prud’hommes court — in Paris — heard it.",
    "Un article que personne n’a encore annoté, sauf Chloé qui l’a lu en entier.",
    "La société X a versé 250 000 € à M. Dupont.\tSelon lui, « c’est faux ».\n"
    "Dupont dément. Mme Martin confirme : « Il a reçu l’argent. »\n"
    "Fin de l’article.",
)


def _bounds(text: str) -> list[tuple[int, int]]:
    """Word-ish pieces: runs of characters that are not spaces."""
    found, start = [], None
    for i, char in enumerate(text + " "):
        if char.isspace():
            if start is not None:
                found.append((start, i))
                start = None
        elif start is None:
            start = i
    return found


def _spans(rng: random.Random, document: Document, number: int, annotator: str) -> list[Span]:
    text, bounds = document.text, _bounds(document.text)
    spans: list[Span] = []
    seen: set[tuple[int, int, str]] = set()
    for i in range(18):
        first = rng.randrange(len(bounds))
        last = min(first + rng.randint(0, 4), len(bounds) - 1)
        start, end = bounds[first][0], bounds[last][1]
        shape = rng.random()
        if shape < 0.15 and end - start > 2:
            start += 1  # cuts a token
        elif shape < 0.3 and end - start > 2:
            end -= 1
        elif shape < 0.4 and start > 0:
            start -= 1  # a space (or a line break) at its edge
        elif shape < 0.5 and end < len(text):
            end += 1
        label = LABELS[0] if i % 5 == 0 else rng.choice(LABELS[1:])
        if (start, end, label) in seen:
            continue
        seen.add((start, end, label))
        spans.append(
            Span(
                id=f"d{number}-{annotator}-{i}", doc_id=document.id, annotator=annotator,
                start=start, end=end, label=label, text=text[start:end],
                attrs={"checked": True} if label == "claim" and i % 2 == 0 else {},
                created_at=WHEN, updated_at=WHEN,
            )
        )
    return spans


def build(store: Store) -> None:
    documents = [
        Document.from_text(text, source=f"article-{n}.txt", language="fr" if n != 2 else "en")
        for n, text in enumerate(TEXTS)
    ]
    store.add_documents(documents)
    rng = random.Random(20261202)
    spans: list[Span] = []
    for number, document in enumerate(documents):
        if number == 3:
            continue  # only a finished layer with no span
        for annotator in ANNOTATORS:
            spans += _spans(rng, document, number, annotator)
    store.add_spans(spans, documents)
    store.set_status(documents[3].id, "chloé", Status.DONE)
    store.set_status(documents[0].id, "bruno", Status.DONE)
    store.set_status(documents[1].id, "alice", Status.REVIEWED)
    claims = [s for s in spans if s.label == "claim"]
    people = [s for s in spans if s.label == "person"]
    for n, claim in enumerate(claims[:6]):
        person = next(
            (p for p in people if p.annotator == claim.annotator and p.doc_id == claim.doc_id),
            None,
        )
        if person is not None:
            store.insert_link(
                Link(id=f"link-{n}", type="said_by", from_span=claim.id, to_span=person.id,
                     annotator=claim.annotator, created_at=WHEN)
            )
    store.put_note(
        Note(id="note-1", doc_id=claims[0].doc_id, span_id=claims[0].id,
             author=claims[0].annotator, text="vérifier\navec le service juridique",
             created_at=WHEN, updated_at=WHEN)
    )
    store.put_note(
        Note(id="note-2", doc_id=documents[1].id, author="bruno", text="article entier",
             created_at=WHEN, updated_at=WHEN)
    )


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("unchanged") / "project.db"
    with Store(path) as store:
        build(store)
    return path


OUTPUTS = {
    "jsonl": "out.jsonl",
    "spacy": "out.spacy",
    "conll": "out.conll",
    "hf": "out-hf",
    "brat": "out-brat",
    "doccano": "out.doccano.jsonl",
    "labelstudio": "out.json",
    "prodigy": "out.prodigy.jsonl",
}
CASES = [
    (name, align)
    for name in FORMATS
    for align in (("strict", "contract", "expand") if name in TOKEN_FORMATS else ("strict",))
]


def _digests(target: Path) -> dict[str, str]:
    """SHA-256 of each file written (a folder's files by name), the manifest aside:
    it says when the export ran."""
    if target.is_dir():
        files = sorted(p for p in target.rglob("*") if p.is_file())
        return {
            p.relative_to(target).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in files
        }
    return {target.name: hashlib.sha256(target.read_bytes()).hexdigest()}


def _spacy_content(target: Path) -> str:
    """What a DocBin holds, read back by spaCy: its bytes depend on spaCy's version."""
    import spacy
    from spacy.tokens import DocBin

    docs = DocBin().from_disk(target).get_docs(spacy.blank("xx").vocab)
    return json.dumps(
        [
            {
                "tokens": [(t.text, t.whitespace_) for t in doc],
                "sc": [(s.start, s.end, s.label_) for s in doc.spans["sc"]],
                "ents": [(s.start, s.end, s.label_) for s in doc.ents],
                "user_data": sorted(map(str, doc.user_data.items())),
            }
            for doc in docs
        ],
        ensure_ascii=False,
    )


def _written(project: Path, folder: Path, name: str, align: str) -> dict[str, Any]:
    if name == "spacy":
        pytest.importorskip("spacy")
    target = folder / OUTPUTS[name]
    with Store(project) as store:
        report = export_format(store, name, target, align=align)
    if name == "spacy":
        files = {"content": hashlib.sha256(_spacy_content(target).encode()).hexdigest()}
    else:
        files = _digests(target)
    summary = [line for line in report.summary_lines() if "manifest:" not in line]
    return {"files": files, "summary": [line.replace(str(folder), "OUT") for line in summary]}


@pytest.mark.parametrize(("name", "align"), CASES)
def test_each_export_writes_what_it_wrote_before(
    name: str, align: str, project: Path, tmp_path: Path
) -> None:
    found = _written(project, tmp_path, name, align)
    key = f"{name} {align}"
    expected = json.loads(EXPECTED.read_text(encoding="utf-8")) if EXPECTED.exists() else {}
    if os.environ.get("ANNOTATOR_WRITE_EXPORT_HASHES") == "1":
        expected[key] = found
        EXPECTED.parent.mkdir(parents=True, exist_ok=True)
        EXPECTED.write_text(
            json.dumps(dict(sorted(expected.items())), ensure_ascii=False, indent=1) + "\n",
            encoding="utf-8",
        )
    assert found == expected[key]
