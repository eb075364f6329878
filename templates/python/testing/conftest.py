"""pytest fixtures of this SDK's generated tests: the mock server, started once per run."""

from pathlib import Path
from typing import Iterator

import pytest

from specsmith_mock import start_mock


@pytest.fixture(scope="session")
def mock_url() -> Iterator[str]:
    yield from start_mock()


@pytest.fixture(autouse=True)
def example_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The docs' upload examples open example.file: each test runs in a folder that has one."""
    path = tmp_path / "example.file"
    path.write_bytes(b"example file contents\n")
    monkeypatch.chdir(tmp_path)
    return path
