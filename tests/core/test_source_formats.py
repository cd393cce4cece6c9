"""PDF, Word, OpenDocument, e-mail and Markdown files, and web pages' metadata, imported
as a journalist's folder holds them: real files written by LibreOffice, python-docx and
Python's e-mail package (tests/fixtures/sources/make_fixtures.py), offsets checked
through the gold export."""

from __future__ import annotations

import html
import json
import shutil
import zipfile
from pathlib import Path

import pypdf
import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.core import article_meta
from annotator.core.formats.export import ExportOptions, export_gold_jsonl
from annotator.core.importing.articles import import_paths
from annotator.core.importing.inputs import import_articles_and_annotations
from annotator.core.models import Document
from annotator.core.report import render as report
from annotator.core.store import Store

SOURCES = Path(__file__).resolve().parent.parent / "fixtures" / "sources"
RUNNING_HEADER = "Commission d'enquête municipale — Rapport provisoire"


def imported(store: Store, path: Path) -> Document:
    report = import_paths(store, [path])
    (result,) = report.results
    assert result.outcome == "imported", result.reason
    return store.document(result.doc_id or "")


def exported_spans(store: Store, document: Document, phrases: list[str], tmp_path: Path) -> dict:
    """Tag each phrase, export the gold file, and give back the document's record."""
    for phrase in phrases:
        start = document.text.index(phrase)
        store.add_span(store.make_span(document, "alice", start, start + len(phrase), "person"))
    out = tmp_path / "gold.jsonl"
    export_gold_jsonl(store, out, ExportOptions(annotators=["alice"]))
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [span["text"] for span in record["spans"]] == phrases
    for span in record["spans"]:
        assert record["text"][span["start"] : span["end"]] == span["text"]
    return record


def failed_reason(store: Store, path: Path) -> str:
    (result,) = import_paths(store, [path]).results
    assert result.outcome == "failed"
    assert store.document_count() == 0
    return result.reason or ""


# -- PDF -------------------------------------------------------------------------------


def test_a_libreoffice_pdf_reads_in_order_without_running_headers_or_cut_words(
    store: Store, tmp_path: Path
) -> None:
    document = imported(store, SOURCES / "rapport.pdf")
    text = document.text
    assert document.title == "Rapport sur le marché de la piscine de Bosworth"
    assert document.meta[article_meta.AUTHOR] == "Claire Martin"
    assert RUNNING_HEADER not in text
    assert "Page 1" not in text and "Page 3" not in text
    # LibreOffice hyphenated these at line ends: "at-" / "teint", "démoli-" / "tion".
    assert "le budget de l'opération atteint 1,5 million d'euros" in text
    assert "travaux de démolition." in text
    assert "at-" not in text and "démoli-" not in text
    # A real hyphen inside a line stays.
    assert "expert-comptable" in text
    paragraphs = text.split("\n\n")
    assert paragraphs[0] == "Rapport sur le marché de la piscine de Bosworth"
    assert paragraphs[1].startswith("La commission d'enquête municipale a examiné, entre")
    assert "Les conditions d'attribution" in paragraphs
    assert "  " not in text  # justified lines' wide spaces are one space
    record = exported_spans(store, document, ["Jean Dupont", "Henri Castel"], tmp_path)
    assert record["meta"]["page_starts"] == document.meta["page_starts"]


def test_a_chromium_pdf_reads_without_the_header_and_footer_chromium_printed(
    store: Store, tmp_path: Path
) -> None:
    document = imported(store, SOURCES / "rapport_chromium.pdf")
    text = document.text
    assert document.title == "Rapport sur le marché de la piscine de Bosworth"
    # Chromium prints the date and title at the top, the address and "1/3" at the foot.
    assert "rapport.html" not in text and "1/3" not in text and " AM " not in text
    assert text.count("Rapport sur le marché de la piscine de Bosworth") == 1
    assert "\ufb01" not in text
    assert len(document.meta[article_meta.PAGE_STARTS]) == 3
    assert "le budget de l'opération atteint 1,5 million d'euros" in text
    record = exported_spans(store, document, ["Jean Dupont", "Nadia Benali"], tmp_path)
    assert article_meta.page_of(record["meta"], text.index("Nadia Benali")) == 2


def test_a_pdf_keeps_where_each_page_starts_so_a_span_finds_its_page(store: Store) -> None:
    document = imported(store, SOURCES / "rapport.pdf")
    starts = document.meta[article_meta.PAGE_STARTS]
    assert len(starts) == 3 and starts[0] == 0
    text = document.text
    # The page break is a blank line: page 2 begins with the end of page 1's sentence.
    assert text[starts[1] :].startswith("selon les factures examinées par la commission.")
    assert text[starts[1] - 2 : starts[1]] == "\n\n"
    assert text[starts[2] :].startswith("d'une vérification par un expert-comptable")
    assert article_meta.page_of(document.meta, text.index("Jean Dupont")) == 1
    assert article_meta.page_of(document.meta, text.index("Henri Castel")) == 2
    assert article_meta.page_of(document.meta, text.index("de commander")) == 3
    assert article_meta.page_of({}, 10) is None


def test_a_pdf_without_a_text_layer_fails_with_that_reason(store: Store, tmp_path: Path) -> None:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_blank_page(width=595, height=842)
    scan = tmp_path / "scan.pdf"
    with scan.open("wb") as file:
        writer.write(file)
    assert "no text layer" in failed_reason(store, scan)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("cut.pdf", (SOURCES / "rapport.pdf").read_bytes()[:3000], "cannot read the PDF"),
        ("fake.pdf", b"Bonjour, ceci n'est pas un PDF.", "not a PDF file"),
        ("fake.docx", b"Bonjour", "not a Word (.docx) file"),
        ("fake.odt", b"Bonjour", "not a OpenDocument text (.odt) file"),
        ("empty_zip.docx", b"PK\x05\x06" + bytes(18), "cannot read the Word file"),
        ("note.eml", b"Bonjour\n\nPas d'en-tete ici.\n", "not an e-mail"),
    ],
)
def test_a_file_that_cannot_be_read_fails_alone_named_with_the_reason(
    store: Store, tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / name).write_bytes(data)
    shutil.copy(SOURCES / "rapport.odt", tmp_path / "in" / "rapport.odt")
    report = import_paths(store, [tmp_path / "in"])
    outcomes = {Path(result.path).name: result for result in report.results}
    assert outcomes[name].outcome == "failed"
    assert reason in (outcomes[name].reason or "")
    assert outcomes["rapport.odt"].outcome == "imported"
    assert store.document_count() == 1


# -- Word and OpenDocument ---------------------------------------------------------------


@pytest.mark.parametrize("name", ["rapport.docx", "rapport.odt"])
def test_word_and_opendocument_files_by_libreoffice(
    store: Store, tmp_path: Path, name: str
) -> None:
    document = imported(store, SOURCES / name)
    text = document.text
    assert document.title == "Rapport sur le marché de la piscine de Bosworth"
    assert document.language == "fr"
    assert document.meta == {"author": "Claire Martin", "date": "2026-03-14"}
    blocks = text.split("\n\n")
    # Headings are their own blocks; running headers and footers are not the text.
    assert blocks[0] == "Rapport sur le marché de la piscine de Bosworth"
    assert "Les conditions d'attribution" in blocks and "Ce qui reste à vérifier" in blocks
    assert RUNNING_HEADER not in text and "Page" not in text
    # The tracked deletion ("très largement ") is not in the text.
    assert "Le coût des travaux a été sous-estimé dès l'origine" in text
    assert "très largement" not in text
    # The footnote's mark stays where it is cited; its text follows the article.
    assert "travaux de démolition.1" in text
    assert blocks[-1] == "1 Audition du 3 février, procès-verbal n° 12."
    exported_spans(store, document, ["Jean Dupont", "Sophie Lambert"], tmp_path)


def test_a_word_file_by_python_docx_loses_its_formatting_not_its_words(
    store: Store, tmp_path: Path
) -> None:
    document = imported(store, SOURCES / "python_docx.docx")
    assert document.title == "Note au comité de rédaction"
    assert document.meta == {"author": "Claire Martin", "date": "2026-03-20"}
    assert document.text == (
        "Note au comité de rédaction\n\n"
        "Selon Jean Dupont, le budget atteint 1,5 million d'euros.\n\n"
        "Ce qu'il reste à vérifier\n\n"
        "La mairie dément avoir signé le contrat.\n\n"
        "Le montant exact\n\n"
        "La date de signature"
    )
    exported_spans(store, document, ["Jean Dupont"], tmp_path)


# -- e-mail --------------------------------------------------------------------------------


def test_an_email_gives_its_plain_text_and_lists_its_attachments(
    store: Store, tmp_path: Path
) -> None:
    document = imported(store, SOURCES / "plain_and_html.eml")
    assert document.title == "Re: les pièces du marché de la piscine"
    assert document.text.startswith("Bonjour,\n\nComme convenu, voici le rapport")
    assert "<p>" not in document.text
    assert document.meta["author"] == "Sophie Lambert"
    assert document.meta["date"] == "2026-03-16"
    assert document.meta["headers"]["From"] == (
        "Sophie Lambert <s.lambert@mairie-bosworth.example>"
    )
    assert document.meta["headers"]["To"] == (
        "Claire Martin <claire.martin@courrier-ouest.example>"
    )
    assert document.meta["attachments"] == ["analyse_des_offres.pdf"]
    assert store.document_count() == 1  # the attachment is listed, not imported
    exported_spans(store, document, ["Sophie Lambert"], tmp_path)


def test_an_html_email_is_read_by_the_web_page_reader(store: Store) -> None:
    document = imported(store, SOURCES / "html_only.eml")
    assert document.title == "Bosworth : ce qu'il faut savoir ce matin"
    assert document.text == (
        "Ce qu'il faut savoir ce matin\n\n"
        "Le coût des travaux de la piscine de Bosworth a doublé, selon l'adjoint aux "
        "finances Jean Dupont.\n\n"
        "L'opposition réclame la saisine de la chambre régionale des comptes."
    )
    assert document.meta["author"] == "Lettre d'information"
    assert document.meta["date"] == "2026-03-18"


# -- Markdown ------------------------------------------------------------------------------


def test_markdown_is_rendered_to_the_text_a_reader_sees(store: Store, tmp_path: Path) -> None:
    source = (
        "# Le budget de **Bosworth**\n\n"
        "Selon **Jean Dupont**, le [budget](https://example.org/budget) atteint "
        "*1,5 million* d'euros.\n\n"
        "- la mairie `dément`\n- l'opposition réclame\n"
    )
    path = tmp_path / "depeche.md"
    path.write_text(source, encoding="utf-8")
    document = imported(store, path)
    assert document.title == "Le budget de Bosworth"
    assert document.text == (
        "Le budget de Bosworth\n\n"
        "Selon Jean Dupont, le budget atteint 1,5 million d'euros.\n\n"
        "• la mairie dément\n\n"
        "• l'opposition réclame"
    )
    exported_spans(store, document, ["Jean Dupont"], tmp_path)


def test_markdown_front_matter_is_the_articles_metadata_not_its_text(
    store: Store, tmp_path: Path
) -> None:
    source = (
        "---\n"
        'title: "La piscine de Bosworth"\n'
        "author: Claire Martin\n"
        "date: 2026-03-18T06:30:00+01:00\n"
        "lang: fr\n"
        "tags: [piscine, budget]\n"
        "---\n\n"
        "Selon **Jean Dupont**, le budget a doublé.\n"
    )
    path = tmp_path / "piscine.md"
    path.write_text(source, encoding="utf-8")
    document = imported(store, path)
    assert document.text == "Selon Jean Dupont, le budget a doublé."
    assert document.title == "La piscine de Bosworth"
    assert document.meta == {"author": "Claire Martin", "date": "2026-03-18"}
    assert document.language == "fr"


# -- web pages' metadata ---------------------------------------------------------------------


def test_a_web_page_keeps_its_outlet_author_date_address_and_language(
    store: Store, tmp_path: Path
) -> None:
    document = imported(store, SOURCES / "courrier_ouest_page.html")
    # The <title> ends with the outlet's name, which is kept apart.
    assert document.title == "Piscine de Bosworth : le coût des travaux a doublé"
    assert document.language == "fr"
    assert document.meta == {
        "url": "https://www.courrier-ouest.example/region/bosworth/"
        "piscine-de-bosworth-le-cout-des-travaux-a-double-123456",
        "site": "Le Courrier de l'Ouest",
        "author": "Claire Martin",
        "date": "2026-03-18",
        "description": "Le budget de la rénovation atteint 1,5 million d'euros, selon "
        "l'adjoint aux finances.",
    }
    record = exported_spans(store, document, ["Jean Dupont"], tmp_path)
    assert record["meta"] == document.meta


def test_a_byline_read_from_the_page_text_is_a_name(store: Store, fixtures_dir: Path) -> None:
    document = imported(store, fixtures_dir / "html" / "article_with_nav_script_comments.html")
    assert document.meta["author"] == "Claire Dubois"
    assert document.meta["date"] == "2025-07-03"


def test_metadata_goes_out_in_the_gold_file_and_comes_back_in(tmp_path: Path) -> None:
    runner = CliRunner()
    first, second = tmp_path / "first.db", tmp_path / "second.db"
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("courrier_ouest_page.html", "rapport.pdf", "plain_and_html.eml"):
        shutil.copy(SOURCES / name, folder / name)
    result = runner.invoke(main, ["--db", str(first), "import", str(folder)])
    assert result.exit_code == 0, result.output
    with Store(first) as store:
        for doc_id in store.document_ids():
            document = store.document(doc_id)
            store.add_span(store.make_span(document, "alice", 0, 4, "person"))
    gold = tmp_path / "gold.jsonl"
    result = runner.invoke(main, ["--db", str(first), "export", "-o", str(gold)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["--db", str(second), "import", str(gold)])
    assert result.exit_code == 0, result.output
    with Store(first) as before, Store(second) as after:
        assert sorted(after.document_ids()) == sorted(before.document_ids())
        for doc_id in before.document_ids():
            assert after.document(doc_id).meta == before.document(doc_id).meta != {}


def test_a_word_file_that_is_a_zip_bomb_is_refused_before_it_is_read(
    store: Store, tmp_path: Path
) -> None:
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as package:
        with package.open("word/document.xml", "w") as part:
            for _ in range(20):
                part.write(bytes(1024 * 1024))
    assert "a zip bomb" in failed_reason(store, bomb)


def test_a_missing_reader_library_says_what_to_install(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pypdf", None)  # as on an install without it
    reason = failed_reason(store, SOURCES / "rapport.pdf")
    assert reason == "reading PDF files needs pypdf, which is not installed: pip install pypdf"


def test_a_zip_of_pdf_and_word_files_imports_each(store: Store, tmp_path: Path) -> None:
    archive = tmp_path / "dossier.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for name in ("rapport.pdf", "rapport.docx", "python_docx.docx"):
            zipped.write(SOURCES / name, f"dossier/{name}")
        zipped.writestr("dossier/photo.jpg", b"\xff\xd8\xff\xe0")
    report = import_articles_and_annotations(store, [archive])
    outcomes = sorted((Path(r.path).name, r.outcome) for r in report.results)
    assert outcomes == [
        ("photo.jpg", "skipped"),
        ("python_docx.docx", "imported"),
        ("rapport.docx", "imported"),
        ("rapport.pdf", "imported"),
    ]


# -- the editorial report --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "published"), [("en", "published 2026-03-18"), ("fr", "publié le 18 mars 2026")]
)
def test_the_report_says_which_outlet_published_each_article_and_when(
    store: Store, language: str, published: str
) -> None:
    document = imported(store, SOURCES / "courrier_ouest_page.html")
    start = document.text.index("Jean Dupont")
    store.add_span(store.make_span(document, "alice", start, start + 11, "person"))
    page = report.render(store, language=language)
    details = page.split('<p class="meta details">', 1)[1].split("</p>", 1)[0]
    assert html.unescape(details) == (
        f"Le Courrier de l'Ouest · Claire Martin · {published} · "
        "https://www.courrier-ouest.example/region/bosworth/"
        "piscine-de-bosworth-le-cout-des-travaux-a-double-123456"
    )
    hostile = {**document.meta, "site": "<script>alert(1)</script>"}
    store.set_document_details(document.id, document.title, document.language, hostile)
    assert "<script>alert(1)" not in report.render(store, language=language)


def test_annotator_import_of_the_folder_names_each_file_and_what_became_of_it(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "dossier"
    shutil.copytree(SOURCES, folder)
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    db = tmp_path / "project.db"
    result = CliRunner().invoke(main, ["--db", str(db), "import", str(folder)])
    assert result.exit_code == 1  # the damaged PDF failed; the others imported
    lines = {line.split()[1].rstrip(":"): line for line in result.output.splitlines()[:-1]}
    for name in ("courrier_ouest_page.html", "html_only.eml", "plain_and_html.eml",
                 "python_docx.docx", "rapport.docx", "rapport.pdf", "rapport_chromium.pdf"):
        assert lines[str(folder / name)].startswith("imported "), lines
    # LibreOffice's .odt of the report gives the very text of its .docx: one article.
    assert lines[str(folder / "rapport.odt")].startswith("present ")
    assert lines[str(folder / "scan.pdf")].startswith(f"failed    {folder / 'scan.pdf'}: ")
    assert lines[str(folder / "rapport.fodt")].startswith("skipped")
    assert result.output.splitlines()[-1] == "7 imported, 1 already present, 1 failed, 2 skipped"
