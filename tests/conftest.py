"""Shared fixtures: the loaded pipeline (slow to build, so once per session) and ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = REPO / "examples" / "000_5577dacb3e3c48cb.txt"


def shared_path(*parts: str) -> Path:
    """A file in ../shared, or skip the test with a clear message when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared not found ({path}): this test needs the shared dev sets beside the repository")
    return path


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    from detente.pipeline import Pipeline

    return Pipeline()
