"""Which codings count for coverage and comparisons: the configured coders and origins."""

from __future__ import annotations

from qualbridge.schemas.config import StatsConfig

# A subquery over codings; its named parameters come from selection_params().
SELECTED_CODINGS = """(
    SELECT * FROM codings
    WHERE ($all_coders OR list_contains($coders, coder))
      AND ($all_origins OR list_contains($origins, origin))
)"""


def selection_params(stats: StatsConfig) -> dict[str, object]:
    """Named parameters of SELECTED_CODINGS (None in the config means every coder or origin)."""
    return {
        "all_coders": stats.coders is None,
        "coders": stats.coders or [""],
        "all_origins": stats.origins is None,
        "origins": stats.origins or [""],
    }


def selection_note(stats: StatsConfig) -> str:
    """Plain words for which codings count."""
    coders = "every coder" if stats.coders is None else "coders " + ", ".join(stats.coders)
    origins = "every origin" if stats.origins is None else "origins " + ", ".join(stats.origins)
    return (
        f"codings by {coders} from {origins}; a unit coded by several of them counts once and "
        "their spans are merged"
    )
