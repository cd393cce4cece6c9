"""CoNLL-2003 IOB2 text and Hugging Face token-classification dataset folders.

Both hold one tag per token, so they lose what a span layer can hold: a span that cuts
a token (unless aligned with ``--align contract|expand``) and spans that overlap (the
longest is kept). Each loss is counted in the report. Each (document, annotator) layer
becomes its own run of sentences; sentence breaks never fall inside a span.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import repeat
from operator import itemgetter
from pathlib import Path
from typing import Any

import numpy as np

from annotator.core.files.export_folders import StagedFiles, write_export_folder
from annotator.core.formats.export import ExportError
from annotator.core.formats.shared import (
    ExportRequest,
    FormatExportReport,
    Layer,
    counted_records,
    export_labels,
    layers,
    write_manifest,
    write_text_pieces,
)
from annotator.core.formats.tokens import AlignMode, TextTokens
from annotator.core.store import Store

DOCSTART = "-DOCSTART- -X- -X- O"
_encode = json.JSONEncoder(ensure_ascii=False).encode
"""``json.dumps(value, ensure_ascii=False)``, without making an encoder per call."""
_start_of = itemgetter("start")
_end_of = itemgetter("end")
OVERLAP_REASON = "overlaps a longer span (BIO holds one label per token; choose --labels)"


def alignment_reason(align: AlignMode) -> str:
    if align is AlignMode.STRICT:
        return "cuts a token (--align strict; try --align contract or expand)"
    return f"no token fits it (--align {align})"


@dataclass
class TaggedSentence:
    words: list[str]
    tags: list[str]


@dataclass(frozen=True)
class TaggedLayer:
    """A layer's spans on its text's tokens: those kept (token ranges, end exclusive,
    with their labels, in no order) and where its sentences start."""

    kept: list[tuple[int, int, str]]
    sentence_starts: list[int]


def fit_layer(
    layer: Layer, tokens: TextTokens, align: AlignMode, report: FormatExportReport
) -> TaggedLayer:
    """The spans of a layer that one tag per token can hold, on its text's ``tokens``
    (made once for all the text's layers); what does not fit is counted in ``report``."""
    spans = layer.spans
    aligned = tokens.align(list(map(_start_of, spans)), list(map(_end_of, spans)), align)
    report.count_alignments(aligned, alignment_reason(align))
    fitting = [
        (first, last, span["label"])
        for first, last, fit, span in zip(
            aligned.token_start, aligned.token_end, aligned.fit, spans, strict=True
        )
        if fit
    ]
    # Longest first, then earliest, like spacy.util.filter_spans.
    fitting.sort(key=lambda item: (item[0] - item[1], item[0], item[2]))
    taken = bytearray(len(tokens))
    kept: list[tuple[int, int, str]] = []
    for first, last, label in fitting:
        if taken.find(1, first, last) >= 0:
            report.dropped[OVERLAP_REASON] += 1
            continue
        taken[first:last] = b"\x01" * (last - first)
        kept.append((first, last, label))
    report.written_spans += len(kept)
    return TaggedLayer(kept, tokens.sentence_starts([(first, last) for first, last, _ in kept]))


def tag_layer(
    layer: Layer, tokens: TextTokens, align: AlignMode, report: FormatExportReport
) -> list[TaggedSentence]:
    """A layer as IOB2-tagged sentences of its text's ``tokens``."""
    tagged = fit_layer(layer, tokens, align, report)
    tags = ["O"] * len(tokens)
    for first, last, label in tagged.kept:
        tags[first] = f"B-{label}"
        tags[first + 1 : last] = [f"I-{label}"] * (last - first - 1)
    bounds = [*tagged.sentence_starts, len(tokens)]
    words = tokens.texts
    return [
        TaggedSentence(words[bounds[i] : bounds[i + 1]], tags[bounds[i] : bounds[i + 1]])
        for i in range(len(bounds) - 1)
    ]


class ConllText:
    """A text's CoNLL lines, every token tagged O, written once; each layer's block is
    cut from them, with its own tags and blank lines put in (a few pieces per span and
    sentence rather than a string per token and layer)."""

    def __init__(self, tokens: TextTokens) -> None:
        self.count = len(tokens)
        self.untagged = tokens.joined(" _ _ O\n")[:-1]
        # Where each token's line starts in ``untagged`` (and where a line after the
        # last would): a line is the token, " _ _ O" and a line break.
        widths = np.asarray(tokens.ends, dtype=np.int64) - np.asarray(tokens.starts, np.int64)
        self.line_starts = [0, *np.cumsum(widths + 7).tolist()]

    def column(self, token: int) -> str:
        """The token's line up to its tag: ``word _ _ ``."""
        return self.untagged[self.line_starts[token] : self.line_starts[token + 1] - 2]

    def block(self, tagged: TaggedLayer) -> str:
        """The layer's lines: ``-DOCSTART-``, then its sentences, a blank line after
        each."""
        if not self.count:
            return DOCSTART + "\n"
        untagged, line_starts, column = self.untagged, self.line_starts, self.column
        # (token, 0) where a sentence starts, (token, 1, end, label) where a span does;
        # a sentence may start where a span does, never inside one.
        marks: list[tuple[Any, ...]] = [(start, 0) for start in tagged.sentence_starts[1:]]
        marks += [(first, 1, last, label) for first, last, label in tagged.kept]
        marks.sort()
        pieces = [DOCSTART, "\n\n"]
        done = 0
        for mark in marks:
            token = mark[0]
            pieces.append(untagged[line_starts[done] : line_starts[token]])
            if mark[1] == 0:
                pieces.append("\n")
                done = token
                continue
            _, _, last, label = mark
            pieces.append(f"{column(token)}B-{label}\n")
            inside = f"I-{label}\n"
            pieces += [column(i) + inside for i in range(token + 1, last)]
            done = last
        if done < self.count:
            pieces.append(untagged[line_starts[done] :])
            pieces.append("\n")
        return "".join(pieces)


def bio_names(labels: list[str]) -> list[str]:
    """The ClassLabel names: O, then B- and I- for each label in the label set's order."""
    names = ["O"]
    for label in labels:
        names += [f"B-{label}", f"I-{label}"]
    return names


def export_conll(store: Store, path: Path, request: ExportRequest) -> FormatExportReport:
    options = request.options
    align = request.align
    report = FormatExportReport(path=path, format="conll", offsets="tokens", align=align.value)

    def blocks() -> Iterator[str]:
        """Each layer's block, a blank line between blocks (none after the last)."""
        separator = ""
        for record in counted_records(store, options, report):
            tokens = TextTokens(record["text"])
            text = ConllText(tokens)
            for layer in layers(record):
                yield separator + text.block(fit_layer(layer, tokens, align, report))
                separator = "\n"

    write_text_pieces(path, blocks())
    write_manifest(
        store, report, options, label_names=bio_names(export_labels(store, options, report.labels))
    )
    return report


HF_DATA_FILE = "{split}.jsonl"
HF_LABEL_NAMES = "label_names.json"
HF_CARD = "README.md"


def dataset_card(names: list[str], splits: list[str]) -> str:
    """A dataset card whose YAML header declares the features and the split files, so
    ``datasets.load_dataset(FOLDER)`` gives ``ner_tags`` as a ClassLabel with the tag
    names (plain JSON would load them as integers)."""
    class_names = "".join(f"          '{i}': {json.dumps(name)}\n" for i, name in enumerate(names))
    data_files = "".join(
        f"  - split: {json.dumps(split)}\n"
        f"    path: {json.dumps(HF_DATA_FILE.format(split=split))}\n"
        for split in splits
    )
    return (
        "---\n"
        "dataset_info:\n"
        "  features:\n"
        "  - name: id\n    dtype: string\n"
        "  - name: document_id\n    dtype: string\n"
        "  - name: annotator\n    dtype: string\n"
        "  - name: tokens\n    sequence: string\n"
        "  - name: ner_tags\n    sequence:\n      class_label:\n        names:\n"
        f"{class_names}"
        "  - name: tags\n    sequence: string\n"
        "configs:\n"
        "- config_name: default\n"
        "  data_files:\n"
        f"{data_files}"
        "---\n\n"
        "Token classification data exported by annotator: one row per sentence of each "
        "annotator's layer, IOB2 tags. Load it with `datasets.load_dataset(FOLDER)`.\n"
    )


def export_hf(
    store: Store,
    path: Path,
    request: ExportRequest,
    splits: dict[str, str] | None = None,
    split_names: tuple[str, ...] = (),
) -> FormatExportReport:
    """A dataset folder: one ``SPLIT.jsonl`` per split (``train.jsonl`` alone when the
    export is not split), ``label_names.json`` and the card that declares the
    features. ``splits`` maps document ids to split names."""
    options = request.options
    align = request.align
    if path.exists() and not path.is_dir():
        raise ExportError(f"{path} is a file; the hf export writes a dataset folder")
    report = FormatExportReport(path=path, format="hf", offsets="tokens", align=align.value)
    # The label set's labels come first in the tag names, so their ids are known
    # before the first row; a label only the spans have (one taken out of the label
    # set) gets its id at the end, and the rows holding one are written again then.
    tag_ids = {name: i for i, name in enumerate(bio_names(export_labels(store, options)))}
    parts = list(split_names) if splits is not None else ["train"]
    rows = dict.fromkeys(parts, 0)
    names: list[str] = []

    def fill(staged: StagedFiles) -> None:
        unknown_tags = False
        for record in counted_records(store, options, report):
            part = splits[record["id"]] if splits is not None else "train"
            tokens = TextTokens(record["text"])
            for layer in layers(record):
                # A layer's rows go to the file together.
                lines = []
                for number, sentence in enumerate(tag_layer(layer, tokens, align, report)):
                    ner_tags = list(map(tag_ids.get, sentence.tags, repeat(-1)))
                    unknown_tags = unknown_tags or -1 in ner_tags
                    row = {
                        "id": f"{record['id'][:16]}-{layer.annotator}-{number}",
                        "document_id": record["id"],
                        "annotator": layer.annotator,
                        "tokens": sentence.words,
                        "ner_tags": ner_tags,
                        "tags": sentence.tags,
                    }
                    lines.append(_encode(row))
                if lines:
                    lines.append("")
                    staged.append(HF_DATA_FILE.format(split=part), "\n".join(lines))
                    rows[part] += len(lines) - 1
        names.extend(bio_names(export_labels(store, options, report.labels)))
        if unknown_tags:
            final_ids = {name: i for i, name in enumerate(names)}
            for part in parts:
                if rows[part]:
                    staged.rewrite_lines(
                        HF_DATA_FILE.format(split=part), lambda line: _retagged(line, final_ids)
                    )
        # A split with no rows would make datasets refuse the whole folder; an export
        # with no rows at all still has its (empty) first file.
        if not any(rows.values()):
            staged.write(HF_DATA_FILE.format(split=parts[0]), "")
        staged.write(HF_LABEL_NAMES, json.dumps(names, ensure_ascii=False, indent=2) + "\n")
        staged.write(HF_CARD, dataset_card(names, written_parts()))

    def written_parts() -> list[str]:
        return [part for part in parts if rows[part]] or parts[:1]

    write_export_folder(path, fill, "hf")
    written = written_parts()
    for part in parts:
        if part not in written:
            report.notes.append(f"split {part!r} has no rows: no {part}.jsonl written")
    write_manifest(
        store,
        report,
        options,
        label_names=names,
        split_rows=rows,
    )
    return report


def _retagged(line: str, tag_ids: dict[str, int]) -> str:
    row = json.loads(line)
    row["ner_tags"] = [tag_ids[tag] for tag in row["tags"]]
    return json.dumps(row, ensure_ascii=False) + "\n"
