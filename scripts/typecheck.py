"""Type-check the installed package layout: qualbridge.{flows,tasks,schemas,cli} with mypy.

The project's folders install under one import name through setuptools' package-dir mapping,
which mypy cannot follow; this lays the same package out as symbolic links in a temporary
folder (.typecheck/, git-ignored, kept so mypy's cache works) and checks it there, with the
settings in pyproject.toml.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAPPED = ("flows", "tasks", "schemas")


def main() -> int:
    """Build the linked package and run mypy on it; return mypy's exit code."""
    work = ROOT / ".typecheck"
    package = work / "qualbridge"
    shutil.rmtree(package, ignore_errors=True)
    package.mkdir(parents=True)
    for entry in (ROOT / "qualbridge").iterdir():
        if entry.name != "__pycache__":
            (package / entry.name).symlink_to(entry)
    for folder in MAPPED:
        (package / folder).symlink_to(ROOT / folder)
    command = [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"),
               "-p", "qualbridge"]  # fmt: skip
    env = {**os.environ, "MYPYPATH": str(work)}
    return subprocess.run(command, cwd=work, env=env, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
