"""GX Data Docs that work offline: no page asks a network for a script, stylesheet or image."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from qualbridge.tasks.quality.data_docs import build_data_docs, make_offline, store_results
from qualbridge.tasks.quality.gx_suite import run_suites
from qualbridge.tasks.shared.contract_catalog import contract_for

REMOTE = [
    re.compile(r"<script[^>]*\bsrc=[\"']?(https?:)?//", re.IGNORECASE),
    re.compile(r"<link[^>]*\bhref=[\"']?(https?:)?//", re.IGNORECASE),
    re.compile(r"<img[^>]*\bsrc=[\"']?(https?:)?//", re.IGNORECASE),
    re.compile(r"//cdn", re.IGNORECASE),
]


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Data Docs of a real GX validation of a small themes table."""
    run_dir = tmp_path_factory.mktemp("run")
    themes = pd.DataFrame(
        {"theme_id": ["hope", "stigma"], "label": ["Hope", "Stigma"], "description": ["", ""]}
    )
    contract = contract_for("themes")
    frame = themes[[c.name for c in contract.columns if c.name in themes.columns]]
    store_results(run_dir, "run-1", "validate-themes", run_suites(frame, contract))
    return build_data_docs(run_dir).parent


def test_gx_pages_exist(docs: Path) -> None:
    assert (docs / "index.html").is_file()
    assert len(list(docs.rglob("*.html"))) >= 2


def test_no_page_references_a_remote_script_stylesheet_or_image(docs: Path) -> None:
    found = [
        (page.relative_to(docs), pattern.pattern)
        for page in docs.rglob("*.html")
        for pattern in REMOTE
        if pattern.search(page.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_every_page_carries_the_local_stand_in(docs: Path) -> None:
    for page in docs.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "window.$ = window.jQuery" in html and ".fa-check-circle::before" in html


def test_local_images_resolve_from_every_page(docs: Path) -> None:
    for page in docs.rglob("*.html"):
        for src in re.findall(r'<img[^>]*\bsrc="([^"]+)"', page.read_text(encoding="utf-8")):
            assert (page.parent / src).resolve().is_file(), (page, src)


@pytest.mark.parametrize(
    ("html", "kept"),
    [
        ('<head><link rel="stylesheet" href="https://cdn.x/a.css"/></head>', False),
        ('<head><script src="//unpkg.com/t.js"></script></head>', False),
        ('<head><link rel="icon" href="./static/images/favicon.ico"/></head>', True),
        ('<head></head><a href="https://greatexpectations.io">GX</a>', True),
    ],
)
def test_make_offline_drops_only_remote_assets(tmp_path: Path, html: str, kept: bool) -> None:
    page = tmp_path / "index.html"
    page.write_text(html, encoding="utf-8")
    assert make_offline(tmp_path) == 1
    body = page.read_text(encoding="utf-8")
    tag = re.search(r"<(link|script|a)\b[^>]*>", html)[0]
    assert (tag in body) is kept
