"""A .zip handed over by a colleague imports as its folder would, names its members
``ARCHIVE.zip/inner/path``, and an unsafe or damaged archive is refused whole."""

from __future__ import annotations

import json
import os
import stat
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.core.importing import archives
from annotator.core.importing.inputs import import_articles_and_annotations
from annotator.core.importing.request import ImportRequest
from annotator.core.models import GOLD_LAYER, Document
from annotator.core.store import Store

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "tests" / "fixtures"
INCEPTION = FIXTURES / "webanno" / "inception-project"
BRAT = FIXTURES / "brat" / "news"
INCEPTION_MAP = "CLAIM=claim,PER=person,said=said_by"
ARTICLE = "Meta dément.\n\nAndrew Bosworth dément toute prime de 100 millions de dollars.\n"


@pytest.fixture(autouse=True)
def private_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Extraction goes to a folder of this test's own, checked empty afterwards."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    yield folder
    assert list(folder.iterdir()) == [], "a temporary folder survived the import"


def make_zip(path: Path, members: dict[str, bytes | str | Path]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            if isinstance(content, Path):
                content = content.read_bytes()
            archive.writestr(name, content)
    return path


def folder_members(folder: Path, prefix: str = "") -> dict[str, bytes | str | Path]:
    return {
        prefix + str(path.relative_to(folder)): path
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def run(project: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--db", str(project), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def snapshot(store: Store) -> tuple[object, ...]:
    documents = sorted(store.document_ids())
    return (
        documents,
        [store.document(doc_id).source for doc_id in documents],
        store.span_count(),
        store.annotators(),
        list(store.label_set().names),
    )


# -- what imports --------------------------------------------------------------------


def test_a_zip_of_articles_imports_them_named_inside_the_archive(
    tmp_path: Path, store: Store
) -> None:
    seeds = sorted(SEEDS.glob("*.txt"))
    members = folder_members(SEEDS, "seeds/")
    # What the Finder and editors leave in an archive: never content.
    members["__MACOSX/seeds/._" + seeds[0].name] = b"\x00\x05\x16\x07 resource fork"
    members["seeds/.DS_Store"] = b"\x00\x00\x00\x01Bud1"
    archive = make_zip(tmp_path / "seeds.zip", members)

    report = import_articles_and_annotations(store, [archive])

    assert report.imported == len(seeds) and report.failed == 0 and not report.unreadable
    sources = sorted(str(store.document(doc_id).source) for doc_id in store.document_ids())
    assert sources == sorted(f"{archive}/seeds/{path.name}" for path in seeds)
    shown = [result.path for result in report.results]
    assert not any("MACOSX" in name or ".DS_Store" in name for name in shown)
    assert not any(str(tempfile.gettempdir()) in name for name in shown)


def test_importing_the_same_zip_twice_adds_nothing(tmp_path: Path, store: Store) -> None:
    archive = make_zip(tmp_path / "seeds.zip", folder_members(SEEDS))
    import_articles_and_annotations(store, [archive])
    before = snapshot(store)
    again = import_articles_and_annotations(store, [archive])
    assert again.imported == 0 and again.present == len(list(SEEDS.glob("*.txt")))
    assert snapshot(store) == before


def test_an_inception_export_zip_imports_each_user_and_the_curation_as_gold(
    tmp_path: Path,
) -> None:
    members = folder_members(INCEPTION)
    # A real export also holds the original documents and the project's settings.
    members["source/meta_bosworth.txt"] = ARTICLE
    members["exportedproject20250101.json"] = json.dumps({"name": "primes"})
    archive = make_zip(tmp_path / "inception.zip", members)
    from_zip, from_folder = tmp_path / "zip.db", tmp_path / "folder.db"

    code, output = run(from_zip, "import", "--map", INCEPTION_MAP, str(archive))
    assert code == 0, output
    assert f"{archive} (webanno)" in output and tempfile.gettempdir() not in output
    assert run(from_folder, "import", "--map", INCEPTION_MAP, str(INCEPTION))[0] == 0
    with Store(from_zip) as zipped, Store(from_folder) as unzipped:
        assert zipped.annotators() == ["alice", "bob", GOLD_LAYER]
        # The source/ document is not imported a second time as an article.
        assert snapshot(zipped) == snapshot(unzipped)
        assert zipped.document_count() == 1 and zipped.span_count() > 0
        before = snapshot(zipped)

    code, output = run(from_zip, "import", "--map", INCEPTION_MAP, str(archive))
    assert code == 0 and "0 spans added" in output
    with Store(from_zip) as zipped:
        assert snapshot(zipped) == before


def test_annotated_files_inside_a_zip_keep_no_temporary_path(tmp_path: Path, store: Store) -> None:
    members = folder_members(BRAT, "collection/")
    members["exports/dave.jsonl"] = (
        json.dumps({"text": "Sam Altman parle.", "label": [[0, 10, "person"]]}) + "\n"
    )
    archive = make_zip(tmp_path / "handover.zip", members)

    report = import_articles_and_annotations(store, [archive], ImportRequest(add_labels=True))

    assert not report.annotation_problems(), report.annotation_problems()
    assert sorted(str(f.path) for f in report.annotations.files) == [
        f"{archive}/collection",
        f"{archive}/exports/dave.jsonl",
    ]
    sources = {str(store.document(doc_id).source) for doc_id in store.document_ids()}
    assert f"{archive}/exports/dave.jsonl" in sources
    assert f"{archive}/collection/000-introduction.txt" in sources
    assert all(source.startswith(f"{archive}/") for source in sources), sources


def test_a_member_refused_for_unknown_labels_is_offered_again_as_its_archive(
    tmp_path: Path, store: Store
) -> None:
    line = json.dumps({"text": "Google recrute.", "label": [[0, 6, "ORG"]]}) + "\n"
    archive = make_zip(tmp_path / "erin.zip", {"erin.jsonl": line})
    first = import_articles_and_annotations(store, [archive])
    [refused] = first.annotations.refused
    assert refused.path == f"{archive}/erin.jsonl" and refused.line == 1
    assert first.paths_with_unknown_labels() == [archive]
    again = import_articles_and_annotations(
        store, first.paths_with_unknown_labels(), ImportRequest(add_labels=True)
    )
    assert not again.annotation_problems() and store.span_count() == 1


# -- what is refused -----------------------------------------------------------------


def symlink_member(archive: zipfile.ZipFile, name: str, target: str) -> None:
    info = zipfile.ZipInfo(name)
    info.create_system = 3  # Unix: the mode below is read
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    archive.writestr(info, target)


def unsafe_archive(path: Path, kind: str, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    """An archive with one good article first, then the member that makes it unsafe;
    returns it and the member the refusal must name."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("good.txt", ARTICLE)
        if kind == "zip slip":
            archive.writestr("articles/../../escaped.txt", ARTICLE)
            return path, "articles/../../escaped.txt"
        if kind == "absolute path":
            archive.writestr("/tmp/absolute.txt", ARTICLE)
            return path, "tmp/absolute.txt"
        if kind == "symbolic link":
            symlink_member(archive, "passwd.txt", "/etc/passwd")
            return path, "passwd.txt"
        if kind == "encrypted":
            archive.writestr("secret.txt", ARTICLE)
            encrypted = "secret.txt"
        if kind == "too many members":
            monkeypatch.setattr(archives, "MAX_MEMBERS", 3)
            for number in range(1, 5):
                archive.writestr(f"more/{number}.txt", f"Article {number}.\n")
            return path, "more/3.txt"
        if kind == "too large in all":
            monkeypatch.setattr(archives, "MAX_TOTAL_BYTES", len(ARTICLE) + 10)
            archive.writestr("second.txt", ARTICLE)
            return path, "second.txt"
        if kind == "zip bomb":
            archive.writestr("bomb.txt", b"0" * (4 * archives.RATIO_FLOOR_BYTES))
            return path, "bomb.txt"
    # zipfile writes no encrypted member: mark it so in both of its headers.
    data = bytearray(path.read_bytes())
    local = data.rindex(b"PK\x03\x04", 0, data.index(b"secret.txt"))
    central = data.rindex(b"PK\x01\x02", 0, data.rindex(b"secret.txt"))
    data[local + 6] |= 0x1
    data[central + 8] |= 0x1
    path.write_bytes(bytes(data))
    return path, encrypted


UNSAFE = [
    ("zip slip", "'..'"),
    ("absolute path", "absolute path"),
    ("symbolic link", "symbolic link"),
    ("encrypted", "encrypted"),
    ("too many members", "more than 3 members"),
    ("too large in all", "uncompressed"),
    ("zip bomb", "zip bomb"),
]


@pytest.mark.parametrize(("kind", "said"), UNSAFE, ids=[kind for kind, _ in UNSAFE])
def test_an_unsafe_archive_is_refused_whole_naming_the_member(
    kind: str, said: str, tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "incoming").mkdir()
    archive, member = unsafe_archive(tmp_path / "incoming" / "handover.zip", kind, monkeypatch)
    store.add_documents([Document.from_text("Un article déjà là.")])
    before = snapshot(store)

    report = import_articles_and_annotations(store, [archive])

    [error] = report.unreadable
    assert error.path == f"{archive}/{member}" and said in error.reason
    assert report.results == [] and not report.annotations.files
    assert snapshot(store) == before, "nothing of the archive, not even its good article"
    # Nothing was written beside the archive or above the temporary folder.
    assert sorted(os.listdir(tmp_path / "incoming")) == ["handover.zip"]
    assert not any(tmp_path.rglob("escaped.txt")) and not any(tmp_path.rglob("passwd.txt"))


@pytest.mark.parametrize("damage", ["not a zip", "cut short", "spoiled member"])
def test_a_damaged_archive_is_refused_with_its_name(
    damage: str, tmp_path: Path, store: Store
) -> None:
    archive = tmp_path / "handover.zip"
    if damage == "not a zip":
        archive.write_bytes(os.urandom(4096))
    else:
        make_zip(archive, {"good.txt": ARTICLE, "other.txt": ARTICLE.replace("Meta", "Google")})
        data = bytearray(archive.read_bytes())
        if damage == "cut short":
            data = data[: len(data) // 2]
        else:  # flip bytes inside the second member's compressed data
            second = data.index(b"other.txt") + len("other.txt") + 4
            data[second : second + 8] = bytes(b ^ 0xFF for b in data[second : second + 8])
        archive.write_bytes(bytes(data))
    before = snapshot(store)

    report = import_articles_and_annotations(store, [archive])

    [error] = report.unreadable
    assert error.path.startswith(str(archive)), error
    assert snapshot(store) == before


def test_the_command_refuses_an_unsafe_archive_in_one_line_and_imports_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive, member = unsafe_archive(tmp_path / "handover.zip", "zip slip", monkeypatch)
    article = tmp_path / "other.txt"
    article.write_text(ARTICLE.replace("Meta", "Google"), encoding="utf-8")
    project = tmp_path / "project.db"

    code, output = run(project, "import", str(article), str(archive))

    assert code == 1
    assert f"Error: {archive}/{member}: " in output and "zip slip" in output
    assert "Traceback" not in output
    with Store(project) as store:
        assert store.document_count() == 0
