"""Which language a document is written in: it decides how amounts are read.

py3langid (a maintained fork of langid.py) is small, offline and fast: its model loads
once in about 0.8 s and classifies a 5 KB article in about 4 ms. A result below
``MIN_CONFIDENCE`` or on too little text is no answer (None), and the user can set the
language by hand (``Store.set_language``).
"""

from __future__ import annotations

import re
import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from annotator.core.models import Document
    from annotator.core.store import Store

MIN_CONFIDENCE = 0.8
MIN_LETTERS = 40
"""Below this many letters langid's answers are close to chance."""

_identifier: Any = None
_identifier_lock = threading.Lock()


def _language_identifier() -> Any:
    global _identifier
    with _identifier_lock:
        if _identifier is None:
            from py3langid.langid import (
                MODEL_FILE,
                LanguageIdentifier,
            )

            _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        return _identifier


def detect(text: str) -> str | None:
    """The ISO 639-1 code of ``text``'s language ("fr", "en", ...), or None if unsure."""
    if len(re.findall(r"[^\W\d_]", text)) < MIN_LETTERS:
        return None
    language, confidence = _language_identifier().classify(text)
    return str(language) if confidence >= MIN_CONFIDENCE else None


def document_language(store: Store, document: Document) -> str | None:
    """The document's language: the stored one (set by the user or earlier), else
    detected now and stored, so it is detected once per document."""
    if document.language:
        return document.language
    language = detect(document.text)
    if language is not None and not store.read_only:
        store.set_language(document.id, language)
    return language
