"""GX Data Docs for a run, built from value-free validation results kept in the run's folder."""

from __future__ import annotations

import os
import re
from functools import partial
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qualbridge.tasks.quality.gx_suite import load_gx

if TYPE_CHECKING:
    from great_expectations.core import ExpectationSuiteValidationResult

# <link ... href="https://..."> and <script src="//..."></script>: assets fetched from a network.
REMOTE_LINK = re.compile(r"<link\b[^>]*\bhref=[\"']?(?:https?:)?//[^>]*>", re.IGNORECASE)
REMOTE_SCRIPT = re.compile(
    r"<script\b[^>]*\bsrc=[\"']?(?:https?:)?//[^>]*>\s*</script>", re.IGNORECASE | re.DOTALL
)
REMOTE_IMAGE = re.compile(r"src=\"(?:https?:)?//[^\"]*/(?P<name>[\w.-]+?)(?:\?[^\"]*)?\"")
RESULTS_FOLDER = "gx_results"
DOCS_FOLDER = "data_docs"
SITE = "run"


def store_results(
    run_dir: Path, run_id: str, batch: str, results: list[ExpectationSuiteValidationResult]
) -> None:
    """Keep a batch's suite results as GX JSON in the run folder; they hold no data values."""
    from great_expectations.core.run_identifier import RunIdentifier
    from great_expectations.data_context.types.resource_identifiers import (
        ExpectationSuiteIdentifier,
        ValidationResultIdentifier,
    )

    store = _context(run_dir).validation_results_store
    for i, result in enumerate(results):
        suite = ExpectationSuiteIdentifier(result.suite_name)
        key = ValidationResultIdentifier(suite, RunIdentifier(run_name=run_id), f"{batch}-{i}")
        store.set(key, result)


def build_data_docs(run_dir: Path) -> Path:
    """Render every result kept for the run into <run_dir>/data_docs; return its index page.

    The pages work offline: see make_offline.
    """
    _context(run_dir).build_data_docs(site_names=[SITE])
    make_offline(run_dir / DOCS_FOLDER)
    return run_dir / DOCS_FOLDER / "index.html"


def make_offline(docs_dir: Path) -> int:
    """Drop every remote script and stylesheet from GX's pages; put a small local stand-in first.

    GX loads jQuery, Bootstrap, bootstrap-table, Font Awesome and Vega from CDNs, and on-site
    secure environments are usually offline, where those pages render blank. The stand-in is
    inlined (a stylesheet and a few lines of script that draw the tables), so a page still works
    when it is opened on its own. Returns how many pages were rewritten.
    """
    head = (
        f"<head>\n<style>\n{_asset('data_docs.css')}</style>\n"
        f"<script>\n{_asset('data_docs.js')}</script>\n"
    )
    pages = 0
    for page in docs_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        offline = REMOTE_SCRIPT.sub("", REMOTE_LINK.sub("", html))
        offline = REMOTE_IMAGE.sub(partial(_local_image, docs_dir=docs_dir, page=page), offline)
        offline = offline.replace("<head>", head, 1)
        if offline != html:
            page.write_text(offline, encoding="utf-8")
            pages += 1
    return pages


def _local_image(match: re.Match[str], docs_dir: Path, page: Path) -> str:
    """A remote image (GX's logo) pointed at the copy GX ships in the site's static folder."""
    local = docs_dir / "static" / "images" / match["name"]
    return f'src="{os.path.relpath(local, page.parent)}"' if local.is_file() else 'src=""'


def _asset(name: str) -> str:
    return files("qualbridge.tasks.quality").joinpath("offline", name).read_text(encoding="utf-8")


def _context(run_dir: Path) -> Any:
    """An ephemeral GX context whose only files are the run's results and its docs site."""
    gx = load_gx()
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )

    defaults = InMemoryStoreBackendDefaults(init_temp_docs_sites=False)
    stores = dict(defaults.stores)
    stores[defaults.validation_results_store_name] = {
        "class_name": "ValidationResultsStore",
        "store_backend": {
            "class_name": "TupleFilesystemStoreBackend",
            "base_directory": str(run_dir / RESULTS_FOLDER),
        },
    }
    site = {
        "class_name": "SiteBuilder",
        "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        "store_backend": {
            "class_name": "TupleFilesystemStoreBackend",
            "base_directory": str(run_dir / DOCS_FOLDER),
        },
    }
    config = DataContextConfig(
        store_backend_defaults=defaults,
        stores=stores,
        data_docs_sites={SITE: site},
        analytics_enabled=False,
        progress_bars=ProgressBarsConfig(globally=False),
    )
    return gx.get_context(mode="ephemeral", project_config=config)
