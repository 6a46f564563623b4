"""The code's shape: the public API, an import graph with no cycle, and a stage that imports only downward."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import quizgen
from tests.conftest import PROJECT

PACKAGE = PROJECT / "quizgen"


def module_name(path: Path) -> str:
    parts = path.relative_to(PROJECT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """The quizgen modules ``path`` imports at run time (``TYPE_CHECKING`` blocks left out)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            node.body = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("quizgen"):
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                found.add(candidate if candidate in MODULES else node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("quizgen"))
    return found


MODULES = {module_name(path): path for path in PACKAGE.rglob("*.py")}
GRAPH = {name: imports(path) & MODULES.keys() for name, path in MODULES.items()}


def test_the_import_graph_has_no_cycle() -> None:
    state: dict[str, str] = {}

    def visit(name: str, trail: list[str]) -> None:
        if state.get(name) == "done":
            return
        assert state.get(name) != "open", " -> ".join([*trail, name])
        state[name] = "open"
        for target in sorted(GRAPH[name]):
            visit(target, [*trail, name])
        state[name] = "done"

    for name in sorted(GRAPH):
        visit(name, [])


@pytest.mark.parametrize("name", sorted(name for name in MODULES if name.startswith("quizgen.generate.")))
def test_the_generate_stage_imports_only_downward(name: str) -> None:
    ancestors = {".".join(name.split(".")[:depth]) for depth in range(2, name.count(".") + 1)}
    assert not GRAPH[name] & ancestors, f"{name} imports its own package {GRAPH[name] & ancestors}"


def test_word_helpers_import_nothing_of_the_stage() -> None:
    assert not {target for target in GRAPH["quizgen.generate.words"] if target.startswith("quizgen.generate")}


def test_the_stages_never_import_the_command_line() -> None:
    for name, targets in GRAPH.items():
        if name.startswith(("quizgen.read", "quizgen.generate", "quizgen.export")):
            assert "quizgen.cli" not in targets, name


def test_the_public_api_names_what_a_python_user_needs() -> None:
    for name in quizgen.__all__:
        assert getattr(quizgen, name) is not None, name
    with pytest.raises(AttributeError):
        _ = quizgen.no_such_name


def test_importing_quizgen_loads_no_language_model() -> None:
    probe = "import sys, quizgen; quizgen.Quiz; print('spacy' in sys.modules, 'jsonschema' in sys.modules)"
    completed = subprocess.run([sys.executable, "-c", probe], cwd=PROJECT, capture_output=True, text=True, check=True)

    assert completed.stdout.split() == ["False", "False"]


def test_one_table_of_item_types_serves_the_command_line_the_model_and_the_quiz_file() -> None:
    from quizgen.model import ITEM_CLASSES, ITEM_TYPES
    from quizgen.quizfile import schema

    assert set(ITEM_CLASSES) == {"mcq", "cloze", "tf", "matching", "ordering", "ma"}
    assert set(ITEM_TYPES) == {cls.type for cls in ITEM_CLASSES.values()}
    assert set(schema()["properties"]["items"]["items"]["properties"]["type"]["enum"]) == set(ITEM_TYPES)
