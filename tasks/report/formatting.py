"""How numbers read in the report."""

from __future__ import annotations


def p_value(value: float | None, bound: bool | None = False) -> str:
    """A p-value to three decimals, "< 0.001" below that, "< 1/B" when only a bound is known."""
    if value is None:
        return ""
    if bound:
        return f"< {value:.3g}"
    if value < 0.001:
        return "< 0.001"
    return f"{value:.3f}"
