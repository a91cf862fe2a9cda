"""The steward's review app end to end in headless Chromium: decide, rerun, approve, release.

Needs Debian's `chromium` and the `playwright` Python package (its own browser downloads are
never used); skipped with a message when either is missing.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import polars as pl
import pytest
from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

from qualbridge.cli.review_app.app import ReviewSettings, create_app
from qualbridge.flows.pipeline import RunSummary, pipeline
from qualbridge.flows.release import release_run
from qualbridge.schemas.config import load_config
from qualbridge.tasks.audit import raw_values
from tests.conftest import FIXTURES, TEST_KEY

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip
try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    sync_playwright = None

pytestmark = pytest.mark.skipif(
    CHROMIUM is None or sync_playwright is None,
    reason="browser tests need Debian's chromium (apt-get install chromium) and the "
    "playwright package (pip install playwright); never `playwright install`",
)
TOKEN = "test-token-0f3b9a"
MISSED = "supermarket"  # unmasked in PS03 only
# Selects the first occurrence of a word inside an utterance's text, as a mouse would.
SELECT = """word => {
  for (const span of document.querySelectorAll('.text')) {
    for (const node of span.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE) continue;
      const at = node.textContent.indexOf(word);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at); range.setEnd(node, at + word.length);
      const selection = window.getSelection();
      selection.removeAllRanges(); selection.addRange(range);
      span.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
      return span.dataset.utterance;
    }
  }
  return null;
}"""


@pytest.fixture
def consortium(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The mini fixture's peer support study alone, without comparisons (they add only time)."""
    shutil.copytree(FIXTURES / "mini", tmp_path, dirs_exist_ok=True)
    monkeypatch.setenv("QUALBRIDGE_KEY", TEST_KEY)
    config = tmp_path / "consortium.yaml"
    text = re.sub(r"comparisons:.*?(?=^stats:)", "", config.read_text(), flags=re.S | re.M)
    text = re.sub(
        r"^- study_id: therapist_disclosure.*?(?=^output_dir:)", "", text, flags=re.S | re.M
    )
    config.write_text(text, encoding="utf-8")
    return config


def run(config: Path) -> RunSummary:
    with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        return pipeline(str(config), None)


@contextmanager
def serving(settings: ReviewSettings) -> Iterator[str]:
    """The review app on a free port of 127.0.0.1, in a thread, for the test's duration."""
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def released_utterances(config: Path) -> pl.DataFrame:
    files = sorted((config.parent / "out" / "release").rglob("utterances*.parquet"))
    assert files, "the release holds no utterances file"
    return pl.concat([pl.read_parquet(f) for f in files])


def detected_values(config: Path) -> list[str]:
    """Original values of every replacement, re-read from the sources (for the leak check)."""
    parsed = load_config(config)
    with duckdb.connect(str(parsed.warehouse_path), read_only=True) as con:
        spans = con.execute(
            "SELECT transcript_id, utterance_id, start_offset, end_offset FROM detections"
        ).fetchall()
        values = raw_values(con, parsed, spans)
    return sorted({v for v in values.values() if len(v) >= 4})


def act(page, button: str) -> None:
    """Click an action button; the app answers ok and reloads the page."""
    with page.expect_navigation(), page.expect_response(lambda r: "/api/" in r.url) as answer:
        page.click(button)
    assert answer.value.status == 200  # a refused action answers 400 and does not reload


def browse(base: str, config: Path, pages: list[str]) -> tuple[str, str]:
    """Mark a missed word and a false positive in the browser; the false positive's place."""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        assert page.goto(f"{base}/").status == 403
        page.goto(f"{base}/?token={TOKEN}")
        assert page.locator("#run-status").inner_text() == "Awaiting sign-off"
        pages.append(page.content())
        page.goto(f"{base}/transcript/peer_support:PS03")
        assert page.evaluate(SELECT, MISSED) is not None
        page.select_option("#missed-type", "LOCATION")
        act(page, "#mark-missed")
        pages.append(page.content())
        page.goto(f"{base}/transcript/peer_support:PS01")
        mark = page.locator("mark.rep[data-type='DATE_TIME']").first
        place = (mark.get_attribute("data-utterance"), mark.get_attribute("data-start"))
        mark.click()
        act(page, "#mark-fp")
        pages.append(page.content())
        page.goto(f"{base}/")
        page.click("#approve")
        assert "not applied yet" in page.wait_for_selector("#message.bad").inner_text()
        browser.close()
    return place


def test_steward_decides_in_the_browser_and_the_rerun_changes_the_release(
    consortium: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    assert run(consortium).status == "awaiting_approval"
    settings = ReviewSettings(consortium, None, "Dana Steward", TOKEN)
    with pytest.raises(urllib.error.HTTPError) as refused, serving(settings) as base:
        urllib.request.urlopen(f"{base}/transcript/peer_support:PS01", timeout=10)
    assert refused.value.code == 403
    pages: list[str] = []
    with serving(settings) as base:
        utterance, start = browse(base, consortium, pages)
        with duckdb.connect(str(consortium.parent / "out/warehouse.duckdb")) as con:
            fp_value = raw_values(con, load_config(consortium), [
                (utterance.rsplit(":", 1)[0], utterance, int(start),
                 con.execute("SELECT end_offset FROM detections WHERE utterance_id = ? AND "
                             "start_offset = ?", [utterance, int(start)]).fetchall()[0][0])
            ])[(utterance, int(start))]  # fmt: skip
        values = detected_values(consortium)
        second = run(consortium)
        assert second.status == "awaiting_approval" and second.gates_passed
        assert re.fullmatch(
            r"\d+ transcripts re-de-identified after 2 new decisions", second.notes[0]
        )
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"{base}/?token={TOKEN}")
            pages.append(page.content())
            if os.environ.get("QUALBRIDGE_REVIEW_SCREENSHOT"):
                page.screenshot(path=os.environ["QUALBRIDGE_REVIEW_SCREENSHOT"], full_page=False)
            act(page, "#approve")
            assert page.locator("#run-status").inner_text() == "Approved, not yet released"
            assert release_run(consortium).released
            page.reload()
            assert page.locator("#run-status").inner_text() == "Released"
            browser.close()
    texts = released_utterances(consortium)
    assert not texts.filter(pl.col("text").str.contains(f"(?i){MISSED}")).height
    fp_text = texts.filter(pl.col("utterance_id") == utterance)["text"][0]
    assert fp_value in fp_text
    logged = capfd.readouterr()
    leaked = [v for v in values if v != fp_value and any(v in t for t in [*pages, *logged])]
    assert not leaked
    assert all("data-raw" not in page for page in pages)


def test_raw_values_show_only_when_asked_for(consortium: Path) -> None:
    run(consortium)
    values = detected_values(consortium)
    for show_raw in (False, True):
        settings = ReviewSettings(consortium, None, "Dana", TOKEN, show_raw=show_raw)
        with serving(settings) as base:
            url = f"{base}/transcript/peer_support:PS01"
            with pytest.raises(urllib.error.HTTPError, match="403"):
                urllib.request.urlopen(url, timeout=30)
            with urllib.request.urlopen(f"{url}?token={TOKEN}", timeout=30) as answer:
                page = answer.read().decode("utf-8")
        assert ("data-raw" in page) is show_raw
        assert any(v in page for v in values) is show_raw
