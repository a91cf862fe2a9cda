"""Import a later stage's heavy libraries while the de-identification workers run.

The pipeline process mostly waits on its workers during de-identification; Great Expectations
alone takes seconds of CPU to import, which validation would otherwise pay after the workers
are done, with the rest of the machine idle.
"""

from __future__ import annotations

import importlib
import logging
import threading

# Imported by the validation and release checks (GX reads GX_ANALYTICS_ENABLED, which the
# package sets as it loads, before any of these run).
LATER_STAGE_MODULES = (
    "great_expectations",
    "great_expectations.data_context.types.base",
)

_log = logging.getLogger(__name__)


def _import_all(modules: tuple[str, ...]) -> None:
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception:  # the stage that needs it imports it again and reports the error
            _log.debug("background import of %s failed", name, exc_info=True)
            return


def import_in_background(modules: tuple[str, ...] = LATER_STAGE_MODULES) -> threading.Thread:
    """Import modules in a daemon thread; a stage importing one meanwhile waits for it."""
    thread = threading.Thread(
        target=_import_all, args=(modules,), name="later-stage-imports", daemon=True
    )
    thread.start()
    return thread
