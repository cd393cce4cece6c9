"""Opening a project on a server that cannot be reached says so, naming the server
but never the password."""

from __future__ import annotations

import socket

import pytest

from annotator.core.errors import ProjectError
from annotator.core.store import Store

pytest.importorskip("psycopg")


def test_an_unreachable_server_is_named_without_its_password() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # free, so nothing listens there
    with pytest.raises(ProjectError) as refused:
        Store(f"postgresql://alice:s3cret@127.0.0.1:{port}/enquete")
    message = str(refused.value)
    assert message.startswith(f"postgresql://alice:***@127.0.0.1:{port}/enquete: cannot connect")
    assert "s3cret" not in message


def test_a_database_with_no_project_is_not_created_by_a_reader(server_url: str) -> None:
    with pytest.raises(ProjectError, match="no project on this server yet"):
        Store(server_url, read_only=True)
