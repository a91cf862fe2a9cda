"""Where a command's diagnostics go: one clear message on the terminal, tracebacks to a file."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

DEBUG_LOG = "qualbridge-debug.log"
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"


class Debug:
    """Set by `qualbridge --debug`: keep full tracebacks in a log file."""

    enabled = False


class _NoTracebacks(logging.Filter):
    """Drop Prefect's error records (with their tracebacks) from the terminal."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.name.startswith("prefect") and record.levelno >= logging.ERROR)


@contextmanager
def flow_errors_to_log(output_dir: Path) -> Iterator[Path | None]:
    """Around a flow call: no Prefect traceback on the terminal (the command prints one message);
    with --debug every record, tracebacks included, goes to <output>/logs/qualbridge-debug.log.
    """
    root = logging.getLogger()
    quiet = _NoTracebacks()
    consoles = [h for h in root.handlers if isinstance(h, logging.StreamHandler)]
    for handler in consoles:
        handler.addFilter(quiet)
    log_file, file_handler = None, None
    if Debug.enabled:
        log_file = output_dir / "logs" / DEBUG_LOG
        log_file.parent.mkdir(parents=True, exist_ok=True)
        file_handler = logging.FileHandler(log_file, encoding="utf-8")
        file_handler.setFormatter(logging.Formatter(LOG_FORMAT))
        root.addHandler(file_handler)
    try:
        yield log_file
    finally:
        for handler in consoles:
            handler.removeFilter(quiet)
        if file_handler is not None:
            root.removeHandler(file_handler)
            file_handler.close()
