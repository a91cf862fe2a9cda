"""Loading a spaCy model without work spaCy does twice or throws away; the model is the same.

- spaCy builds a model's tokenizer from the language's defaults, 2,700 special cases included,
  then replaces them with the special cases saved with the model. A model whose tokenizer is
  spaCy's standard one is built without the defaults' special cases, and the saved ones fill
  it in the same way (tests compare the two tokenizers byte for byte).
- catalogue (spaCy's registries) looks up its entry points by group in a scan of them all,
  some 200 times per model load; an index by group gives the same entry points in the same
  order.
"""

from __future__ import annotations

from importlib.metadata import EntryPoint, EntryPoints, SelectableGroups
from pathlib import Path
from typing import TYPE_CHECKING, Any

import catalogue
import spacy
from spacy.tokenizer import Tokenizer
from spacy.util import registry

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from spacy.language import Language

STANDARD_TOKENIZER = "spacy.Tokenizer.v1"
LEAN_TOKENIZER = "qualbridge.TokenizerWithoutSpecialCases.v1"


def lean_tokenizer() -> Callable[[Language], Tokenizer]:
    """spaCy's standard tokenizer without the language's special cases: the saved tokenizer
    always brings its own, and replaces them on loading."""

    def build(nlp: Language) -> Tokenizer:
        defaults = nlp.Defaults
        prefixes, suffixes, infixes = defaults.prefixes, defaults.suffixes, defaults.infixes
        return Tokenizer(
            nlp.vocab,
            prefix_search=spacy.util.compile_prefix_regex(prefixes).search if prefixes else None,
            suffix_search=spacy.util.compile_suffix_regex(suffixes).search if suffixes else None,
            infix_finditer=spacy.util.compile_infix_regex(infixes).finditer if infixes else None,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )

    return build


registry.tokenizers.register(LEAN_TOKENIZER, func=lean_tokenizer)


def model_config_path(name: str) -> Path | None:
    """The config.cfg of an installed model package, where spaCy's package loader finds it."""
    try:
        package = spacy.util.get_package_path(name)
        meta = spacy.util.get_model_meta(package)
    except (ImportError, OSError, ValueError, KeyError):
        return None
    path = package / f"{meta['lang']}_{meta['name']}-{meta['version']}" / "config.cfg"
    return path if path.is_file() else None


def tokenizer_override(name: str) -> dict[str, Any]:
    """Config overrides that build the model's tokenizer without the special cases its saved
    ones replace, if it is spaCy's standard tokenizer and is saved with the model; else none."""
    path = model_config_path(name)
    if path is None or not (path.parent / "tokenizer").is_file():
        return {}
    config = spacy.util.load_config(path, interpolate=False)
    if config.get("nlp", {}).get("tokenizer", {}).get("@tokenizers") != STANDARD_TOKENIZER:
        return {}
    return {"nlp": {"tokenizer": {"@tokenizers": LEAN_TOKENIZER}}}


class GroupedEntryPoints(EntryPoints):
    """Entry points that answer select(group=...) from an index by group instead of a scan."""

    def __init__(self, points: Iterable[EntryPoint]) -> None:
        super().__init__(points)
        self._by_group: dict[str, list[EntryPoint]] = {}
        for point in self:
            self._by_group.setdefault(point.group, []).append(point)

    def select(self, **params: Any) -> EntryPoints:
        """The entry points matching params; by the index when only the group is given."""
        if params.keys() == {"group"}:
            return EntryPoints(self._by_group.get(params["group"], ()))
        return super().select(**params)


class IndexedGroups(SelectableGroups):
    """Python 3.11's entry points by group, answering select(group=...) from that dict."""

    def select(self, **params: Any) -> Any:
        """The entry points matching params; by the dict when only the group is given."""
        if params.keys() == {"group"}:
            return EntryPoints(dict.get(self, params["group"], ()))
        return super().select(**params)


def index_entry_points() -> None:
    """Give catalogue its entry points indexed by group (once per process)."""
    current = catalogue.AVAILABLE_ENTRY_POINTS
    if isinstance(current, (GroupedEntryPoints, IndexedGroups)):
        return
    if isinstance(current, SelectableGroups):
        catalogue.AVAILABLE_ENTRY_POINTS = IndexedGroups(current)
    elif isinstance(current, EntryPoints):
        catalogue.AVAILABLE_ENTRY_POINTS = GroupedEntryPoints(current)
