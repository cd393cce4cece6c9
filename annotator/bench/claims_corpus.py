"""Seeded news-like articles whose claims, denials and entities are known: a corpus a
model can learn, for timing the project model's training and suggestions.

Each article mixes reported claims ("Sam Altman a affirmé que Meta offre 100 millions
de dollars aux chercheurs."), denials in quotes ("« Non, Apple n'a jamais versé de
prime », a démenti Tim Cook.") and neutral sentences, in French; the spans are where
the generator put them, so the gold layer is exact.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from annotator.core.models import GOLD_LAYER, Document, Span, Status
from annotator.core.store import Store

PEOPLE = [
    "Sam Altman", "Lucas Beyer", "Andrew Bosworth", "Mark Zuckerberg", "Tim Cook",
    "Sundar Pichai", "Satya Nadella", "Élise Martin", "Karim Benali", "Chloé Durand",
    "Julien Petit", "Ruoming Pang",
]  # fmt: skip
ORGANISATIONS = [
    "Meta", "Apple", "OpenAI", "Google", "Microsoft", "Bloomberg", "Renault", "Airbus",
    "la Commission européenne", "le ministère des Finances", "TotalEnergies", "Mistral AI",
]  # fmt: skip
CLAIM_VERBS = ["a affirmé que", "a déclaré que", "assure que", "a estimé que", "soutient que"]
DENIAL_VERBS = ["a démenti", "a répondu", "a rétorqué", "a nié"]
ACTIONS = [
    "offre {amount} aux meilleurs chercheurs",
    "a versé {amount} à ses dirigeants",
    "prépare un plan de {amount} pour ses usines",
    "a perdu {amount} au dernier trimestre",
    "va investir {amount} dans l'intelligence artificielle",
    "a proposé {amount} pour racheter son concurrent",
]
DENIED_ACTIONS = [
    "n'a jamais versé {amount}",
    "nous n'avons pas reçu {amount}",
    "personne n'a proposé {amount}",
    "ce chiffre de {amount} est faux",
]
NEUTRAL = [
    "La réunion s'est tenue mardi dans les locaux de l'entreprise.",
    "Les marchés ont ouvert en légère hausse ce matin.",
    "Le secteur connaît une croissance rapide depuis plusieurs années.",
    "Plusieurs analystes suivent le dossier de près.",
    "La question reste débattue parmi les spécialistes du domaine.",
    "Le calendrier du projet n'a pas encore été rendu public.",
    "Les équipes travaillent sur une nouvelle version du logiciel.",
    "Le débat a repris de plus belle au sein de la profession.",
]


def _amount(r: random.Random) -> str:
    unit = r.choice(["millions de dollars", "milliards d'euros", "millions d'euros"])
    return f"{r.randint(2, 900)} {unit}"


@dataclass
class Builder:
    random: random.Random
    text: str = ""
    spans: list[tuple[int, int, str]] = field(default_factory=list)

    def put(self, piece: str, label: str | None = None) -> None:
        if label is not None:
            self.spans.append((len(self.text), len(self.text) + len(piece), label))
        self.text += piece

    def claim(self) -> None:
        r = self.random
        self.put(r.choice(PEOPLE), "person")
        self.put(f" {r.choice(CLAIM_VERBS)} ")
        start = len(self.text)
        self.put(r.choice(ORGANISATIONS), "organisation")
        before, _, after = r.choice(ACTIONS).partition("{amount}")
        self.put(f" {before}")
        self.put(_amount(r), "amount")
        self.put(after)
        self.spans.append((start, len(self.text), "claim"))
        self.put(". ")

    def denial(self) -> None:
        r = self.random
        self.put("« ")
        start = len(self.text)
        before, _, after = r.choice(DENIED_ACTIONS).partition("{amount}")
        self.put(f"Non, {before}")
        self.put(_amount(r), "amount")
        self.put(after)
        self.spans.append((start, len(self.text), "denial"))
        self.put(f" », {r.choice(DENIAL_VERBS)} ")
        self.put(r.choice(PEOPLE), "person")
        self.put(". ")


def labelled_article(seed: int, size: int = 3_000) -> tuple[str, list[tuple[int, int, str]]]:
    """About ``size`` characters of text and its spans ``(start, end, label)``."""
    r = random.Random(seed)
    builder = Builder(r)
    builder.put(f"Article {seed}\n")
    while len(builder.text) < size:
        roll = r.random()
        if roll < 0.3:
            builder.claim()
        elif roll < 0.45:
            builder.denial()
        else:
            builder.put(r.choice(NEUTRAL) + " ")
        if r.random() < 0.2:
            builder.text = builder.text.rstrip(" ") + "\n"
    return builder.text, builder.spans


def fill_gold(store: Store, articles: int, size: int = 3_000, seed: int = 0) -> list[str]:
    """Add ``articles`` generated articles with their spans as the gold layer, marked
    reviewed; returns the documents' ids."""
    doc_ids = []
    spans: list[Span] = []
    documents = []
    for index in range(articles):
        text, keys = labelled_article(seed * 100_003 + index, size)
        document = Document.from_text(text, source=f"generated/{index:04d}.txt")
        document = document.model_copy(update={"language": "fr"})
        documents.append(document)
        doc_ids.append(document.id)
        spans.extend(
            store.make_span(document, GOLD_LAYER, start, end, label) for start, end, label in keys
        )
    store.add_documents(documents)
    store.add_spans(spans, documents)
    for doc_id in doc_ids:
        store.set_status(doc_id, GOLD_LAYER, Status.REVIEWED)
    return doc_ids
