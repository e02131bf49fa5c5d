"""Read YAML while remembering the line every value stands on, for error messages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml

FieldPath = tuple[str | int, ...]
_Item = TypeVar("_Item")
# The valid items of a list, each with its own index in the file: after an invalid item, a
# later check names the item it finds wrong, not the one at its place among the valid items.
Indexed = list[tuple[int, _Item]]


class _Loader(yaml.CSafeLoader):
    """SafeLoader (libyaml's parser, ten times Python's) that leaves dates as text, for the models.

    PyYAML turns ``2024-13-45`` into a ValueError that names no line; as text it reaches
    validation, which names the field and its line.
    """


_Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a content file, printed as ``file:line: field: problem``."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


class ContentError(Exception):
    """Content failed validation; ``problems`` lists every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


@dataclass(frozen=True)
class YamlDocument:
    """A parsed YAML file with a map from each field path to its 1-based line."""

    path: Path
    display_path: str
    data: Any
    lines: dict[FieldPath, int]

    def line_of(self, field: FieldPath) -> int:
        """Return the line of ``field``, or of its nearest ancestor that has one."""
        for end in range(len(field), -1, -1):
            line = self.lines.get(field[:end])
            if line is not None:
                return line
        return 1

    def problem(self, field: FieldPath, message: str) -> Problem:
        """Build a problem located at ``field``."""
        return Problem(self.display_path, self.line_of(field), format_field(field), message)


def format_field(field: FieldPath) -> str:
    """Render a field path as ``sections.economy.highlights[2].en``."""
    text = ""
    for part in field:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "(file)"


def read_yaml(path: Path, display_path: str) -> YamlDocument:
    """Parse ``path``; raise ContentError with the line of a syntax error."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ContentError([Problem(display_path, 1, "(file)", f"cannot read: {error}")]) from None
    loader = _Loader(text)  # safe: _Loader is a SafeLoader
    try:
        # One parse: the node tree gives the lines, the same tree gives the data.
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        message = f"invalid YAML: {error.problem or error.context}"
        raise ContentError([Problem(display_path, line, "(file)", message)]) from None
    except yaml.YAMLError as error:
        raise ContentError([Problem(display_path, 1, "(file)", f"invalid YAML: {error}")]) from None
    finally:
        loader.dispose()
    lines: dict[FieldPath, int] = {}
    duplicates: list[tuple[FieldPath, int]] = []
    if root is not None:
        _record_lines(root, (), lines, duplicates)
    if duplicates:
        # YAML keeps the last of two equal keys silently: a second quote would hide the first.
        raise ContentError([Problem(display_path, line, format_field(field), "duplicate key")
                            for field, line in duplicates])
    return YamlDocument(path, display_path, data, lines)


def _record_lines(node: yaml.Node, field: FieldPath, lines: dict[FieldPath, int],
                  duplicates: list[tuple[FieldPath, int]]) -> None:
    lines.setdefault(field, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            child = (*field, str(key_node.value))
            if child[-1] in seen:
                duplicates.append((child, key_node.start_mark.line + 1))
            seen.add(str(key_node.value))
            lines[child] = key_node.start_mark.line + 1
            _record_lines(value_node, child, lines, duplicates)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, (*field, index), lines, duplicates)
