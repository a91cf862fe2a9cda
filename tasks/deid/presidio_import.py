"""Presidio imported without compiling its predefined patterns twice.

Presidio compiles every pattern of its predefined recognizers when their classes are defined,
only to check that it is valid, and drops the result; each recognizer compiles its patterns
again when it first runs. The URL recognizer's four top-level-domain alternations alone cost
about 0.3 s of every start-up, and qualbridge never runs that recognizer. While Presidio is
imported, those checks get a pattern that compiles on first use instead, so the shipped
patterns are compiled only where they are used, and used exactly as before.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from typing import Any

import regex

# The name of Presidio's check (Pattern.__validate_regex) as its code object reports it.
_CHECK = "__validate_regex"


class DeferredPattern:
    """A regex pattern compiled the first time any of its attributes is read."""

    def __init__(self, pattern: Any, flags: int, args: tuple[Any, ...], kwargs: Any) -> None:
        self._arguments = (pattern, flags, args, kwargs)

    @cached_property
    def compiled(self) -> Any:
        """The pattern compiled now, with the arguments it was given."""
        pattern, flags, args, kwargs = self._arguments
        return _COMPILE(pattern, flags, *args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled, name)


_COMPILE = regex.compile


def _compile_unless_checked(pattern: Any, flags: int = 0, *args: Any, **kwargs: Any) -> Any:
    """regex.compile, deferred when the caller is Presidio's validity check."""
    if sys._getframe(1).f_code.co_name == _CHECK:
        return DeferredPattern(pattern, flags, args, kwargs)
    return _COMPILE(pattern, flags, *args, **kwargs)


@contextmanager
def checks_deferred() -> Iterator[None]:
    """Within this block Presidio's pattern checks compile nothing (see the module's note)."""
    regex.compile = _compile_unless_checked
    try:
        yield
    finally:
        regex.compile = _COMPILE


def import_presidio() -> None:
    """Import Presidio's analyzer (once per process) with its pattern checks deferred."""
    if "presidio_analyzer" in sys.modules:
        return
    with checks_deferred():
        import presidio_analyzer  # noqa: F401


import_presidio()
