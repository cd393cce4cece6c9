"""spaCy DocBin (``.spacy``): every span in ``doc.spans["sc"]``, entities in ``doc.ents``.

Tokenised by a blank pipeline of the document's language (French when unknown). A span
that cuts a spaCy token fits only with ``--align contract|expand``. ``doc.ents`` holds
only entity labels (person, organisation, amount...) and cannot overlap: the longest
wins and the others stay in ``doc.spans["sc"]``, counted in the report.
spaCy is an optional extra: ``pip install 'annotator[spacy]'``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core.atomic_files import write_atomically
from annotator.core.export import ExportError
from annotator.core.formats.registry import (
    ExportRequest,
    FormatExportReport,
    counted_records,
    layers,
    write_manifest,
)
from annotator.core.formats.tokens import AlignMode
from annotator.core.store import Store

SPANS_KEY = "sc"
DEFAULT_LANGUAGE = "fr"
INSTALL_HINT = "spaCy is not installed: pip install 'annotator[spacy]'"


def require_spacy() -> Any:
    try:
        import spacy
    except ImportError as error:
        raise ExportError(f"the spacy format needs spaCy. {INSTALL_HINT}") from error
    return spacy


class BlankPipelines:
    """One blank pipeline per language, made once."""

    def __init__(self, spacy: Any) -> None:
        self._spacy = spacy
        self._by_language: dict[str, Any] = {}
        self.unknown_languages: set[str] = set()

    def get(self, language: str | None) -> Any:
        language = language or DEFAULT_LANGUAGE
        if language not in self._by_language:
            try:
                self._by_language[language] = self._spacy.blank(language)
            except (ImportError, KeyError, ValueError, OSError):
                # spaCy raises its own error types for unknown codes; "xx" is its
                # multi-language tokeniser.
                self.unknown_languages.add(language)
                self._by_language[language] = self._spacy.blank("xx")
        return self._by_language[language]


def export_spacy(store: Store, path: Path, request: ExportRequest) -> FormatExportReport:
    options = request.options
    align = request.align
    spacy = require_spacy()
    from spacy.tokens import DocBin
    from spacy.util import filter_spans

    report = FormatExportReport(
        path=path, format="spacy", offsets="code points (doc.char_span)", align=align.value
    )
    label_set = store.label_set()
    entity_labels = {label.name for label in label_set.labels if label.kind == "entity"}
    pipelines = BlankPipelines(spacy)
    doc_bin = DocBin(store_user_data=True)
    reason = (
        "cuts a spaCy token (--align strict; try --align contract or expand)"
        if align is AlignMode.STRICT
        else f"no spaCy token fits it (--align {align})"
    )
    for record in counted_records(store, options, report):
        nlp = pipelines.get(record.get("language"))
        for layer in layers(record):
            doc = nlp.make_doc(record["text"])
            spans = []
            for span in layer.spans:
                made = doc.char_span(
                    span["start"], span["end"], label=span["label"], alignment_mode=align.value
                )
                if made is None:
                    report.dropped[reason] += 1
                    continue
                if (made.start_char, made.end_char) != (span["start"], span["end"]):
                    inside = span["start"] <= made.start_char and made.end_char <= span["end"]
                    if inside:
                        report.trimmed += 1
                    else:
                        report.expanded += 1
                spans.append(made)
            doc.spans[SPANS_KEY] = spans
            entities = [span for span in spans if span.label_ in entity_labels]
            kept = filter_spans(entities)
            doc.ents = kept
            report.written_spans += len(spans)
            statements = len(spans) - len(entities)
            if statements:
                report.left_out["are not entity labels: only in doc.spans['sc']"] += statements
            if len(entities) > len(kept):
                report.left_out[
                    "overlap a longer entity: left out of doc.ents, kept in doc.spans['sc']"
                ] += len(entities) - len(kept)
            doc.user_data.update(
                {
                    "id": record["id"],
                    "title": record["title"],
                    "source": record["source"],
                    "annotator": layer.annotator,
                }
            )
            doc_bin.add(doc)
    for language in sorted(pipelines.unknown_languages):
        report.notes.append(f"spaCy has no language {language!r}: tokenised with 'xx'")
    data = doc_bin.to_bytes()
    write_atomically(path, lambda file: file.write(data), mode="wb")
    write_manifest(store, report, options, spans_key=SPANS_KEY)
    return report
