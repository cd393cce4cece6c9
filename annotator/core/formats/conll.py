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
from pathlib import Path

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


def export_conll(store: Store, path: Path, request: ExportRequest) -> FormatExportReport:
    options = request.options
    align = request.align
    report = FormatExportReport(path=path, format="conll", offsets="tokens", align=align.value)

    def blocks() -> Iterator[str]:
        """Each layer's block, a blank line between blocks (none after the last)."""
        separator = ""
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
                yield separator + "\n".join(lines)
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
            for layer in layers(record):
                for number, sentence in enumerate(tag_layer(layer, align, report)):
                    ner_tags = [tag_ids.get(tag, -1) for tag in sentence.tags]
                    unknown_tags = unknown_tags or -1 in ner_tags
                    row = {
                        "id": f"{record['id'][:16]}-{layer.annotator}-{number}",
                        "document_id": record["id"],
                        "annotator": layer.annotator,
                        "tokens": [token.text for token in sentence.tokens],
                        "ner_tags": ner_tags,
                        "tags": sentence.tags,
                    }
                    staged.append(
                        HF_DATA_FILE.format(split=part), json.dumps(row, ensure_ascii=False) + "\n"
                    )
                    rows[part] += 1
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
