"""spaCy DocBin (``.spacy``): every span in ``doc.spans["sc"]``, entities in ``doc.ents``.

Tokenised by a blank pipeline of the document's language (French when unknown). A span
that cuts a spaCy token fits only with ``--align contract|expand``. ``doc.ents`` holds
only entity labels (person, organisation, amount...) and cannot overlap: the longest
wins and the others stay in ``doc.spans["sc"]``, counted in the report.
spaCy is an optional extra: ``pip install 'annotator[spacy]'``.

A DocBin cannot be written as it is made: it is one compressed msgpack map whose first
entry holds every token of every document. ``DocBinWriter`` bounds the memory instead:
documents go through a small DocBin a batch at a time, its parts are spooled to hidden
files beside the target, and the file is put together from them at the end, byte for
byte what ``DocBin.to_bytes`` writes, compressed as it is written.
"""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path
from typing import IO, Any

from annotator.core.files.atomic_files import create_temporary, output_error, write_atomically
from annotator.core.formats.export import ExportError
from annotator.core.formats.shared import (
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
    reason = (
        "cuts a spaCy token (--align strict; try --align contract or expand)"
        if align is AlignMode.STRICT
        else f"no spaCy token fits it (--align {align})"
    )
    with DocBinWriter(DocBin, path) as doc_bin:
        for record in counted_records(store, options, report):
            nlp = pipelines.get(record.get("language"))
            # Tokenised once for all the article's layers: each layer sets the doc's
            # spans, entities and user data anew and is serialised before the next.
            doc = nlp.make_doc(record["text"])
            for layer in layers(record):
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
        write_atomically(path, doc_bin.write_to, mode="wb")
    write_manifest(store, report, options, spans_key=SPANS_KEY)
    return report


_BATCH = 256
"""Documents held in the small DocBin before its parts go to the spools."""
_PER_DOCUMENT = ("cats", "flags", "span_groups", "user_data")
"""DocBin's lists with one msgpack item per document, in its map's order."""
_COPY_BYTES = 1 << 20


class DocBinWriter:
    """A ``DocBin(store_user_data=True)`` that holds a batch of documents at a time."""

    def __init__(self, doc_bin_type: Any, path: Path) -> None:
        import numpy
        import srsly

        self._numpy = numpy
        # srsly.msgpack_dumps's packer, made once.
        self._pack = srsly.msgpack.Packer(use_bin_type=True).pack
        self._doc_bin_type = doc_bin_type
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise output_error(path, error) from error
        self._batch = doc_bin_type(store_user_data=True)
        self._spools: dict[str, tuple[IO[bytes], Path]] = {}
        try:
            for name in ("tokens", "spaces", *_PER_DOCUMENT):
                fd, partial = create_temporary(path)
                self._spools[name] = (os.fdopen(fd, "wb"), partial)
        except OSError as error:
            self.close()
            raise output_error(path, error) from error
        self._counts = dict.fromkeys(_PER_DOCUMENT, 0)
        self._lengths: list[int] = []
        self._strings: set[str] = set()

    def add(self, doc: Any) -> None:
        """``DocBin.add``, with the strings of the tokens found from their attribute
        arrays (each distinct value once) instead of a Python loop over the tokens."""
        from spacy.attrs import DEP, ENT_ID, ENT_KB_ID, ENT_TYPE, LEMMA, MORPH, NORM, ORTH, TAG
        from spacy.attrs import SPACY as SPACE_AFTER

        batch = self._batch
        array = doc.to_array(batch.attrs)
        if len(array.shape) == 1:
            array = array.reshape((array.shape[0], 1))
        batch.tokens.append(array)
        spaces = doc.to_array(SPACE_AFTER)
        batch.spaces.append(self._numpy.asarray(spaces.reshape((spaces.shape[0], 1)), dtype=bool))
        batch.flags.append({"has_unknown_spaces": doc.has_unknown_spaces})
        strings = doc.vocab.strings
        named = doc.to_array([ORTH, TAG, LEMMA, NORM, DEP, ENT_TYPE, ENT_KB_ID, ENT_ID])
        batch.strings.update(strings[key] for key in self._numpy.unique(named).tolist())
        if self._numpy.any(doc.to_array([MORPH])):
            batch.strings.update(str(token.morph) for token in doc)
        elif len(doc):
            batch.strings.add("")  # str() of no morphology
        batch.cats.append(doc.cats)
        batch.user_data.append(self._pack(doc.user_data))
        batch.span_groups.append(self._span_groups_bytes(doc, batch.strings))
        if len(batch) >= _BATCH:
            self._spool_batch()

    def _span_groups_bytes(self, doc: Any, strings: set[str]) -> bytes:
        """``SpanGroups.to_bytes``, packed by this writer's one packer: srsly makes a
        packer per call, and each looks up its plugins' entry points again (a
        millisecond a layer). The spans' strings go into ``strings`` on the way, as
        ``DocBin.add`` takes them (each span read once: reading one makes a Span)."""
        groups = doc.spans
        if not groups:
            return bytes(groups._EMPTY_BYTES)
        message: dict[bytes, list[str]] = {}
        known = doc.vocab.strings
        for key, group in groups.items():
            spans = []
            for span in group:
                spans.append(
                    struct.pack(
                        ">QQQllll", span.id, span.kb_id, span.label, span.start, span.end,
                        span.start_char, span.end_char,
                    )
                )
                strings.add(span.label_)
                if span.kb_id in known:
                    strings.add(span.kb_id_)
                if span.id in known:
                    strings.add(span.id_)
            packed = self._pack({"name": group.name, "attrs": group.attrs, "spans": spans})
            message.setdefault(packed, []).append(key)
        whole: bytes = self._pack(message)
        return whole

    def _spool_batch(self) -> None:
        batch = self._batch
        tokens, spaces = self._spools["tokens"][0], self._spools["spaces"][0]
        for array in batch.tokens:
            tokens.write(array.tobytes("C"))
            self._lengths.append(len(array))
        for array in batch.spaces:
            spaces.write(array.tobytes("C"))
        self._strings.update(batch.strings)
        for name in _PER_DOCUMENT:
            items = getattr(batch, name)
            self._spools[name][0].write(b"".join(map(self._pack, items)))
            self._counts[name] += len(items)
        self._batch = self._doc_bin_type(store_user_data=True)

    def write_to(self, file: IO[bytes]) -> None:
        """Write the DocBin's bytes: ``zlib.compress(msgpack(map))`` in DocBin's layout."""
        import numpy

        self._spool_batch()
        compressor = zlib.compressobj()

        def put(data: bytes) -> None:
            file.write(compressor.compress(data))

        pack = self._pack
        put(_map_header(10))
        put(pack("version") + pack(self._batch.version))
        put(pack("attrs") + pack(self._batch.attrs))
        for name in ("tokens", "spaces"):
            put(pack(name))
            put(_bin_header(self._spools[name][0].tell()))
            self._copy(name, put)
        lengths = numpy.asarray(self._lengths, dtype="int32").tobytes("C")
        put(pack("lengths") + pack(lengths))
        put(pack("strings") + pack(sorted(self._strings)))
        for name in _PER_DOCUMENT:
            put(pack(name) + _array_header(self._counts[name]))
            self._copy(name, put)
        file.write(compressor.flush())

    def _copy(self, name: str, put: Any) -> None:
        spool, partial = self._spools[name]
        spool.flush()
        # The spools are opened for writing only; read back through their own name.
        fd = os.open(partial, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as written:
            while chunk := written.read(_COPY_BYTES):
                put(chunk)

    def __enter__(self) -> DocBinWriter:
        return self

    def __exit__(self, *_exception: object) -> None:
        self.close()

    def close(self) -> None:
        for spool, partial in self._spools.values():
            spool.close()
            partial.unlink(missing_ok=True)


def _map_header(size: int) -> bytes:
    assert size < 16
    return bytes([0x80 | size])


def _array_header(size: int) -> bytes:
    if size < 16:
        return bytes([0x90 | size])
    if size < 1 << 16:
        return b"\xdc" + size.to_bytes(2, "big")
    return b"\xdd" + size.to_bytes(4, "big")


def _bin_header(size: int) -> bytes:
    if size < 1 << 8:
        return b"\xc4" + size.to_bytes(1, "big")
    if size < 1 << 16:
        return b"\xc5" + size.to_bytes(2, "big")
    return b"\xc6" + size.to_bytes(4, "big")
