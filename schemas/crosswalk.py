"""A study's crosswalk: its own code names mapped onto consortium theme ids (many to one, and
one code onto several themes when its value is a list).

```yaml
study_id: peer_support                  # optional; must be the study that names this file
codebook_id: demo-consortium-codebook   # optional; must be the consortium codebook
version: "2"                            # optional label, stored with every row
codes:                                  # study code name (as its coders wrote it): theme id
  Felt heard: being_understood
  Not judged: being_understood
  Shared my story: [self_disclosure, being_understood]   # one code, several themes
```
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from qualbridge.schemas.codebook import Codebook, slug
from qualbridge.schemas.config import ConfigError, ConsortiumConfig

TOP_KEYS = ("study_id", "codebook_id", "version", "codes")


@dataclass(frozen=True)
class CrosswalkEntry:
    """One study code and the consortium theme it maps onto."""

    study_code: str
    theme_id: str
    line: int

    @property
    def code_key(self) -> str:
        """The study code normalised as imported codings carry it."""
        return slug(self.study_code)


@dataclass(frozen=True)
class Crosswalk:
    """A validated crosswalk file."""

    source: str
    study_id: str
    version: str
    sha256: str
    entries: tuple[CrosswalkEntry, ...]

    def mapping(self) -> dict[str, list[str]]:
        """Normalised study code -> the consortium theme ids it maps onto (one or several)."""
        targets: dict[str, list[str]] = {}
        for e in self.entries:
            if e.theme_id not in targets.setdefault(e.code_key, []):
                targets[e.code_key].append(e.theme_id)
        return targets


def _scalar(node: Node, where: str) -> str:
    if not isinstance(node, ScalarNode) or not node.value.strip():
        raise ConfigError(f"{where}: expected a single non-empty value")
    return str(node.value)


def _line(node: Node) -> int:
    return int(node.start_mark.line) + 1


def _targets(value_node: Node, code: str, where: str) -> list[str]:
    """The theme ids one study code maps onto: a single id or a list of distinct ids."""
    nodes = value_node.value if isinstance(value_node, SequenceNode) else [value_node]
    if not nodes or not all(isinstance(n, ScalarNode) and n.value.strip() for n in nodes):
        raise ConfigError(f"{where}: code {code!r} must map onto a theme id or a list of them")
    targets = [n.value.strip() for n in nodes]
    if len(set(targets)) != len(targets):
        raise ConfigError(f"{where}: code {code!r} lists a theme twice")
    return targets


def _check_target(codebook: Codebook, code: str, target: str, where: str) -> None:
    theme = codebook.theme(target)
    if theme is None:
        raise ConfigError(
            f"{where}: code {code!r} maps to {target!r}, which is not a theme of codebook "
            f"{codebook.codebook_id}"
        )
    if not theme.codable:
        raise ConfigError(f"{where}: code {code!r} maps to {target!r}, which is not codable")


def _entries(node: Node, source: str, codebook: Codebook) -> list[CrosswalkEntry]:
    if not isinstance(node, MappingNode) or not node.value:
        raise ConfigError(f"{source}:{_line(node)}: codes must map study codes to theme ids")
    entries: list[CrosswalkEntry] = []
    first: dict[str, tuple[str, list[str], int]] = {}
    for key_node, value_node in node.value:
        where = f"{source}:{_line(key_node)}"
        code = _scalar(key_node, where)
        targets = _targets(value_node, code, where)
        for target in targets:
            _check_target(codebook, code, target, where)
        key = slug(code)
        earlier = first.get(key)
        if earlier is not None and (earlier[0] == code or sorted(earlier[1]) != sorted(targets)):
            raise ConfigError(
                f"{where}: code {code!r} clashes with {earlier[0]!r} on line "
                f"{earlier[2]} (the same code, or one spelt alike mapping elsewhere)"
            )
        first.setdefault(key, (code, targets, _line(key_node)))
        entries += [CrosswalkEntry(code, target, _line(key_node)) for target in targets]
    return entries


def load_crosswalk(path: Path, codebook: Codebook, study_id: str | None) -> Crosswalk:
    """Read and validate one study's crosswalk; ConfigError names the file and line.

    With study_id None (checking a file on its own) the file's study_id is taken as given.
    """
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{path}: crosswalk not found")
    data = path.read_bytes()
    try:
        root = yaml.compose(data.decode("utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid YAML ({type(exc).__name__})") from None
    if not isinstance(root, MappingNode):
        raise ConfigError(f"{path}: expected a mapping with a 'codes' block")
    fields: dict[str, Node] = {}
    for key_node, value_node in root.value:
        key = _scalar(key_node, f"{path}:{_line(key_node)}")
        if key not in TOP_KEYS or key in fields:
            raise ConfigError(
                f"{path}:{_line(key_node)}: unexpected or repeated key {key!r}; "
                f"allowed once each: {', '.join(TOP_KEYS)}"
            )
        fields[key] = value_node
    if "codes" not in fields:
        raise ConfigError(f"{path}: no 'codes' block")
    given = {k: _scalar(fields[k], f"{path}:{_line(fields[k])}") for k in fields if k != "codes"}
    study_id = study_id if study_id is not None else given.get("study_id", "")
    for key, expected in (("study_id", study_id), ("codebook_id", codebook.codebook_id)):
        if key in given:
            value = given[key]
            if value != expected:
                raise ConfigError(
                    f"{path}:{_line(fields[key])}: {key} is {value!r}, expected {expected!r}"
                )
    entries = _entries(fields["codes"], str(path), codebook)
    version = given.get("version", "1")
    return Crosswalk(str(path), study_id, version, hashlib.sha256(data).hexdigest(), tuple(entries))


def load_crosswalks(config: ConsortiumConfig, codebook: Codebook) -> dict[str, Crosswalk]:
    """Every study's crosswalk that the config names, by study id."""
    return {
        s.study_id: load_crosswalk(config.resolve(s.crosswalk), codebook, s.study_id)
        for s in config.studies
        if s.crosswalk is not None
    }
