"""Building in several processes changes nothing a user gets: every format, byte for byte."""

from __future__ import annotations

import shutil
from pathlib import Path

from quizgen.export import available_formats
from tests.conftest import SEEDS, CliRun, corpus_files


def _inputs(folder: Path) -> Path:
    """The seeds and, where the shared corpus is present, three of its documents (one per subject)."""
    folder.mkdir()
    sources = [*sorted(SEEDS.glob("*.txt")), *sorted(SEEDS.glob("*.md")), *corpus_files()[::4]]
    for source in sources:
        shutil.copy2(source, folder / source.name)
    return folder


def _files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_two_processes_write_the_same_bytes_as_one_in_every_format(tmp_path: Path, cli: CliRun) -> None:
    inputs = _inputs(tmp_path / "in")
    formats = ",".join(available_formats())
    outputs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"jobs{jobs}"
        result = cli("build", inputs, "--format", formats, "--seed", "3", "--jobs", jobs, "--out", out)
        assert result.exit_code == 0, result.stderr
        outputs[jobs] = _files(out)

    assert outputs["1"].keys() == outputs["2"].keys()
    assert len(outputs["1"]) > len(available_formats())
    different = [name for name, data in outputs["1"].items() if outputs["2"][name] != data]
    assert not different, f"--jobs 2 wrote other bytes than --jobs 1: {different}"
