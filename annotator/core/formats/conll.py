"""CoNLL-2003 IOB2 text and Hugging Face token-classification JSONL.

Both hold one tag per token, so they lose what a span layer can hold: a span that cuts
a token (unless aligned with ``--align contract|expand``) and spans that overlap (the
longest is kept). Each loss is counted in the report. Each (document, annotator) layer
becomes its own run of sentences; sentence breaks never fall inside a span.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.core.atomic_files import write_atomically
from annotator.core.export import ExportOptions
from annotator.core.formats.registry import (
    FormatExportReport,
    Layer,
    OffsetUnit,
    counted_records,
    export_labels,
    layers,
    write_jsonl_lines,
    write_manifest,
)
from annotator.core.formats.tokens import AlignMode, Token, TokenIndex, sentence_starts, tokenize
from annotator.core.store import Store

DOCSTART = "-DOCSTART- -X- -X- O"
OVERLAP_REASON = "overlaps a longer span (BIO holds one label per token; choose --labels)"


def alignment_reason(align: AlignMode) -> str:
    if align is AlignMode.STRICT:
        return "cuts a token (--align strict; try --align contract or expand)"
    return f"no token fits it (--align {align})"


@dataclass
class TaggedSentence:
    tokens: list[Token]
    tags: list[str]


def tag_layer(layer: Layer, align: AlignMode, report: FormatExportReport) -> list[TaggedSentence]:
    """A layer as IOB2-tagged sentences; what does not fit is counted in ``report``."""
    text = layer.record["text"]
    tokens = tokenize(text)
    index = TokenIndex(tokens)
    aligned: list[tuple[int, int, str]] = []
    for span in layer.spans:
        alignment = index.align(span["start"], span["end"], align)
        if report.count_alignment(alignment, alignment_reason(align)):
            assert alignment is not None
            aligned.append((alignment.token_start, alignment.token_end, span["label"]))
    # Longest first, then earliest, like spacy.util.filter_spans.
    aligned.sort(key=lambda item: (-(item[1] - item[0]), item[0], item[2]))
    taken = [False] * len(tokens)
    kept: list[tuple[int, int, str]] = []
    for first, last, label in aligned:
        if any(taken[first:last]):
            report.dropped[OVERLAP_REASON] += 1
            continue
        for i in range(first, last):
            taken[i] = True
        kept.append((first, last, label))
    tags = ["O"] * len(tokens)
    for first, last, label in kept:
        tags[first] = f"B-{label}"
        for i in range(first + 1, last):
            tags[i] = f"I-{label}"
    report.written_spans += len(kept)
    starts = sentence_starts(text, tokens, [(first, last) for first, last, _ in kept])
    bounds = [*starts, len(tokens)]
    return [
        TaggedSentence(tokens[bounds[i] : bounds[i + 1]], tags[bounds[i] : bounds[i + 1]])
        for i in range(len(starts))
    ]


def bio_names(labels: list[str]) -> list[str]:
    """The ClassLabel names: O, then B- and I- for each label in the label set's order."""
    names = ["O"]
    for label in labels:
        names += [f"B-{label}", f"I-{label}"]
    return names


def export_conll(
    store: Store,
    path: Path,
    options: ExportOptions,
    *,
    align: AlignMode = AlignMode.STRICT,
    offsets: OffsetUnit | None = None,
) -> FormatExportReport:
    report = FormatExportReport(path=path, format="conll", offsets="tokens", align=align.value)
    blocks: list[str] = []
    for record in counted_records(store, options, report):
        for layer in layers(record):
            sentences = tag_layer(layer, align, report)
            lines = [DOCSTART, ""]
            for sentence in sentences:
                lines += [
                    f"{t.text} _ _ {tag}"
                    for t, tag in zip(sentence.tokens, sentence.tags, strict=True)
                ]
                lines.append("")
            blocks.append("\n".join(lines))

    write_atomically(path, lambda file: file.write("\n".join(blocks)))
    write_manifest(
        store, report, options, label_names=bio_names(export_labels(store, options, report.labels))
    )
    return report


def export_hf(
    store: Store,
    path: Path,
    options: ExportOptions,
    *,
    align: AlignMode = AlignMode.STRICT,
    offsets: OffsetUnit | None = None,
) -> FormatExportReport:
    report = FormatExportReport(path=path, format="hf", offsets="tokens", align=align.value)
    tagged: list[tuple[dict[str, Any], str, int, TaggedSentence]] = []
    for record in counted_records(store, options, report):
        for layer in layers(record):
            for number, sentence in enumerate(tag_layer(layer, align, report)):
                tagged.append((record, layer.annotator, number, sentence))
    names = bio_names(export_labels(store, options, report.labels))
    tag_ids = {name: i for i, name in enumerate(names)}
    rows = [
        {
            "id": f"{record['id'][:16]}-{annotator}-{number}",
            "document_id": record["id"],
            "annotator": annotator,
            "tokens": [token.text for token in sentence.tokens],
            "ner_tags": [tag_ids[tag] for tag in sentence.tags],
            "tags": sentence.tags,
        }
        for record, annotator, number, sentence in tagged
    ]
    write_jsonl_lines(path, rows)
    label_file = path.with_name(f"{path.stem}.label_names.json")
    write_atomically(
        label_file, lambda file: file.write(json.dumps(names, ensure_ascii=False, indent=2) + "\n")
    )
    report.files.append(label_file)
    write_manifest(store, report, options, label_names=names)
    return report
