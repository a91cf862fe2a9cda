"""GX Data Docs for a run, built from value-free validation results kept in the run's folder."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from qualbridge.tasks.quality.gx_suite import load_gx

if TYPE_CHECKING:
    from great_expectations.core import ExpectationSuiteValidationResult

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
    """Render every result kept for the run into <run_dir>/data_docs; return its index page."""
    _context(run_dir).build_data_docs(site_names=[SITE])
    return run_dir / DOCS_FOLDER / "index.html"


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
