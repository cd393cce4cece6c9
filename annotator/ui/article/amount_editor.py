"""Amount values in the window: read when an amount span is made, shown, corrected.

An ``amount`` span made by hand, relabelled to amount or resized gets its attributes
from ``amounts.attrs_for_span`` in the document's language. The span panel and the
article's tooltip show the reading ("100 millions $ → 100 000 000 USD"); an amount
that cannot be read is flagged. F2 opens ``AmountDialog`` to correct the reading, and
the correction is one undo step (``SetSpanAttrs``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.core.amounts import reading as amounts
from annotator.core.amounts.reading import AMOUNT_LABEL
from annotator.core.language import document_language
from annotator.core.models import Span
from annotator.core.store import Store
from annotator.ui.article.span_commands import ChangeSpan
from annotator.ui.dialog_buttons import describe_buttons
from annotator.ui.models import ShownSpan
from annotator.ui.session import ProjectSession

UNREADABLE_MARK = "⚠"
CURRENCIES = ("", "USD", "EUR", "GBP", "CHF", "JPY", "CNY", "CAD", "AUD", "HKD")
QUALIFIERS = ("", "about", "more_than", "less_than", "up_to", "at_least")


translate = QCoreApplication.translate


# -- reading an amount ------------------------------------------------------------------


def read_amount(store: Store, doc_id: str, text: str) -> dict[str, Any]:
    """The attributes of an amount whose text is ``text``, in the document's language
    (detected and stored the first time; the suggestion task has usually done it)."""
    language = document_language(store, store.document(doc_id))
    return amounts.attrs_for_span(text, language)


def attrs_for_label(
    store: Store, doc_id: str, text: str, old_label: str | None, new_label: str
) -> dict[str, Any] | None:
    """The attributes a span gets when it becomes ``new_label``; None keeps them.

    An amount is read; a span that stops being an amount loses the amount's reading,
    which would otherwise be exported as the value of a person or a claim.
    """
    if new_label == AMOUNT_LABEL:
        return read_amount(store, doc_id, text)
    if old_label == AMOUNT_LABEL:
        return {}
    return None


def is_unreadable(attrs: dict[str, Any]) -> bool:
    return not attrs.get("readable", True) or not (
        "value" in attrs or ("min" in attrs and "max" in attrs)
    )


def reason_text(reason: str) -> str:
    """A stored ``reason`` (English, as exported) in the interface's language; one the
    core did not write (typed by someone) as it is."""
    explained = amounts.explain_reason(reason)
    if explained is None:
        return reason
    kind, detail = explained
    texts = {
        "no_number": translate("AmountEditor", "no number in the text"),
        "several_amounts": translate("AmountEditor", "more than one amount in the text"),
        "unit_not_scale": translate(
            "AmountEditor", "%1 without a currency could be a unit, not a scale"
        ),
        "two_currencies": translate("AmountEditor", "two currencies: %1"),
        "scale_needs_language": translate(
            "AmountEditor",
            "%1 means 10^9 in English and 10^12 in French: set the document's language",
        ),
        "separator_needs_language": translate(
            "AmountEditor",
            "%1: the separator could group thousands or mark decimals; set the document's language",
        ),
        "vague": translate("AmountEditor", "%1 gives no number"),
        "range_units": translate(
            "AmountEditor", "the two ends of the range are in different units"
        ),
        "range_order": translate("AmountEditor", "the range's low end is above its high end"),
        "unknown_scale": translate(
            "AmountEditor", "%1 after the number is no scale or currency this reader knows"
        ),
        "unknown_currency": translate("AmountEditor", "%1 is no currency this reader knows"),
    }
    return texts[kind].replace("%1", detail or "")


def amount_words() -> amounts.AmountWords:
    """``format_amount``'s words in the interface's language, numbers written as
    ``QLocale`` writes them (decimal comma in French; thousands always grouped with
    narrow no-break spaces, as amounts are everywhere in the window)."""
    return amounts.AmountWords(
        qualifiers={
            "more_than": translate("AmountEditor", "more than"),
            "less_than": translate("AmountEditor", "less than"),
            "up_to": translate("AmountEditor", "up to"),
            "at_least": translate("AmountEditor", "at least"),
            "about": translate("AmountEditor", "about"),
        },
        unreadable=translate("AmountEditor", "unreadable"),
        no_value=translate("AmountEditor", "no value"),
        decimal_mark=QLocale().decimalPoint(),
        percent=translate("AmountEditor", " %"),
        reason=reason_text,
    )


def amount_reading(attrs: dict[str, Any]) -> str:
    """What the window shows for an amount's attributes."""
    if not attrs:
        return f"{UNREADABLE_MARK} " + translate(
            "AmountEditor", "not read yet (F2 to set the value)"
        )
    if is_unreadable(attrs):
        reason = attrs.get("reason")
        text = translate("AmountEditor", "unreadable") + (
            translate("AmountEditor", ": %1").replace("%1", reason_text(reason)) if reason else ""
        )
        return f"{UNREADABLE_MARK} {text}"
    return amounts.format_amount(attrs, amount_words())


def amount_row_text(span_text: str, attrs: dict[str, Any], limit: int = 60) -> str:
    flat = " ".join(span_text.split())
    if len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    return f"{flat} → {amount_reading(attrs)}"


def decorate_amount_row(item: QStandardItem, span: ShownSpan) -> None:
    """An amount's row in the span panel: its reading; in red when it cannot be read."""
    if span.label != AMOUNT_LABEL:
        return
    item.setText(amount_row_text(span.text, span.attrs))
    item.setToolTip(f"{span.text}\n{amount_reading(span.attrs)}")
    if is_unreadable(span.attrs):
        item.setForeground(QBrush(QColor("#B00020")))


# -- correcting it ----------------------------------------------------------------------


class SetSpanAttrs(ChangeSpan):
    """Replace a span's attributes (an amount's corrected value); undo puts them back."""

    def __init__(self, session: ProjectSession, span: Span, attrs: dict[str, Any]) -> None:
        super().__init__(
            session,
            translate("AmountEditor", "Correct the amount “%1”").replace("%1", span.text),
        )
        self.before = span
        self.attrs = attrs

    def changes(self) -> dict[str, Any]:
        return {"attrs": self.attrs}


def parse_typed_number(text: str) -> int | float | None:
    """A number as a user types it: "100000000", "100 000 000", "14,3", "14.3".

    Raises ValueError when the text is no number, or when "1,500" could be either
    fifteen hundred or one and a half (the dialog asks for it without ambiguity).
    """
    stripped = text.strip()
    if not stripped:
        return None
    number = amounts.parse_number(stripped, None) if _looks_numeric(stripped) else None
    if number is None:
        raise ValueError(text)
    return int(number) if number == number.to_integral_value() else float(number)


def _looks_numeric(text: str) -> bool:
    allowed = set("0123456789.,- \u00a0\u202f")
    return any(char.isdigit() for char in text) and set(text) <= allowed and "-" not in text[1:]


def _shown(number: Any) -> str:
    if number is None:
        return ""
    if isinstance(number, float) and number.is_integer():
        number = int(number)
    return format(Decimal(str(number)), "f") if isinstance(number, float) else str(number)


class AmountDialog(QDialog):
    """Value, currency, unit, qualifier and range of one amount span."""

    def __init__(self, span: Span, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Amount"))
        self.setMinimumWidth(420)
        attrs = span.attrs
        self.value_edit = QLineEdit(_shown(attrs.get("value")))
        self.value_edit.setObjectName("amountValue")
        self.min_edit = QLineEdit(_shown(attrs.get("min")))
        self.min_edit.setObjectName("amountMin")
        self.max_edit = QLineEdit(_shown(attrs.get("max")))
        self.max_edit.setObjectName("amountMax")
        self.currency_combo = QComboBox()
        self.currency_combo.setObjectName("amountCurrency")
        self.currency_combo.setEditable(True)
        self.currency_combo.addItems(list(CURRENCIES))
        self.currency_combo.setCurrentText(str(attrs.get("currency") or ""))
        self.unit_combo = QComboBox()
        self.unit_combo.setObjectName("amountUnit")
        self.unit_combo.addItem(self.tr("none (money or a count)"), "")
        self.unit_combo.addItem(self.tr("percent"), "percent")
        self.unit_combo.setCurrentIndex(1 if attrs.get("unit") == "percent" else 0)
        self.qualifier_combo = QComboBox()
        self.qualifier_combo.setObjectName("amountQualifier")
        for name in QUALIFIERS:
            self.qualifier_combo.addItem(name.replace("_", " ") or self.tr("none"), name)
        self.qualifier_combo.setCurrentIndex(
            max(0, self.qualifier_combo.findData(attrs.get("qualifier") or ""))
        )
        self.error_label = QLabel()
        self.error_label.setObjectName("amountError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #B00020")
        self.error_label.hide()

        quote = QLabel(f"“{' '.join(span.text.split())}”")
        quote.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Text:"), quote)
        form.addRow(self.tr("Value:"), self.value_edit)
        form.addRow(self.tr("Currency (ISO 4217):"), self.currency_combo)
        form.addRow(self.tr("Unit:"), self.unit_combo)
        form.addRow(self.tr("Qualifier:"), self.qualifier_combo)
        form.addRow(self.tr("Range from:"), self.min_edit)
        form.addRow(self.tr("Range to:"), self.max_edit)
        hint = QLabel(self.tr("A value, or both ends of a range. Write 1500000 or 1 500 000."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        describe_buttons(buttons)
        self.value_edit.setToolTip(
            self.tr("The number the text means, e.g. 1500000 for “1,5 million”.")
        )
        self.currency_combo.setToolTip(
            self.tr("Its currency as an ISO 4217 code (EUR, USD), if money.")
        )
        self.unit_combo.setToolTip(self.tr("Percent, or none for money and counts."))
        self.qualifier_combo.setToolTip(self.tr("“about”, “at least”, “up to”… as the text says."))
        self.min_edit.setToolTip(self.tr("The low end, when the text gives a range."))
        self.max_edit.setToolTip(self.tr("The high end, when the text gives a range."))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self._attrs: dict[str, Any] | None = None
        self.value_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.value_edit.selectAll()

    def attrs(self) -> dict[str, Any] | None:
        """The validated attributes once the dialog was accepted."""
        return self._attrs

    def _number(self, edit: QLineEdit, name: str) -> int | float | None:
        try:
            return parse_typed_number(edit.text())
        except ValueError:
            raise ValueError(
                self.tr("%1: “%2” is not a number without ambiguity (write 1500 or 1.5).")
                .replace("%1", name)
                .replace("%2", edit.text().strip())
            ) from None

    def _collect(self) -> dict[str, Any]:
        value = self._number(self.value_edit, self.tr("Value"))
        low = self._number(self.min_edit, self.tr("Range from"))
        high = self._number(self.max_edit, self.tr("Range to"))
        if value is None and (low is None or high is None):
            raise ValueError(self.tr("Give a value, or both ends of a range."))
        if value is not None and (low is not None or high is not None):
            raise ValueError(self.tr("Give a value or a range, not both."))
        if low is not None and high is not None and low > high:
            raise ValueError(self.tr("The range's low end is above its high end."))
        attrs: dict[str, Any] = {
            "value": value,
            "min": low,
            "max": high,
            "currency": self.currency_combo.currentText().strip().upper() or None,
            "unit": self.unit_combo.currentData() or None,
            "qualifier": self.qualifier_combo.currentData() or None,
            "readable": True,
            "checked": True,
        }
        try:
            return amounts.validate_attrs({k: v for k, v in attrs.items() if v is not None})
        except ValidationError as error:
            problems = "; ".join(
                f"{'.'.join(str(part) for part in problem['loc'])}: {problem['msg']}"
                for problem in error.errors()
            )
            raise ValueError(problems) from error

    def _accept_if_valid(self) -> None:
        try:
            self._attrs = self._collect()
        except ValueError as error:
            self.error_label.setText(str(error))
            self.error_label.show()
            return
        self.accept()
