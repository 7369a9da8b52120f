"""The package's imports run one way (DESIGN.md, "The flow"): no module and no package reaches back
into one that depends on it.

Cycles used to hide behind imports inside functions, `if TYPE_CHECKING:` blocks and
`try: import ... except ImportError` fallbacks; each works at run time until the day the import
order changes, and a fallback also hides a real import error. So this test reads every module
under src/qinglang with `ast` and counts every import it finds anywhere in the file (module
level, functions, classes, TYPE_CHECKING blocks), then checks two graphs:

- modules: qinglang.link.graph -> qinglang.signals.base, ...;
- units: each top-level module (qinglang.scan, qinglang.online, ...) and each subpackage
  collapsed into one node (qinglang.link, qinglang.web, ...). Imports inside one unit (a
  package's __init__ importing its own submodules) are not edges here.

Both must be acyclic; a failure prints every cycle with the file and line of each import in it.
Dynamic imports (importlib.import_module with a computed name, as the CLI does for its
subcommands) are not seen; they are the one sanctioned way to import lazily by name.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
ROOT = "qinglang"
IMPORT_ERRORS = {"ImportError", "ModuleNotFoundError"}
MAX_CYCLES_PER_GROUP = 50


@dataclass(frozen=True)
class Import:
    """One import statement's target inside the package, and where it is written."""

    source: str  # importing module, dotted
    target: str  # imported module, dotted (a submodule when `from pkg import submodule`)
    file: str
    line: int


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def discover() -> dict[str, Path]:
    """Every module of the package: dotted name -> file."""
    return {module_name(p): p for p in sorted((SRC / ROOT).rglob("*.py"))}


def _in_package(name: str) -> bool:
    return name == ROOT or name.startswith(ROOT + ".")


def _base(module: str, is_package: bool, node: ast.ImportFrom) -> str | None:
    """The absolute module an ImportFrom names (relative forms resolved)."""
    if node.level == 0:
        return node.module
    package = module if is_package else module.rpartition(".")[0]
    parts = package.split(".")
    if node.level - 1 >= len(parts):
        return None  # beyond the top of the package: Python refuses it too
    anchor = ".".join(parts[: len(parts) - (node.level - 1)])
    return f"{anchor}.{node.module}" if node.module else anchor


def _targets(
    node: ast.Import | ast.ImportFrom, module: str, is_package: bool, modules: set[str]
) -> list[str]:
    """The package modules one import statement loads (`from pkg import sub` counts as `sub`)."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names if _in_package(a.name)]
    base = _base(module, is_package, node)
    if base is None or not _in_package(base):
        return []
    out = []
    for alias in node.names:
        sub = f"{base}.{alias.name}"
        out.append(sub if sub in modules else base)
    return out


def imports_of(module: str, path: Path, modules: set[str]) -> Iterator[Import]:
    """Every import of a package module written anywhere in `path`."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    is_package = path.name == "__init__.py"
    rel = str(path.relative_to(SRC.parent))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            for target in _targets(node, module, is_package, modules):
                yield Import(module, target, rel, node.lineno)


def unit_of(module: str) -> str:
    """qinglang.link.graph -> qinglang.link; qinglang.scan -> qinglang.scan; qinglang -> qinglang."""
    return ".".join(module.split(".")[:2])


@pytest.fixture(scope="module")
def edges() -> list[Import]:
    modules = discover()
    names = set(modules)
    return [i for name, path in modules.items() for i in imports_of(name, path, names)]


Graph = dict[str, dict[str, list[Import]]]  # source -> target -> the imports that make the edge


def module_graph(edges: Iterable[Import]) -> Graph:
    g: Graph = defaultdict(lambda: defaultdict(list))
    for e in edges:
        if e.source != e.target:  # a module naming itself loads nothing new
            g[e.source][e.target].append(e)
    return g


def unit_graph(edges: Iterable[Import]) -> Graph:
    g: Graph = defaultdict(lambda: defaultdict(list))
    for e in edges:
        a, b = unit_of(e.source), unit_of(e.target)
        if a != b:
            g[a][b].append(e)
    return g


def strongly_connected(g: Graph) -> list[list[str]]:
    """Tarjan's SCCs with more than one node (iterative: no recursion limit on big graphs)."""
    nodes = sorted(set(g) | {t for targets in g.values() for t in targets})
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    out: list[list[str]] = []
    counter = 0
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(sorted(g.get(root, {}))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(g.get(child, {})))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    out.append(sorted(group))
    return sorted(out)


def elementary_cycles(g: Graph, group: list[str], limit: int) -> list[list[str]]:
    """Simple cycles inside one SCC, each listed once from its smallest node (at most `limit`)."""
    members = set(group)
    cycles: list[list[str]] = []
    for start in group:
        path = [start]

        def walk(node: str, start: str = start, path: list[str] = path) -> None:
            for nxt in sorted(g.get(node, {})):
                if len(cycles) >= limit or nxt not in members or nxt < start:
                    continue
                if nxt == start:
                    cycles.append([*path, start])
                elif nxt not in path:
                    path.append(nxt)
                    walk(nxt)
                    path.pop()

        walk(start)
    return cycles


def describe_cycles(g: Graph, what: str) -> str:
    groups = strongly_connected(g)
    if not groups:
        return ""
    lines = [f"{len(groups)} import cycle group(s) among {what}:"]
    for group in groups:
        lines.append(f"\n  group of {len(group)}: {', '.join(group)}")
        cycles = elementary_cycles(g, group, MAX_CYCLES_PER_GROUP)
        more = " (first ones only)" if len(cycles) >= MAX_CYCLES_PER_GROUP else ""
        lines.append(f"  cycles{more}:")
        lines += [f"    {' -> '.join(c)}" for c in cycles]
        lines.append("  imports inside the group (cut one per cycle):")
        for a in group:
            for b in sorted(set(g.get(a, {})) & set(group)):
                where = ", ".join(dict.fromkeys(f"{i.file}:{i.line}" for i in g[a][b]))
                lines.append(f"    {a} -> {b}   [{where}]")
    return "\n".join(lines)


# ---- the rules ---------------------------------------------------------------------------------


def test_package_found(edges: list[Import]) -> None:
    modules = discover()
    assert "qinglang.web.app" in modules and "qinglang.link.graph" in modules
    assert any(e.source == "qinglang.web.app" for e in edges)


def test_modules_acyclic(edges: list[Import]) -> None:
    report = describe_cycles(module_graph(edges), "modules")
    assert not report, "\n" + report


def test_units_acyclic(edges: list[Import]) -> None:
    report = describe_cycles(unit_graph(edges), "top-level modules and subpackages")
    assert not report, "\n" + report


def test_evidence_never_imports_web(edges: list[Import]) -> None:
    """The evidence pack is below the workbench: the workbench exports packs, never the reverse
    (directly or through another unit)."""
    g = unit_graph(edges)
    seen: dict[str, list[str]] = {"qinglang.evidence": ["qinglang.evidence"]}
    todo = ["qinglang.evidence"]
    while todo:
        node = todo.pop()
        for nxt in sorted(g.get(node, {})):
            if nxt not in seen:
                seen[nxt] = [*seen[node], nxt]
                todo.append(nxt)
    path = seen.get("qinglang.web")
    assert path is None, "qinglang.evidence reaches qinglang.web: " + " -> ".join(path or [])


def _catches_import_error(handler: ast.ExceptHandler) -> bool:
    if handler.type is None:
        return True  # a bare except catches ImportError too
    types = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    names = {
        t.id if isinstance(t, ast.Name) else t.attr if isinstance(t, ast.Attribute) else "" for t in types
    }
    return bool(names & (IMPORT_ERRORS | {"Exception", "BaseException"}))


def test_no_import_fallbacks_for_own_modules() -> None:
    """`try: from qinglang.x import y / except ImportError:` hides a broken module as "not
    installed": the package's own modules are always installed, so import them plainly."""
    modules = discover()
    names = set(modules)
    found = []
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Try | ast.TryStar):
                continue
            if not any(_catches_import_error(h) for h in node.handlers):
                continue
            for stmt in node.body:
                for inner in ast.walk(stmt):
                    if isinstance(inner, ast.Import | ast.ImportFrom) and _targets(
                        inner, name, path.name == "__init__.py", names
                    ):
                        found.append(f"{path.relative_to(SRC.parent)}:{inner.lineno}")
    assert not found, "import fallbacks around the package's own modules:\n  " + "\n  ".join(found)


# ---- the checker checks itself -----------------------------------------------------------------


def _graph(pairs: list[tuple[str, str]]) -> Graph:
    return module_graph(Import(a, b, "f.py", 1) for a, b in pairs)


def test_checker_finds_cycles_and_resolves_relative_imports() -> None:
    g = _graph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("d", "e"), ("e", "d"), ("x", "y")])
    assert strongly_connected(g) == [["a", "b", "c"], ["d", "e"]]
    assert elementary_cycles(g, ["a", "b", "c"], 10) == [["a", "b", "c", "a"]]
    assert "a -> b -> c -> a" in describe_cycles(g, "test")
    assert strongly_connected(_graph([("a", "b"), ("b", "c")])) == []

    names = {
        "qinglang.web",
        "qinglang.web.repo",
        "qinglang.web.api",
        "qinglang.text",
        "qinglang.text.lexicon",
    }
    tree = ast.parse(
        "from . import repo\nfrom .repo import x\nfrom ..text import lexicon\n"
        "from qinglang.text.lexicon import terms\nimport qinglang.text\nimport os\n"
        "def f():\n    from qinglang.web import api\n"
    )
    found = [
        t
        for n in ast.walk(tree)
        if isinstance(n, ast.Import | ast.ImportFrom)
        for t in _targets(n, "qinglang.web.pages", False, names)
    ]
    assert sorted(found) == sorted(
        [
            "qinglang.web.repo",
            "qinglang.web.repo",
            "qinglang.text.lexicon",
            "qinglang.text.lexicon",
            "qinglang.text",
            "qinglang.web.api",
        ]
    )
    # in a package's __init__, `from . import x` is relative to the package itself
    init = ast.parse("from . import repo\n").body[0]
    assert isinstance(init, ast.ImportFrom)
    assert _targets(init, "qinglang.web", True, names) == ["qinglang.web.repo"]
    assert unit_of("qinglang.web.repo") == "qinglang.web" and unit_of("qinglang.scan") == "qinglang.scan"
