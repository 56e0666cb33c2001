"""No two modules of the package import each other, directly or around a loop.

The graph is read from the source, not from an import: every `import` counts, at module level,
inside a function (a deferred import only hides a cycle until the function runs) and under
TYPE_CHECKING (a cycle for the type checker is a cycle in the design). Modules are found in
the tree, so that moving or adding one needs no change here. Importing `a.b.c` also runs the
packages `a` and `a.b` first; that is not counted, since a package that imports its own
modules would otherwise always be in a loop with them.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO

PACKAGE = "quizgen"


def _modules(root: Path) -> dict[str, Path]:
    """Every module of the package by its dotted name (a package by its own name)."""
    found = {}
    for path in sorted((root / PACKAGE).rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def _imported(module: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The package's modules that `module` imports anywhere in its source."""
    is_package = path.name == "__init__.py"
    targets: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                # Relative to the module's package (a package's __init__ is its own package).
                package = module.split(".")
                package = package if is_package else package[:-1]
                stem = ".".join(package[: len(package) - (node.level - 1)])
                base = f"{stem}.{base}" if base else stem
            for alias in node.names:
                # `from package import module` imports the module; any other name comes
                # from `base` itself.
                name = f"{base}.{alias.name}"
                targets.add(name if name in modules else base)
    return {t for t in targets if t in modules and t != module}


def import_graph(root: Path = REPO) -> dict[str, set[str]]:
    modules = _modules(root)
    return {name: _imported(name, path, modules) for name, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One loop through each group of modules that import each other (Tarjan's strongly
    connected components, then a path around each)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return [_loop(graph, group) for group in groups]


def _loop(graph: dict[str, set[str]], group: list[str]) -> list[str]:
    """A path from the group's first module back to itself, within the group."""
    start, members = group[0], set(group)
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for target in sorted(graph[node] & members):
            if target == start:
                return [*paths[node], start]
            if target not in paths:
                paths[target] = [*paths[node], target]
                queue.append(target)
    raise AssertionError(f"no loop in {group}")  # pragma: no cover - a group always has one


def test_the_package_has_no_import_cycle() -> None:
    graph = import_graph()
    found = cycles(graph)
    assert not found, "import cycles:\n" + "\n".join(" -> ".join(c) for c in found)


def test_the_graph_sees_every_kind_of_import(tmp_path: Path) -> None:
    package = tmp_path / PACKAGE
    (package / "sub").mkdir(parents=True)
    sources = {
        "__init__.py": "",
        "a.py": "from quizgen.sub import b\n",
        "sub/__init__.py": "from . import b\n",
        "sub/b.py": "def later():\n    from ..c import thing\n",
        "c.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import quizgen.a\n",
        "d.py": "import os\nimport quizgen.sub.b\nfrom quizgen.sub import name_in_init\n",
    }
    for name, source in sources.items():
        (package / name).write_text(source, encoding="utf-8")
    graph = import_graph(tmp_path)
    assert graph == {
        "quizgen": set(),
        "quizgen.a": {"quizgen.sub.b"},
        "quizgen.c": {"quizgen.a"},
        "quizgen.d": {"quizgen.sub", "quizgen.sub.b"},
        "quizgen.sub": {"quizgen.sub.b"},
        "quizgen.sub.b": {"quizgen.c"},
    }
    assert cycles(graph) == [["quizgen.a", "quizgen.sub.b", "quizgen.c", "quizgen.a"]]


# Modules Python has only on POSIX systems: a study command that imported one at the top could
# not start on Windows (the drill's key reader once imported termios).
POSIX_ONLY = ("termios", "tty", "fcntl", "pty", "resource", "pwd", "grp")


def test_every_module_imports_where_posix_only_modules_are_missing() -> None:
    import subprocess
    import sys

    names = sorted(n for n in _modules(REPO) if not n.endswith("__main__"))
    script = (
        "import importlib, sys\n"
        f"for m in {POSIX_ONLY!r}: sys.modules[m] = None  # importing it raises ImportError\n"
        f"for n in {names!r}: importlib.import_module(n)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, cwd=REPO
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert len(names) > 50
