"""Which codings count for coverage and comparisons: the configured coders and origins."""

from __future__ import annotations

from qualbridge.schemas.config import StatsConfig

# A subquery over codings; its named parameters come from selection_params().
SELECTED_CODINGS = """(
    SELECT * FROM codings
    WHERE ($all_coders OR list_contains($coders, coder))
      AND ($all_origins OR list_contains($origins, origin))
)"""


# Every theme with itself and each of its ancestors (codebook parents; cycles are refused).
THEME_ANCESTORS = """(
    WITH RECURSIVE up(theme_id, ancestor) AS (
        SELECT theme_id, theme_id FROM themes
        UNION
        SELECT up.theme_id, t.parent FROM up JOIN themes t ON t.theme_id = up.ancestor
        WHERE t.parent IS NOT NULL
    )
    SELECT * FROM up
)"""

# The selected codings rolled up the hierarchy: a coding of a theme also counts for each of
# its ancestors, so a parent's coverage counts units coded with it or any descendant (a unit
# counts once, overlapping spans merge). Codings of themes outside the codebook drop out.
ROLLED_UP_CODINGS = (
    "(SELECT s.* REPLACE (a.ancestor AS theme_id) FROM "
    + SELECTED_CODINGS
    + " s JOIN "
    + THEME_ANCESTORS
    + " a ON a.theme_id = s.theme_id)"
)

# Whether a theme's figures are its own codings only (leaf) or include descendants (rollup).
THEME_KIND_SQL = """
SELECT theme_id, CASE WHEN EXISTS (SELECT 1 FROM themes c WHERE c.parent = t.theme_id)
                      THEN 'rollup' ELSE 'leaf' END AS theme_kind
FROM themes t
"""


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
