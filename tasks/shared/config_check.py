"""The whole config check in one pass: keys, referenced files, speaker roles and groups.

Fast on purpose (no Prefect, no spaCy): `qualbridge check` runs it in a config repo's CI.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from qualbridge.schemas.config import ConfigError, ConsortiumConfig, load_config
from qualbridge.schemas.config_source import line_of, node_at, read_yaml_nodes, suggestion


def allowed_speaker_roles(config: ConsortiumConfig) -> list[str]:
    """The speaker roles a config may use: its own declared list (default the standard roles).

    Read from the config itself, never from the process-wide contract roles, which hold the
    roles of whichever config was loaded last in this process.
    """
    return list(config.speaker_roles)


def check_config_file(path: Path, output_dir: Path | None = None) -> ConsortiumConfig:
    """Load a config strictly and cross-check it; raise ConfigError listing every problem."""
    path = Path(path)
    config = load_config(path, output_dir)
    _, nodes = read_yaml_nodes(path, path.read_text(encoding="utf-8"))
    problems = [
        f"{line_of(node_at(nodes, loc))}: {'.'.join(str(p) for p in loc)}: {what}"
        for loc, what in config_problems(config)
    ]
    if problems:
        raise ConfigError(f"{path}: " + "\n  ".join(problems))
    return config


def config_problems(config: ConsortiumConfig) -> Iterator[tuple[tuple[Any, ...], str]]:
    """(location, problem) for every missing file, unknown role and unknown comparison group."""
    yield from _missing_files(config)
    yield from _unknown_roles(config)
    yield from _unknown_groups(config)


def _missing_files(config: ConsortiumConfig) -> Iterator[tuple[tuple[Any, ...], str]]:
    for i, study in enumerate(config.studies):
        named: list[tuple[tuple[Any, ...], Path | None]] = [
            (("studies", i, key), getattr(study, key))
            for key in ("manifest", "deny_list", "crosswalk", "decisions")
        ]
        named += [(("studies", i, "tables", j, "path"), t.path) for j, t in enumerate(study.tables)]
        named += [(("studies", i, "qdpx", j), p) for j, p in enumerate(study.qdpx)]
        for loc, value in named:
            if value is not None and not config.resolve(value).exists():
                yield loc, f"file {config.resolve(value)} not found"


def _unknown_roles(config: ConsortiumConfig) -> Iterator[tuple[tuple[Any, ...], str]]:
    roles = allowed_speaker_roles(config)

    def check(loc: tuple[Any, ...], role: str) -> Iterator[tuple[tuple[Any, ...], str]]:
        if role not in roles:
            yield loc, f"unknown speaker role {role!r}{suggestion(role, roles)}; roles: {roles}"

    for i, study in enumerate(config.studies):
        for label, role in study.speakers.items():
            yield from check(("studies", i, "speakers", label), role)
    for i, comparison in enumerate(config.comparisons):
        for j, role in enumerate(comparison.speaker_roles or ()):
            yield from check(("comparisons", i, "speaker_roles", j), role)
        if comparison.by == "speaker_role":
            for side in ("group_a", "group_b"):
                yield from check(("comparisons", i, side), getattr(comparison, side))


def _unknown_groups(config: ConsortiumConfig) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Comparison groups that no study of a site config belongs to (a hub's come from sites)."""
    if config.hub:
        return
    for i, comparison in enumerate(config.comparisons):
        if comparison.by == "speaker_role":
            continue
        known = sorted({getattr(s, comparison.by) for s in config.studies})
        for side in ("group_a", "group_b"):
            group = getattr(comparison, side)
            if group not in known:
                hint = suggestion(group, known)
                yield (
                    ("comparisons", i, side),
                    (f"no study has {comparison.by} {group!r}{hint}; known: {known}"),
                )
