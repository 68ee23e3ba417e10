"""Shared fixtures: a correct two-page fixture site to break one defect at a time."""

from __future__ import annotations

import pytest

from tests.sitefactory import FixtureSite, two_page_site


@pytest.fixture
def site(tmp_path) -> FixtureSite:
    """A correct bilingual site of two pages, in a temporary folder."""
    return two_page_site(tmp_path)
