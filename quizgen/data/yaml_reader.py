"""Read one YAML data file into plain Python values plus the position of every node.

PyYAML's composer gives each node its line and column; building the Python values from
the nodes ourselves keeps those positions, so every later check can point at file:line:col.
It also lets us refuse what data files never need and attackers love: aliases (the
"billion laughs" expansion), duplicate keys (PyYAML silently keeps the last) and
unbounded nesting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from quizgen.data.problems import DataError, Location, Problem

MAX_FILE_BYTES = 2_000_000
MAX_DEPTH = 40

YamlPath = tuple[str | int, ...]


@dataclass(frozen=True)
class YamlFile:
    """A parsed file: `data` as plain values; positions of each value and each mapping key."""

    name: str
    data: Any
    values: dict[YamlPath, Location] = field(default_factory=dict)
    keys: dict[YamlPath, Location] = field(default_factory=dict)

    def locate(self, path: YamlPath, *, key: bool = False) -> Location:
        """The position of `path`, or of its nearest enclosing node that exists."""
        if key and path in self.keys:
            return self.keys[path]
        while path not in self.values and path:
            path = path[:-1]
        return self.values.get(path, Location(self.name))


class _AliasFound(yaml.MarkedYAMLError):
    pass


class _NoAliasLoader(yaml.SafeLoader):
    """Fails at the first alias instead of resolving it."""

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise _AliasFound(
                problem="aliases (*name) are not allowed in data files; write the value out",
                problem_mark=event.start_mark,
            )
        return super().compose_node(parent, index)


def _compose_fast(text: str) -> Node | None:
    """The file's nodes from libyaml, about fifteen times faster than PyYAML's own parser;
    None when libyaml is missing or the file is anything but plain, well-formed YAML.

    libyaml resolves aliases itself and composes recursively in C, so it only gets files with
    no alias and bounded nesting. Most files show it in their text (`_plainly_shallow`);
    for the others a first pass over libyaml's events (not recursive) lets through only
    files with no alias and nesting within MAX_DEPTH. Anything else, errors included, goes
    to the pure-Python path, which gives the messages and positions users see.
    """
    loader = getattr(yaml, "CSafeLoader", None)
    if loader is None:
        return None
    try:
        if not _plainly_shallow(text) and not _plain_events(text, loader):
            return None
        node: Node | None = yaml.compose(text, Loader=loader)
    except yaml.YAMLError:
        return None
    return node


# How deep libyaml may compose in C: a few hundred bytes of stack a level, so well within a
# main thread's stack; and high enough that the text alone clears every shipped data file.
C_SAFE_DEPTH = 2000


def _plainly_shallow(text: str) -> bool:
    """The text alone shows that the file has no alias and nests at most C_SAFE_DEPTH deep:
    an alias starts with "*", and every collection has a character of its own among "[{-:?"
    (its bracket, or the indicator of its first entry), so they bound its depth. Reading
    the text costs a fiftieth of a pass over the events."""
    return "*" not in text and sum(map(text.count, "[{-:?")) <= C_SAFE_DEPTH


def _plain_events(text: str, loader: Any) -> bool:
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, AliasEvent):
            return False
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return False
        elif isinstance(event, CollectionEndEvent):
            depth -= 1
    return True


_LEADING_TAB = re.compile(r"^( *)\t")


def read_yaml_file(path: Path, display_name: str) -> YamlFile:
    """Parse `path`; raise DataError listing what is wrong with it."""
    where = Location(display_name)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise DataError(
            [
                Problem(
                    where, f"file is {size:,} bytes; data files are limited to {MAX_FILE_BYTES:,}"
                )
            ]
        )
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        before = raw[: err.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise DataError(
            [
                Problem(
                    Location(display_name, line, column),
                    f"not valid UTF-8 (byte 0x{raw[err.start]:02x}); save the file as UTF-8",
                )
            ]
        ) from None
    text = text.removeprefix("\ufeff")
    tabs = [
        Problem(
            Location(display_name, number, len(m.group(1)) + 1),
            "tab character in indentation; YAML indents with spaces",
        )
        for number, line_text in enumerate(text.splitlines(), start=1)
        if (m := _LEADING_TAB.match(line_text))
    ]
    if tabs:
        raise DataError(tabs)
    try:
        root = _compose_fast(text) or yaml.compose(text, Loader=_NoAliasLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        at = Location(display_name, mark.line + 1, mark.column + 1) if mark else where
        message = " ".join(part for part in (err.context, err.problem) if part)
        raise DataError([Problem(at, f"YAML syntax error: {message}")]) from None
    except yaml.YAMLError as err:
        raise DataError([Problem(where, f"YAML syntax error: {err}")]) from None
    except RecursionError:
        raise DataError([Problem(where, "YAML nesting is too deep")]) from None
    if root is None:
        raise DataError([Problem(where, "file is empty; it needs at least one section")])
    builder = _Builder(display_name)
    data = builder.build(root, (), 0)
    if builder.problems:
        raise DataError(builder.problems)
    return YamlFile(display_name, data, builder.values, builder.keys)


_TEXT = "tag:yaml.org,2002:str"  # the tag of a plain text value
# What a double-quoted YAML escape ("\v", "\x01") can put in text and XML 1.0 (so Word,
# Moodle and QTI files) cannot hold; a line break and a tab are fine.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class _Builder:
    def __init__(self, name: str) -> None:
        self.name = name
        self.values: dict[YamlPath, Location] = {}
        self.keys: dict[YamlPath, Location] = {}
        self.problems: list[Problem] = []
        self._scalars = SafeConstructor()

    def _at(self, node: Node) -> Location:
        return Location(self.name, node.start_mark.line + 1, node.start_mark.column + 1)

    def build(self, node: Node, path: YamlPath, depth: int) -> Any:
        self.values[path] = self._at(node)
        if depth > MAX_DEPTH:
            self.problems.append(Problem(self._at(node), "YAML nesting is too deep"))
            return None
        if isinstance(node, ScalarNode):
            if node.tag == _TEXT:
                if bad := _UNPRINTABLE.search(node.value):
                    self.problems.append(
                        Problem(
                            self._at(node),
                            f"text holds the control character U+{ord(bad.group()):04X}, which "
                            "no page or quiz file can carry; remove it",
                        )
                    )
                return node.value  # what constructing it would give, at a fraction of the cost
            try:
                return self._scalars.construct_object(node)
            except yaml.YAMLError as err:
                # The position is the node's; the error's own text would repeat it.
                detail = err.problem if isinstance(err, yaml.MarkedYAMLError) else str(err)
                self.problems.append(Problem(self._at(node), f"bad value: {detail}"))
                return None
        if isinstance(node, SequenceNode):
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, ScalarNode):
                    self.problems.append(Problem(self._at(key_node), "keys must be plain words"))
                    continue
                key = key_node.value
                if key in result:
                    first = self.keys[(*path, key)]
                    self.problems.append(
                        Problem(
                            self._at(key_node),
                            f"duplicate key '{key}' (first given at line {first.line})",
                        )
                    )
                    continue
                self.keys[(*path, key)] = self._at(key_node)
                result[key] = self.build(value_node, (*path, key), depth + 1)
            return result
        self.problems.append(Problem(self._at(node), "unsupported YAML node"))
        return None
