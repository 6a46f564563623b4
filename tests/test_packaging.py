"""The wheel carries the schema and the templates, and an installed copy finds them."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import PROJECT


def build_wheel(project: Path, out: Path) -> Path:
    """The wheel pip builds from ``project``, as a user's ``pip install`` would."""
    command = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(out)]
    subprocess.run([*command, str(project)], check=True, capture_output=True)
    return next(out.glob("quizgen-*.whl"))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_wheel(PROJECT, tmp_path_factory.mktemp("wheel"))


def test_wheel_contains_schema_and_templates(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()

    assert "quizgen/schemas/quiz.schema.json" in names
    assert "quizgen/generate/data/lexicon.json" in names
    for data in ("glove-50d-int8.npy", "glove-vocab.txt.gz", "wordnet-nouns.tsv.gz", "WORDNET-LICENSE", "GLOVE-NOTICE"):
        assert f"quizgen/generate/data/{data}" in names
    templates = sorted(p.relative_to(PROJECT / "templates") for p in (PROJECT / "templates").rglob("*") if p.is_file())
    assert templates, "templates/ is empty"
    for template in templates:
        assert f"quizgen/templates/{template.as_posix()}" in names
    assert not any(name.startswith(("seeds/", "tests/")) for name in names)


def test_installed_wheel_finds_its_files_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    probe = (
        "import quizgen, quizgen.export.templating, quizgen.quizfile;"
        "print(quizgen.__file__);"
        "print(quizgen.export.templating.bundled_templates());"
        "print(quizgen.quizfile.schema()['title'])"
    )
    completed = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )

    package_file, templates_dir, title = completed.stdout.splitlines()
    assert package_file.startswith(str(target))
    assert templates_dir == str(target / "quizgen" / "templates")
    assert title == "quizgen quiz"


def test_a_clone_with_the_standard_python_gitignore_still_builds_every_module(tmp_path: Path) -> None:
    """Hatchling leaves out what .gitignore names; GitHub's Python template must cost the wheel nothing."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=PROJECT, capture_output=True)
    if listed.returncode != 0:
        pytest.skip("not a git checkout: no tracked files to copy")
    tracked = [name for name in listed.stdout.decode().split("\0") if name]
    clone = tmp_path / "clone"
    for name in tracked:
        source, target = PROJECT / name, clone / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():
            target.symlink_to(source.readlink())
        elif source.is_file():
            target.write_bytes(source.read_bytes())
    standard = (PROJECT / "tests" / "data" / "github-python.gitignore").read_text(encoding="utf-8")
    with (clone / ".gitignore").open("a", encoding="utf-8") as gitignore:
        gitignore.write("\n" + standard)
    out = tmp_path / "wheel"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(clone),
        ],
        check=True,
        capture_output=True,
    )
    names = set(zipfile.ZipFile(next(out.glob("quizgen-*.whl"))).namelist())

    modules = [name for name in tracked if name.startswith("quizgen/") and name.endswith(".py")]
    assert len(modules) > 30
    assert sorted(set(modules) - names) == []
    assert "quizgen/generate/data/lexicon.json" in names
