from __future__ import annotations

import errno
import hashlib
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.files import atomic_files
from annotator.core.files.atomic_files import write_lines_atomically

# Enough lines for many chunks: more than the queue between the threads holds.
LINES = [
    f'{{"n": {n}, "text": "Meta a offert 100 M$ à {n} chercheurs 🚀"}}\n'.encode()
    for n in range(60_000)
]


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(atomic_files, "CHUNK_BYTES", 4096)
    monkeypatch.setattr(atomic_files, "SYNC_EVERY_BYTES", 64 * 1024)


def test_every_line_is_written_in_order_with_the_hash_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "out" / "gold.jsonl"
    digest = write_lines_atomically(path, iter(LINES))
    content = path.read_bytes()
    assert content == b"".join(LINES)
    assert digest == hashlib.sha256(content).hexdigest()
    assert list(tmp_path.glob("out/.*")) == []


def test_a_failure_while_producing_lines_leaves_the_old_file_untouched(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_bytes(b"last week's export\n")

    def lines() -> Iterator[bytes]:
        yield from LINES[:30_000]
        raise ValueError("span 7 does not match its text")

    with pytest.raises(ValueError, match="span 7"):
        write_lines_atomically(path, lines())
    assert path.read_bytes() == b"last week's export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gold.jsonl"]


def export_failure(path: Path, lines: list[bytes]) -> BaseException:
    """Write ``lines`` on a thread of its own and return what it raised; a hang fails."""
    raised: list[BaseException] = []

    def export() -> None:
        try:
            write_lines_atomically(path, iter(lines))
        except BaseException as error:
            raised.append(error)

    exporting = threading.Thread(target=export, daemon=True)
    exporting.start()
    exporting.join(timeout=30)
    assert not exporting.is_alive(), "the export hung"
    assert len(raised) == 1, "the failure was not reported"
    return raised[0]


def test_a_full_disk_while_writing_reports_it_and_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic_files, "_sync_data", disk_full)
    # The writing thread fails after a few chunks while many more are still coming: the
    # producer must neither hang on the full queue nor leave a file behind.
    failure = export_failure(tmp_path / "gold.jsonl", LINES)
    assert "No space left" in str(failure)
    assert list(tmp_path.iterdir()) == []


def test_a_failure_of_the_final_sync_reports_it_and_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_disk(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(atomic_files.os, "fsync", broken_disk)
    # One chunk: nothing is synced before the end mark, then the final sync fails.
    failure = export_failure(tmp_path / "gold.jsonl", LINES[:10])
    assert "Input/output error" in str(failure)
    assert list(tmp_path.iterdir()) == []


def test_the_clean_up_of_another_export_never_takes_a_file_being_written(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"

    def write(file) -> None:
        file.write("first half\n")
        # Another export to the same place starts now and clears what killed ones left.
        atomic_files.remove_leftovers(tmp_path, path.name)
        atomic_files.remove_leftovers(tmp_path)
        file.write("second half\n")

    atomic_files.write_atomically(path, write)
    assert path.read_text(encoding="utf-8") == "first half\nsecond half\n"
    assert list(tmp_path.iterdir()) == [path]


def test_only_the_tools_own_temporary_names_are_cleared(tmp_path: Path) -> None:
    stale = tmp_path / atomic_files.temporary_name("gold.jsonl")
    stale.write_text("left by a killed export", encoding="utf-8")
    kept = [tmp_path / ".gold.jsonl.partial.mine", tmp_path / "gold.jsonl.annotator-notes"]
    for path in kept:
        path.write_text("the user's", encoding="utf-8")
    link = tmp_path / atomic_files.temporary_name("gold.jsonl")
    link.symlink_to(kept[0])
    atomic_files.write_atomically(tmp_path / "gold.jsonl", lambda file: file.write("{}\n"))
    assert not stale.exists()
    assert all(path.read_text(encoding="utf-8") == "the user's" for path in kept)
    assert link.is_symlink()  # a link is never ours: left alone, never followed
