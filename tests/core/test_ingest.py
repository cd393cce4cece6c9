from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.core.formats.export import ExportOptions, export_gold_jsonl
from annotator.core.importing.articles import decode_text, import_paths, read_article
from annotator.core.models import document_id
from annotator.core.store import Store

NEWSROOM_TEXT = (
    "L’économie française a créé 100 000 emplois, selon l’Insee.\r\n"
    "Le ministre dément : « Ce n’est pas une surprise », a-t-il précisé.\r\n"
)


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# -- seeds, offsets, re-import --------------------------------------------------------


def test_seeds_import_with_their_exact_text_and_export_exact_offsets(
    store: Store, seeds_dir: Path, tmp_path: Path
) -> None:
    report = import_paths(store, [seeds_dir])
    seed_files = sorted(seeds_dir.glob("*.txt"))
    assert [r.outcome for r in report.results] == ["imported"] * len(seed_files) == ["imported"] * 5
    assert [r.path for r in report.results] == [str(p) for p in seed_files]
    for result, seed in zip(report.results, seed_files, strict=True):
        document = store.document(result.doc_id or "")
        assert document.text == seed.read_text(encoding="utf-8")
        assert document.source == str(seed)
        assert document.title == result.title
        assert document.title == next(line for line in document.text.splitlines() if line)
        start = document.text.index("Meta")
        store.add_span(store.make_span(document, "alice", start, start + 4, "organisation"))

    out = tmp_path / "gold.jsonl"
    export_gold_jsonl(store, out, ExportOptions(annotators=["alice"]))
    records = read_jsonl(out)
    assert len(records) == 5
    for record, seed in zip(records, seed_files, strict=True):
        assert record["text"] == seed.read_text(encoding="utf-8")
        (span,) = record["spans"]
        assert record["text"][span["start"] : span["end"]] == span["text"] == "Meta"
        assert span["start"] == seed.read_text(encoding="utf-8").index("Meta")


def test_importing_the_same_articles_again_changes_nothing(store: Store, seeds_dir: Path) -> None:
    first = import_paths(store, [seeds_dir])
    before = [store.document(doc_id) for doc_id in store.document_ids()]
    again = import_paths(store, [seeds_dir])
    assert [r.outcome for r in again.results] == ["present"] * 5
    assert again.doc_ids == first.doc_ids
    assert (again.imported, again.present, again.failed) == (0, 5, 0)
    assert [store.document(doc_id) for doc_id in store.document_ids()] == before


def test_the_same_text_in_two_files_of_one_batch_is_stored_once(
    store: Store, tmp_path: Path
) -> None:
    write(tmp_path / "a.txt", "Meta dément.\n".encode())
    write(tmp_path / "b.txt", "Meta dément.\r\n".encode())  # same text once CRLF -> LF
    report = import_paths(store, [tmp_path])
    assert [r.outcome for r in report.results] == ["imported", "present"]
    assert store.document_count() == 1


# -- encodings -----------------------------------------------------------------------


def test_a_windows_1252_newsroom_file_decodes_right(store: Store, tmp_path: Path) -> None:
    data = NEWSROOM_TEXT.encode("cp1252")
    assert b"\x92" in data and b"\xe9" in data  # ’ and é as Word writes them
    path = write(tmp_path / "depeche.txt", data)
    document = read_article(path)
    assert document.text == NEWSROOM_TEXT.replace("\r\n", "\n")
    assert document.title == "L’économie française a créé 100 000 emplois, selon l’Insee."


def test_a_short_windows_1252_line_is_not_taken_for_another_code_page(tmp_path: Path) -> None:
    # Alone, charset-normalizer ranks a Baltic code page first for this line.
    line = "L’économie française a créé 100 000 emplois, selon l’Insee."
    assert read_article(write(tmp_path / "brève.txt", line.encode("cp1252"))).text == line


def test_a_latin_1_file_decodes_right(tmp_path: Path) -> None:
    text = "Où ? À Montréal, l'été dernier, « ça » a coûté 3 000 €uros… non : 3 000 dollars.\n"
    text = text.replace("€", "E").replace("…", "...")  # Latin-1 has neither
    assert read_article(write(tmp_path / "a.txt", text.encode("latin-1"))).text == text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_a_byte_order_mark_decodes_and_hashes_like_utf8(
    tmp_path: Path, encoding: str
) -> None:
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    data = bom + NEWSROOM_TEXT.encode(encoding)
    document = read_article(write(tmp_path / "notes.txt", data))
    expected = NEWSROOM_TEXT.replace("\r\n", "\n")
    assert document.text == expected
    assert not document.text.startswith("\ufeff")
    assert document.id == document_id(expected)


def test_a_utf8_byte_order_mark_is_dropped_and_does_not_change_the_id(tmp_path: Path) -> None:
    with_bom = read_article(write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + "Café\n".encode()))
    without = read_article(write(tmp_path / "plain.txt", "Café\n".encode()))
    assert with_bom.text == "Café\n" == without.text
    assert with_bom.id == without.id


def test_text_is_kept_exactly_emoji_and_combining_accents_keep_code_point_offsets(
    store: Store, tmp_path: Path
) -> None:
    # "Cafe" + COMBINING ACUTE stays two code points: NFC would shift every offset after it.
    text = (
        "Cafe\u0301 👩‍💻 🇫🇷 :  « Meta a offert 100 M$ »,\tdit Sam Altman.\r\nBosworth dément.  \n"
    )
    path = write(tmp_path / "emoji.txt", text.encode("utf-8"))
    (result,) = import_paths(store, [path]).results
    document = store.document(result.doc_id or "")
    expected = text.replace("\r\n", "\n")
    assert document.text == expected
    assert unicodedata.normalize("NFC", document.text) != document.text
    for words, label in [("Meta", "organisation"), ("Sam Altman", "person"), ("100 M$", "amount")]:
        start = expected.index(words)
        store.add_span(store.make_span(document, "alice", start, start + len(words), label))
    out = tmp_path / "gold.jsonl"
    export_gold_jsonl(store, out)
    (record,) = read_jsonl(out)
    assert record["text"] == expected
    assert {(s["start"], s["end"], s["text"]) for s in record["spans"]} == {
        (expected.index(w), expected.index(w) + len(w), w) for w in ("Meta", "Sam Altman", "100 M$")
    }
    # Code points: 5 for "Café" (e + accent), 3 for the woman technologist (two emoji
    # and a joiner), 2 for the flag. UTF-16 would put "Meta" at 22, NFC at 17.
    assert record["spans"][0]["start"] == 18


# -- HTML ----------------------------------------------------------------------------


def test_html_gives_the_article_text_only(fixtures_dir: Path) -> None:
    page = fixtures_dir / "html" / "article_with_nav_script_comments.html"
    document = read_article(page)
    assert document.title == "Meta promet des millions aux chercheurs en IA"
    paragraphs = document.text.split("\n\n")
    assert paragraphs[0] == "Meta promet des millions aux chercheurs en IA"
    assert paragraphs[1].startswith("Meta attire les chercheurs en intelligence artificielle")
    assert paragraphs[-1] == (
        "Le chercheur Lucas Beyer, recruté en juin, a lui aussi démenti sur X avoir reçu "
        "une telle somme : « Non, ce n’est pas vrai. »"
    )
    assert len(paragraphs) == 5 and all(p.strip() == p and p for p in paragraphs)
    # Every piece of page furniture in the fixture carries one of these markers.
    for furniture in [
        "NAV_",
        "FOOTER_",
        "COMMENT_FORM_",
        "RELATED_",
        "NOSCRIPT_",
        "TRACKER_SECRET",
        "SCRIPT_WROTE_THIS",
        "INLINE_ARTICLE_SCRIPT",
        "STYLE_RULE_TEXT",
        "dataLayer",
        "Accueil",
        "Commentaires",
        "<",
    ]:
        assert furniture not in document.text, furniture


def test_html_in_windows_1252_uses_its_declared_charset(tmp_path: Path) -> None:
    body = "".join(
        f"<p>Paragraphe {n} : l’été dernier, Meta a dépensé des milliards en IA, "
        f"selon des documents consultés par notre rédaction.</p>"
        for n in range(1, 4)
    )
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; '
        'charset=windows-1252"><title>L’été de Meta</title></head>'
        f"<body><article>{body}</article></body></html>"
    )
    document = read_article(write(tmp_path / "page.htm", html.encode("cp1252")))
    assert document.title == "L’été de Meta"
    assert document.text.startswith("Paragraphe 1 : l’été dernier")
    assert document.text.count("\n\n") == 2


def test_html_without_a_title_takes_the_first_line(tmp_path: Path) -> None:
    html = (
        "<html><body><article><h1>Bosworth dément</h1>"
        "<p>Le directeur technique dément.</p></article></body></html>"
    )
    document = read_article(write(tmp_path / "page.html", html.encode()))
    assert document.title == "Bosworth dément"


# -- refusals ------------------------------------------------------------------------

BAD_FILES = {
    "photo.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
    "empty.txt": (b"", "empty"),
    "blank.md": (b" \r\n\t\n\n   ", "only whitespace"),
    "garbage.txt": (b"Titre\n" + bytes(range(0x80, 0x100)) * 3, "cannot tell its text encoding"),
    "menu.html": (
        (
            b"<html><head><title>Rubriques</title></head><body><nav><ul><li><a href='/a'>"
            b"Accueil</a></li><li><a href='/b'>Tech</a></li></ul></nav><form><label>Nom"
            b"</label><input name='n'></form><script>var x = 1;</script></body></html>"
        ),
        "no article text",
    ),
    "bad-bom.txt": (b"\xef\xbb\xbfCaf\xe9\n", "not valid UTF-8"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_unusable_files_are_refused_naming_the_file_and_storing_nothing(
    store: Store, tmp_path: Path, name: str
) -> None:
    data, reason = BAD_FILES[name]
    path = write(tmp_path / name, data)
    with pytest.raises(InputError, match=reason) as raised:
        read_article(path)
    assert raised.value.path == str(path)
    assert str(path) in str(raised.value)

    report = import_paths(store, [path])
    (result,) = report.results
    assert (result.outcome, result.path, result.doc_id) == ("failed", str(path), None)
    assert reason in (result.reason or "")
    assert store.document_count() == 0


def test_failed_files_do_not_stop_the_others(store: Store, tmp_path: Path) -> None:
    for name, (data, _) in BAD_FILES.items():
        write(tmp_path / name, data)
    write(tmp_path / "b_good.txt", b"Meta recrute.\n")
    write(tmp_path / "z_good.txt", NEWSROOM_TEXT.encode("cp1252"))
    report = import_paths(store, [tmp_path])
    assert report.failed == len(BAD_FILES)
    assert report.imported == 2 == store.document_count()
    assert {store.document(d).source for d in store.document_ids()} == {
        str(tmp_path / "b_good.txt"),
        str(tmp_path / "z_good.txt"),
    }


def test_an_unreadable_file_is_reported(store: Store, tmp_path: Path) -> None:
    # A link to a file on a drive that is no longer mounted: listed, but cannot be read.
    gone = tmp_path / "gone.txt"
    gone.symlink_to(tmp_path / "unmounted" / "article.txt")
    write(tmp_path / "open.txt", b"Meta recrute\n")
    report = import_paths(store, [tmp_path])
    assert [(r.path, r.outcome, r.reason) for r in report.results] == [
        (str(gone), "failed", "cannot read the file (No such file or directory)"),
        (str(tmp_path / "open.txt"), "imported", None),
    ]
    assert store.document_count() == 1


def test_paths_that_do_not_exist_or_are_not_articles_fail(store: Store, tmp_path: Path) -> None:
    sheet = write(tmp_path / "budget.xlsx", b"PK\x03\x04")
    report = import_paths(store, [tmp_path / "missing.txt", sheet])
    assert [(r.outcome, r.reason) for r in report.results] == [
        ("failed", "no such file or folder"),
        (
            "failed",
            "not an article: expected a .txt, .md, .html, .htm, .pdf, .docx, .odt or .eml file",
        ),
    ]


# -- folders, progress, cancel --------------------------------------------------------


def test_folders_are_imported_recursively_in_sorted_order_skipping_hidden_and_other_files(
    store: Store, tmp_path: Path
) -> None:
    root = tmp_path / "articles"
    for relative in ["b.txt", "a/z.md", "a/deeper/y.htm", "c.TXT", ".hidden.txt", ".git/x.txt"]:
        name = relative.rsplit("/", 1)[-1]
        if relative.endswith("htm"):
            data = f"<html><body><article><p>Article {name} sur Meta.</p></article></body></html>"
        else:
            data = f"Article {relative}\n"
        write(root / relative, data.encode())
    write(root / "photo.jpg", b"\xff\xd8\xff\xe0")
    report = import_paths(store, [str(root) + "/"])
    assert [(r.outcome, Path(r.path).relative_to(root).as_posix()) for r in report.results] == [
        ("imported", "a/deeper/y.htm"),
        ("imported", "a/z.md"),
        ("imported", "b.txt"),
        ("imported", "c.TXT"),
        ("skipped", "photo.jpg"),
    ]
    assert report.results[0].path == str(root) + "/a/deeper/y.htm"  # as the user wrote it
    assert store.document_count() == 4
    assert "hidden" not in " ".join(store.document(d).text for d in store.document_ids())


def test_progress_is_reported_per_file_and_batches_store_everything(
    store: Store, tmp_path: Path
) -> None:
    for n in range(7):
        write(tmp_path / f"{n:02}.txt", f"Article numéro {n}\n".encode())
    calls: list[tuple[int, int]] = []
    report = import_paths(
        store, [tmp_path], progress=lambda d, t: calls.append((d, t)), batch_size=3
    )
    assert calls == [(n, 7) for n in range(1, 8)]
    assert report.imported == 7 == store.document_count()
    assert [store.document(d).title for d in store.document_ids()] == [
        f"Article numéro {n}" for n in range(7)
    ]


def test_cancel_stops_and_keeps_what_was_read(store: Store, tmp_path: Path) -> None:
    for n in range(6):
        write(tmp_path / f"{n}.txt", f"Article {n}\n".encode())
    done: list[int] = []
    report = import_paths(
        store,
        [tmp_path],
        progress=lambda d, t: done.append(d),
        should_cancel=lambda: len(done) >= 4,
        batch_size=3,
    )
    assert report.cancelled and "cancelled" in report.summary()
    assert [r.outcome for r in report.results] == ["imported"] * 4
    assert set(report.doc_ids) == set(store.document_ids())


def test_decode_refuses_utf16_without_a_byte_order_mark_with_a_hint() -> None:
    with pytest.raises(InputError, match="save it with a byte order mark"):
        decode_text("Meta".encode("utf-16-le"), "x.txt")
