"""A config file read with its line numbers, so every problem can name the line it is on."""

from __future__ import annotations

import difflib
import types
from pathlib import Path
from typing import Any, Union, get_args, get_origin

import yaml
from pydantic import BaseModel


def read_yaml_nodes(path: Path, text: str) -> tuple[Any, yaml.Node | None]:
    """Parse YAML into (data, node tree); a syntax error names its line and column."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "somewhere"
        raise ValueError(f"{path}: not valid YAML at {where}: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not valid YAML ({type(exc).__name__})") from None
    return data, node


def node_at(node: yaml.Node | None, loc: tuple[Any, ...], key: bool = False) -> yaml.Node | None:
    """The deepest node along a pydantic error location (the key's node itself with key=True)."""
    for i, part in enumerate(loc):
        if isinstance(node, yaml.MappingNode):
            match = next(
                ((k, v) for k, v in node.value if getattr(k, "value", None) == str(part)), None
            )
            if match is None:
                return node
            node = match[0] if key and i == len(loc) - 1 else match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                return node
            node = node.value[part]
        else:
            return node
    return node


def line_of(node: yaml.Node | None) -> str:
    """'line N' of a node, or nothing when it is unknown."""
    return f"line {node.start_mark.line + 1}" if node is not None else "line ?"


def model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The pydantic model that holds the last part of a location (for its field names)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or not _is_model(current):
            continue
        field = current.model_fields.get(part)
        if field is None:
            return None
        current = _inner_model(field.annotation)
    return current if _is_model(current) else None


def suggestion(word: str, choices: list[str]) -> str:
    """' (did you mean X?)' for the closest known name, or nothing."""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _is_model(value: Any) -> bool:
    return isinstance(value, type) and issubclass(value, BaseModel)


def _inner_model(annotation: Any) -> Any:
    """The model inside list[M], M | None, dict[str, M]; else the annotation itself."""
    if _is_model(annotation):
        return annotation
    if get_origin(annotation) in (list, tuple, dict, Union, types.UnionType):
        for arg in get_args(annotation):
            found = _inner_model(arg)
            if _is_model(found):
                return found
    return annotation
