"""The wheel carries the schema and the templates, and an installed copy finds them."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import PROJECT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
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
            str(PROJECT),
        ],
        check=True,
        capture_output=True,
    )
    return next(out.glob("quizgen-*.whl"))


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
