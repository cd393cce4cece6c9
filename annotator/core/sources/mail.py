"""E-mails (``.eml``, RFC 5322): the message's own text and who sent it when.

The headers (From, To, Cc, Date, Subject) become metadata: the sender is the author,
the subject the title. The text is the plain text body; a message that only has an
HTML body gives its HTML, for the web page reader. Attachments are listed by name in
``meta["attachments"]`` and not imported.
"""

from __future__ import annotations

import email
import email.policy
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import parseaddr, parsedate_to_datetime

from annotator.core import article_meta
from annotator.core.errors import InputError
from annotator.core.sources import Extracted

SHOWN_HEADERS = ("From", "To", "Cc", "Date", "Subject")


@dataclass
class Mail:
    extracted: Extracted
    """The text is empty when the message has only an HTML body (``html``)."""
    html: str | None = None


def read_email(data: bytes, path: str) -> Mail:
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        headers = {name: str(message[name]) for name in SHOWN_HEADERS if message[name]}
        if not {"From", "Date", "Subject"} & headers.keys():
            raise InputError(path, "not an e-mail: it has no From, Date or Subject header")
        body = message.get_body(preferencelist=("plain", "html"))
        content = body.get_content() if isinstance(body, EmailMessage) else None
        attachments = [
            part.get_filename() or part.get_content_type()
            for part in message.iter_attachments()
            if isinstance(part, EmailMessage)
        ]
    except InputError:
        raise
    except Exception as error:  # a damaged message makes the parser raise many kinds
        reason = f"cannot read the e-mail ({type(error).__name__}: {error})"
        raise InputError(path, reason) from error
    if not isinstance(content, str) or not content.strip():
        raise InputError(path, "the e-mail has no text body to annotate")
    meta = {
        article_meta.AUTHOR: _sender(headers.get("From", "")),
        article_meta.DATE: _day(headers.get("Date")) or "",
        article_meta.HEADERS: headers,
        article_meta.ATTACHMENTS: attachments,
    }
    extracted = Extracted(text="", title=headers.get("Subject"), meta=article_meta.cleaned(meta))
    assert body is not None
    if body.get_content_subtype() == "html":
        return Mail(extracted, html=content)
    extracted.text = content
    return Mail(extracted)


def _sender(value: str) -> str:
    """The sender's name, else their address."""
    name, address = parseaddr(value)
    return name or address or value


def _day(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return article_meta.iso_date(parsedate_to_datetime(value))
    except (TypeError, ValueError):
        return None
