"""Shared fixtures: a correct two-page fixture site to break one defect at a time, and the real site built once."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts import sitebuild
from tests.project import PROJECT
from tests.sitefactory import FixtureSite, two_page_site


@pytest.fixture
def site(tmp_path) -> FixtureSite:
    """A correct bilingual site of two pages, in a temporary folder."""
    return two_page_site(tmp_path)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per session (in-process) into <tmp>/lora-harms; returns that folder.

    The folder is named after site_url's path so that serving its parent gives the real addresses.
    """
    out = tmp_path_factory.mktemp("site") / "lora-harms"
    result = sitebuild.build(PROJECT / "mkdocs.yml", out, strict=False)
    if not result.ok:
        pytest.fail(f"mkdocs build failed:\n{result.log}")
    return out
