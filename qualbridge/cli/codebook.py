"""`qualbridge codebook ...`: check codebooks and crosswalks; exchange them as REFI-QDA .qdc."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from qualbridge.cli.common import EXIT_OK, err, fail
from qualbridge.schemas.codebook import Codebook, dump_codebook, load_codebook
from qualbridge.schemas.config import ConfigError
from qualbridge.schemas.crosswalk import load_crosswalk

IMPORT_HEADER = "# Imported from {source} by qualbridge codebook import; add rules by hand.\n"


def _read(path: Path) -> Codebook:
    """A codebook from YAML, or from a .qdc file (then without rules)."""
    from qualbridge.tasks.coding import read_qdc  # the package loads scikit-learn: only here

    return read_qdc(path) if path.suffix.lower() == ".qdc" else load_codebook(path)


def _depth(codebook: Codebook) -> int:
    parent = {t.theme_id: t.parent for t in codebook.themes}

    def depth(theme_id: str | None) -> int:
        return 0 if theme_id is None else 1 + depth(parent[theme_id])

    return max(depth(t) for t in parent)


def _refuse_overwrite(out: Path, force: bool) -> None:
    if out.exists() and not force:
        raise fail(f"{out} exists; pass --force to replace it")


def check(
    file: Annotated[Path, typer.Argument(help="Codebook (YAML, or REFI-QDA .qdc).")],
    crosswalk: Annotated[
        list[Path] | None,
        typer.Option(help="A study crosswalk (YAML) to check against the codebook; repeatable."),
    ] = None,
) -> None:
    """Validate a codebook (ids, parents, cycles, rules) and crosswalks. Exit 2 on a problem."""
    try:
        codebook = _read(file)
        checked = [load_crosswalk(path, codebook, None) for path in crosswalk or []]
    except ConfigError as exc:
        raise fail(str(exc)) from None
    rules = sum(len(t.rules.keywords) + len(t.rules.patterns) for t in codebook.themes)
    err.print(
        f"[green]ok[/] {file}: codebook {codebook.codebook_id} version {codebook.version}, "
        f"{len(codebook.themes)} themes (depth {_depth(codebook)}), {rules} rules, "
        f"{len(codebook.sets)} sets"
    )
    for cw in checked:
        targets = {e.theme_id for e in cw.entries}
        err.print(
            f"[green]ok[/] {cw.source}: study {cw.study_id or '(not named)'}, version "
            f"{cw.version}, {len(cw.entries)} study codes onto {len(targets)} themes"
        )
        table = Table()
        table.add_column("consortium theme")
        table.add_column("study codes", justify="right")
        for theme in codebook.themes:
            n = sum(e.theme_id == theme.theme_id for e in cw.entries)
            table.add_row(theme.theme_id, str(n) if n else "[yellow]none[/]")
        err.print(table)
    raise typer.Exit(EXIT_OK)


def import_(
    file: Annotated[Path, typer.Argument(help="REFI-QDA codebook (.qdc).")],
    out: Annotated[Path, typer.Option(help="Codebook YAML to write.")],
    base: Annotated[
        Path | None,
        typer.Option(help="Existing codebook YAML: codes with its GUIDs keep their ids and rules."),
    ] = None,
    codebook_id: Annotated[
        str | None, typer.Option(help="Codebook id (default: the base's, else the file name).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace --out if it exists.")] = False,
) -> None:
    """Import a .qdc codebook (NVivo, ATLAS.ti, MAXQDA, QualCoder) into codebook YAML."""
    from qualbridge.tasks.coding import read_qdc

    _refuse_overwrite(out, force)
    try:
        parsed = read_qdc(file, codebook_id, load_codebook(base) if base else None)
    except ConfigError as exc:
        raise fail(str(exc)) from None
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(dump_codebook(parsed, IMPORT_HEADER.format(source=file.name)), encoding="utf-8")
    err.print(f"Wrote {out}: {len(parsed.themes)} themes, {len(parsed.sets)} sets.")


def export(
    file: Annotated[Path, typer.Argument(help="Codebook YAML.")],
    out: Annotated[Path, typer.Option(help=".qdc file to write.")],
    force: Annotated[bool, typer.Option("--force", help="Replace --out if it exists.")] = False,
) -> None:
    """Export a codebook as REFI-QDA .qdc; the same codebook always gives the same bytes."""
    from qualbridge.tasks.coding import write_qdc

    _refuse_overwrite(out, force)
    try:
        codebook = load_codebook(file)
        write_qdc(codebook, out)
    except ConfigError as exc:
        raise fail(str(exc)) from None
    err.print(
        f"Wrote {out}: {len(codebook.themes)} codes. Rules stay in {file.name}: .qdc has no place "
        "for them."
    )
