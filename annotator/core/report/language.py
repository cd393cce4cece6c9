"""The editorial report's words in English or French: a small message catalogue.

The report is written by the core, without Qt, so it cannot use the window's Qt
translations. Its template marks texts with ``_("…")`` and ``ngettext("…", "…", n)``
(Jinja2's i18n extension, new-style: the English text is the key, values are filled
in by name and escaped); ``Catalogue`` answers those calls from a plain dict per
language. English is the identity. French plurals follow French (0 and 1 singular),
French messages get French typography (a no-break space before « : ; ! ? » and inside
« »), numbers are grouped with narrow no-break spaces and written with a decimal comma,
as the window writes amounts, and dates are spelled out.

Article text, names and titles are values, never messages: typography is applied to
the catalogue's own words only, so no quoted text is altered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from annotator.core.amounts import reading as amounts
from annotator.core.attribution.links import AttributionProblem, ProblemKind
from annotator.core.models import GOLD_LAYER

LANGUAGES = ("en", "fr")

NO_BREAK_SPACE = "\u00a0"

FRENCH_MESSAGES: dict[str, str] = {
    "Editorial report": "Rapport éditorial",
    "layer: %(layer)s": "couche : %(layer)s",
    "every annotator": "tous les annotateurs",
    "gold": "référence",
    "generated %(date)s by annotator %(version)s": "produit le %(date)s par annotator %(version)s",
    "Claim ledger": "Journal des affirmations",
    "Sources": "Sources",
    "Checks": "Vérifications",
    "Checks (%(count)s)": "Vérifications (%(count)s)",
    "Articles": "Articles",
    "One row per claim; claims an annotator linked <em>same claim as</em> share a row. "
    '<span class="marker-sample">C1</span> in an article leads back to its row.': (
        "Une ligne par affirmation ; les affirmations qu’un annotateur a liées "
        "<em>même affirmation que</em> partagent une ligne. "
        '<span class="marker-sample">C1</span> dans un article ramène à sa ligne.'
    ),
    "Claim": "Affirmation",
    "Said by": "Dit par",
    "Amounts": "Montants",
    "Denied by": "Démenti par",
    "no source": "sans source",
    "No claim is tagged yet.": "Aucune affirmation n’est encore étiquetée.",
    "Possibly the same claim": "Peut-être la même affirmation",
    "Proposed by the tool, not grouped: link the claims <em>same claim as</em> to group "
    "them. Score: %(amount)s per shared amount, %(source)s per shared source, %(entity)s "
    "per person or organisation both mention; proposed from %(proposal)s.": (
        "Proposées par l’outil, pas regroupées : liez les affirmations "
        "<em>même affirmation que</em> pour les regrouper. Score : %(amount)s par montant "
        "commun, %(source)s par source commune, %(entity)s par personne ou organisation "
        "que les deux mentionnent ; proposées à partir de %(proposal)s."
    ),
    "%(first)s and %(second)s (score %(score)s: %(reasons)s)": (
        "%(first)s et %(second)s (score %(score)s : %(reasons)s)"
    ),
    "same amount %(amount)s": "même montant %(amount)s",
    "same source %(name)s": "même source %(name)s",
    "both mention %(name)s": "toutes deux mentionnent %(name)s",
    "; ": " ; ",
    ":": ":",
    "Each person or organisation a claim or denial is said by, with what they claimed "
    "and denied.": (
        "Chaque personne ou organisation à qui une affirmation ou un démenti est attribué, "
        "avec ce qu’elle a affirmé et démenti."
    ),
    "Claimed": "A affirmé",
    "Denied": "A démenti",
    "— denies %(claims)s": "— dément %(claims)s",
    "No claim or denial is linked to a person or organisation yet.": (
        "Aucune affirmation ni aucun démenti n’est encore attribué à une personne ou à une "
        "organisation."
    ),
    "%(label)s with no source (no said_by link)": "%(label)s sans source (aucun lien « dit par »)",
    "denial that denies no claim (no denies link)": (
        "démenti qui ne dément aucune affirmation (aucun lien « dément »)"
    ),
    "Every claim and denial has a source, and every denial says what it denies.": (
        "Chaque affirmation et chaque démenti a une source, et chaque démenti dit ce qu’il dément."
    ),
    "No article has tags yet.": "Aucun article n’a encore d’étiquette.",
    "published %(date)s": "publié le %(date)s",
    "%(label)s %(marker)s, said by %(sources)s": "%(label)s %(marker)s, source : %(sources)s",
    "%(label)s %(marker)s, no source": "%(label)s %(marker)s, sans source",
    # The fact checks and the notes.
    "Fact checks": "Vérifications des faits",
    "The verdict on each reviewed claim; this page carries them as schema.org ClaimReview "
    "data too.": (
        "Le verdict sur chaque affirmation relue ; cette page les porte aussi en données "
        "ClaimReview de schema.org."
    ),
    "Verdict": "Verdict",
    "Notes": "Notes",
    # The default verdict scale (``verdicts.DEFAULT_SCALE``), as the table shows it.
    "true": "vrai",
    "mostly true": "plutôt vrai",
    "half true": "à moitié vrai",
    "mostly false": "plutôt faux",
    "false": "faux",
    "unverifiable": "invérifiable",
    "Appendix: annotation guidelines": "Annexe : consignes d’annotation",
    "Scheme version %(version)s": "Version du schéma %(version)s",
}

FRENCH_PLURALS: dict[str, tuple[str, str]] = {
    "%(num)s claim": ("%(num)s affirmation", "%(num)s affirmations"),
    "%(num)s denial": ("%(num)s démenti", "%(num)s démentis"),
    "%(num)s source": ("%(num)s source", "%(num)s sources"),
    "%(num)s article": ("%(num)s article", "%(num)s articles"),
}

_FRENCH_QUALIFIERS = {
    "more_than": "plus de",
    "less_than": "moins de",
    "up_to": "jusqu’à",
    "at_least": "au moins",
    "about": "environ",
}

_FRENCH_REASONS: dict[str, str] = {
    "no_number": "aucun nombre dans le texte",
    "several_amounts": "plus d’un montant dans le texte",
    "unit_not_scale": "{0} sans devise pourrait être une unité, pas une échelle",
    "two_currencies": "deux devises : {0}",
    "scale_needs_language": (
        "{0} vaut 10^9 en anglais et 10^12 en français : indiquez la langue du document"
    ),
    "separator_needs_language": (
        "{0} : le séparateur peut grouper les milliers ou marquer les décimales ; "
        "indiquez la langue du document"
    ),
    "vague": "{0} ne donne aucun nombre",
    "range_units": "les deux bornes de la fourchette sont dans des unités différentes",
    "range_order": "la borne basse de la fourchette dépasse la borne haute",
    "unknown_scale": "{0} après le nombre n’est ni une échelle ni une devise connue",
    "unknown_currency": "{0} n’est pas une devise connue",
}

_FRENCH_MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip


def french_typography(text: str) -> str:
    """A no-break space before « : ; ! ? » and inside guillemets, in place of a plain
    space or none: "Score: 2" -> "Score : 2" (U+00A0)."""
    text = re.sub(r"[ \u00a0\u202f]?([:;!?])(?=\s|$|<)", NO_BREAK_SPACE + r"\1", text)
    text = re.sub(r"«[ \u00a0\u202f]?", "«" + NO_BREAK_SPACE, text)
    return re.sub(r"[ \u00a0\u202f]?»", NO_BREAK_SPACE + "»", text)


def _french_reason(reason: str) -> str:
    explained = amounts.explain_reason(reason)
    if explained is None:
        return reason
    kind, detail = explained
    return french_typography(_FRENCH_REASONS[kind]).format(detail)


FRENCH_AMOUNT_WORDS = amounts.AmountWords(
    qualifiers=_FRENCH_QUALIFIERS,
    unreadable="illisible",
    no_value="sans valeur",
    decimal_mark=",",
    thousands_separator="\u202f",
    percent="\u202f%",
    reason=_french_reason,
)


@dataclass(frozen=True)
class Catalogue:
    """The report's words in one language (``for_language``)."""

    language: str

    @property
    def french(self) -> bool:
        return self.language == "fr"

    def gettext(self, message: str) -> str:
        if not self.french:
            return message
        return french_typography(FRENCH_MESSAGES.get(message, message))

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        if not self.french:
            return singular if count == 1 else plural
        forms = FRENCH_PLURALS.get(singular, (singular, plural))
        return french_typography(forms[0] if count in (0, 1) else forms[1])

    def say(self, message: str, **values: object) -> str:
        """A message with its values, for texts built outside the template (plain
        text: the template escapes it)."""
        return self.gettext(message) % values

    @property
    def amount_words(self) -> amounts.AmountWords:
        return FRENCH_AMOUNT_WORDS if self.french else amounts.ENGLISH_WORDS

    def number(self, value: int) -> str:
        """1234 -> "1 234" in French (narrow no-break space); English as before: "1234"."""
        return amounts.format_number(value, self.amount_words) if self.french else str(value)

    def date(self, timestamp: str) -> str:
        """An ISO 8601 UTC timestamp; in French spelled out: "3 mars 2025 à 14 h 05 UTC"."""
        if not self.french:
            return timestamp
        moment = datetime.fromisoformat(timestamp.replace("Z", "+00:00"))
        day = "1er" if moment.day == 1 else str(moment.day)
        return (
            f"{day} {_FRENCH_MONTHS[moment.month - 1]} {moment.year} à "
            f"{moment.hour}{NO_BREAK_SPACE}h{NO_BREAK_SPACE}{moment.minute:02d} UTC"
        )

    def day(self, iso_day: str) -> str:
        """``YYYY-MM-DD``; in French spelled out: "18 mars 2026"."""
        if not self.french:
            return iso_day
        moment = date.fromisoformat(iso_day)
        day = "1er" if moment.day == 1 else str(moment.day)
        return f"{day} {_FRENCH_MONTHS[moment.month - 1]} {moment.year}"

    def layer(self, annotator: str | None) -> str:
        if annotator is None:
            return self.gettext("every annotator")
        return self.gettext("gold") if annotator == GOLD_LAYER else annotator

    def problem(self, problem: AttributionProblem, label_display: str) -> str:
        """What a check found: in English the checks' own message, as before."""
        if not self.french:
            return problem.message
        if problem.kind is ProblemKind.UNATTRIBUTED:
            return self.say("%(label)s with no source (no said_by link)", label=label_display)
        return self.gettext("denial that denies no claim (no denies link)")


def for_language(language: str) -> Catalogue:
    """The catalogue of ``language`` ("en" or "fr"; any other is English)."""
    return Catalogue(language if language in LANGUAGES else "en")
