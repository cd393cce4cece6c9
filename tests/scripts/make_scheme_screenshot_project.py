"""Build the project behind the README's screenshots of the labels dialog and the
guidelines panel (resources/screenshots/labels-dialog.png, guidelines.png).

    python tests/scripts/make_scheme_screenshot_project.py PROJECT.db

The window screenshot's project (make_screenshot_project.py), then: verdicts on its
claims, roles on its people, a "location" label added, and guidelines for the project,
the claims and the people in English and French.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from annotator.core import scheme
from annotator.core.store import Store

HERE = Path(__file__).resolve().parent

GUIDELINES = {
    None: {
        "en": "Tag what a reader could **check**: who said it, what amount, who denies it.",
        "fr": "Étiquetez ce qu’un lecteur pourrait **vérifier** : qui le dit, quel montant, "
        "qui le dément.",
    },
    "claim": {
        "en": "A **claim** is a statement of fact that can be checked.\n\n"
        "- Tag the whole clause, not the quote marks.\n"
        "- Give it a *verdict* once it is checked (key **V** in the span panel).",
        "fr": "Une **affirmation** est un énoncé de fait vérifiable.\n\n"
        "- Étiquetez toute la proposition, sans les guillemets.\n"
        "- Donnez-lui un *verdict* une fois vérifiée (touche **V** dans le panneau).",
    },
    "person": {
        "en": "A **person** named in the article. Their *role*: an official, an expert, or "
        "an anonymous source.",
        "fr": "Une **personne** nommée dans l’article. Son *rôle* : officiel, expert ou "
        "source anonyme.",
    },
}


def main(path: Path) -> None:
    subprocess.run(
        [sys.executable, str(HERE / "make_screenshot_project.py"), str(path)], check=True
    )
    with Store(path) as store:
        label_set = scheme.with_new_label(
            store.label_set(), "location", display={"en": "Location", "fr": "Lieu"}
        )
        for label, texts in GUIDELINES.items():
            for language, text in texts.items():
                label_set = scheme.with_guidelines(label_set, label, language, text)
        store.set_label_set(label_set)
        verdicts = iter(["mostly false", "true", "false", "unverifiable"])
        roles = iter(["official", "expert", "anonymous source", "official"])
        for doc_id in store.document_ids():
            for span in store.spans(doc_id, "alice"):
                value = None
                if span.label == "claim":
                    value = ("verdict", next(verdicts, None))
                elif span.label == "person":
                    value = ("role", next(roles, None))
                if value is not None and value[1] is not None:
                    scheme.set_span_attribute(store, span.id, *value)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
