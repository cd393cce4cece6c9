"""`annotator labels`: the project's scheme edited from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from annotator.cli import main
from annotator.core.models import Document, Link, Status
from annotator.core.store import Store
from annotator.core.verdicts import DEFAULT_SCALE

TEXT = "Sam Altman affirme que Meta a offert 100 millions. Andrew Bosworth dément."


def word(needle: str) -> tuple[int, int]:
    start = TEXT.index(needle)
    return start, start + len(needle)


def make_project(path: Path) -> Document:
    with Store(path) as store:
        document = Document.from_text(TEXT, source="lemonde/altman.txt")
        store.add_document(document)
        claim = store.add_span(
            store.make_span(document, "alice", *word("Meta a offert 100 millions"), "claim")
        )
        person = store.add_span(store.make_span(document, "alice", *word("Sam Altman"), "person"))
        store.add_span(store.make_span(document, "bob", *word("Andrew Bosworth"), "person"))
        store.insert_link(
            Link(id="l1", type="said_by", from_span=claim.id, to_span=person.id, annotator="alice")
        )
        store.set_status(document.id, "alice", Status.DONE)
        return document


def run(project: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--db", str(project), *args])
    return result.exit_code, result.output


def test_labels_list_shows_keys_colours_and_the_verdict_attribute(project_path: Path) -> None:
    make_project(project_path)
    code, output = run(project_path, "labels", "list")
    assert code == 0, output
    assert "scheme version 1" in output
    assert "person         4/p   #CC79A7" in output and "2 spans" in output
    assert "claim.verdict [v] (choice): " + ", ".join(DEFAULT_SCALE.values) in output


def test_labels_list_json_is_the_scheme_with_span_counts(project_path: Path) -> None:
    make_project(project_path)
    code, output = run(project_path, "labels", "list", "--json")
    assert code == 0, output
    data = json.loads(output)
    person = next(label for label in data["labels"] if label["name"] == "person")
    assert person["spans"] == 2 and person["display"]["fr"] == "Personne"
    claim = next(label for label in data["labels"] if label["name"] == "claim")
    verdict = next(a for a in claim["attributes"] if a["name"] == "verdict")
    assert verdict["choices"] == list(DEFAULT_SCALE.values)
    assert verdict["unrated"] == list(DEFAULT_SCALE.unrated)


def test_a_label_in_another_alphabet_is_added_with_its_french_name(project_path: Path) -> None:
    make_project(project_path)
    code, output = run(project_path, "labels", "add", "μέρος", "--en", "Place", "--fr", "Lieu")
    assert code == 0, output
    assert "scheme version 2" in output
    with Store(project_path) as store:
        label = store.label_set().get("μέρος")
        assert label is not None and label.display == {"en": "Place", "fr": "Lieu"}
        assert label.key == "6"
        assert store.label_set().history[-1].change == "added the label μέρος"


def test_a_colour_like_another_labels_is_refused_unless_forced(project_path: Path) -> None:
    make_project(project_path)
    code, output = run(project_path, "labels", "add", "lieu", "--colour", "#0073B3")
    assert code == 1
    assert "looks like claim's #0072B2" in output and "--force" in output
    code, output = run(project_path, "labels", "recolour", "person", "#FFFF00")
    assert code == 1 and "barely shows on the light page" in output
    with Store(project_path) as store:
        assert store.label_set().get("lieu") is None
        assert store.label_set().version == 1
    code, output = run(project_path, "labels", "recolour", "person", "#FFFF00", "--force")
    assert code == 0, output
    with Store(project_path) as store:
        person = store.label_set().get("person")
        assert person is not None and person.color == "#FFFF00"


def test_rename_keeps_every_span_link_and_link_type(project_path: Path) -> None:
    document = make_project(project_path)
    code, output = run(project_path, "labels", "rename", "person", "personne")
    assert code == 0, output
    assert "2 spans" in output
    with Store(project_path) as store:
        labels = sorted(span.label for span in store.spans(document.id))
        assert labels == ["claim", "personne", "personne"]
        said_by = next(kind for kind in store.label_set().link_types if kind.name == "said_by")
        assert "personne" in said_by.target_labels and "person" not in said_by.target_labels
        (link,) = store.links()
        assert store.span(link.to_span).label == "personne"
    code, output = run(project_path, "labels", "rename", "claim", "personne")
    assert code == 1 and "already has a label 'personne'" in output


def test_a_retired_label_keeps_its_spans_and_is_no_longer_a_shortcut(project_path: Path) -> None:
    document = make_project(project_path)
    code, output = run(project_path, "labels", "retire", "person")
    assert code == 0, output
    assert "its 2 spans stay" in output
    with Store(project_path) as store:
        label_set = store.label_set()
        assert label_set.by_shortcut("p") is None
        assert "person" not in [label.name for label in label_set.active]
        assert len([s for s in store.spans(document.id) if s.label == "person"]) == 2
    code, output = run(project_path, "labels", "list")
    assert "(retired)" in output
    code, output = run(project_path, "labels", "retire", "person", "--restore")
    assert code == 0, output
    with Store(project_path) as store:
        assert store.label_set().by_shortcut("p") is not None


def test_attributes_are_defined_typed_and_removed(project_path: Path) -> None:
    make_project(project_path)
    code, output = run(
        project_path, "labels", "attribute", "person", "quoted", "--kind", "yes/no", "--key", "q"
    )
    assert code == 0, output
    code, output = run(
        project_path,
        "labels",
        "attribute",
        "claim",
        "verdict",
        "--choice",
        "vrai",
        "--choice",
        "faux",
        "--choice",
        "?",
        "--unrated",
        "?",
    )
    assert code == 0, output
    with Store(project_path) as store:
        from annotator.core.scheme import project_verdict_scale

        person = store.label_set().get("person")
        assert person is not None
        quoted = person.attribute("quoted")
        assert quoted is not None and quoted.kind == "yes/no" and quoted.key == "q"
        scale = project_verdict_scale(store.label_set())
        assert scale.rated == ("vrai", "faux") and scale.unrated == ("?",)
        claim = store.label_set().get("claim")
        assert claim is not None
        verdict = claim.attribute("verdict")
        assert verdict is not None and verdict.key == "v"  # kept though not given again
    code, output = run(project_path, "labels", "attribute", "person", "quoted", "--remove")
    assert code == 0, output
    code, output = run(project_path, "labels", "attribute", "person", "mood", "--kind", "choice")
    assert code == 1 and "no values to choose" in output


def test_guidelines_are_stored_per_label_and_language_and_printed(
    project_path: Path, tmp_path: Path
) -> None:
    make_project(project_path)
    guide = tmp_path / "claim.md"
    guide.write_text("# Affirmations\n\nUne *affirmation* se vérifie.\n", encoding="utf-8")
    code, output = run(
        project_path, "labels", "guidelines", "claim", "--file", str(guide), "--language", "fr"
    )
    assert code == 0, output
    code, output = run(project_path, "labels", "guidelines", "claim", "--language", "fr")
    assert code == 0 and "Une *affirmation* se vérifie." in output
    project_guide = tmp_path / "project.md"
    project_guide.write_text("Tag what is checkable.", encoding="utf-8")
    code, output = run(project_path, "labels", "guidelines", "--file", str(project_guide))
    assert code == 0, output
    code, output = run(project_path, "labels", "guidelines")
    assert "Tag what is checkable." in output


def test_a_guidelines_file_that_is_not_text_names_the_file(
    project_path: Path, tmp_path: Path
) -> None:
    make_project(project_path)
    guide = tmp_path / "bad.md"
    guide.write_bytes(b"\xff\xfe\x00bad")
    code, output = run(project_path, "labels", "guidelines", "claim", "--file", str(guide))
    assert code == 1 and "bad.md" in output


def test_agreement_reports_each_attribute_with_its_kappa(project_path: Path) -> None:
    with Store(project_path) as store:
        document = Document.from_text(TEXT, source="lemonde/altman.txt")
        store.add_document(document)
        for name, verdict in (("alice", "false"), ("bob", "mostly false")):
            claim = store.make_span(document, name, *word("Meta a offert 100 millions"), "claim")
            store.add_span(claim.model_copy(update={"attrs": {"verdict": verdict}}))
            person = store.make_span(document, name, *word("Sam Altman"), "person")
            store.add_span(person.model_copy(update={"attrs": {"role": "official"}}))
    code, output = run(project_path, "agreement")
    assert code == 0, output
    assert "attribute claim.verdict: 0 of 1 spans tagged alike agree (0.000)" in output
    assert "attribute person.role: 1 of 1 spans tagged alike agree (1.000)" in output
    code, output = run(project_path, "agreement", "--json")
    (pair,) = json.loads(output)["pairs"]
    assert pair["attributes"]["claim.verdict"]["agreed"] == 0
    assert pair["attributes"]["person.role"]["observed"] == 1.0


def test_merging_a_project_with_another_scheme_reports_the_differences(
    project_path: Path, tmp_path: Path
) -> None:
    make_project(project_path)
    other = tmp_path / "other.db"
    with Store(other) as store:
        from annotator.core import scheme

        label_set = scheme.with_new_label(store.label_set(), "lieu")
        label_set = scheme.without_attribute(label_set, "person", "role")
        label_set = scheme.with_attribute(
            label_set, "claim", scheme.attribute("verdict", choices=["vrai", "faux"])
        )
        store.set_label_set(label_set)
        document = Document.from_text("Une autre histoire.", source="other.txt")
        store.add_document(document)
    code, output = run(project_path, "merge", str(other))
    assert code == 0, output
    assert "Scheme differs: label lieu is only in the other scheme" in output
    assert "Scheme differs: attribute person.role is only in this project's scheme" in output
    assert "attribute claim.verdict has other values (only there: vrai, faux;" in output


def test_importing_an_export_made_under_another_scheme_says_how_it_differs(
    project_path: Path, tmp_path: Path
) -> None:
    make_project(project_path)
    out = tmp_path / "gold.jsonl"
    code, output = run(project_path, "export", "-o", str(out))
    assert code == 0, output
    fresh = tmp_path / "fresh.db"
    code, output = run(fresh, "labels", "attribute", "claim", "verdict", "--remove")
    assert code == 0, output
    code, output = run(fresh, "import", str(out))
    assert code == 0, output
    assert "attribute claim.verdict is only in the other scheme" in output
