"""Files a careless (or hostile) user points tqcheck at: each is refused with a one-line reason,
never read forever, never a traceback; the other files are still checked."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tqcheck.core.config import Config
from tqcheck.core.model import Document, InputError
from tqcheck.engine.run import run
from tqcheck.readers import read_path
from tqcheck.readers.files import FileReadError, read_file_bytes

GOOD = "The the port reopened on Monday.\n"


def _error(loaded: Document | InputError) -> str:
    assert isinstance(loaded, InputError)
    assert "\n" not in loaded.message
    return loaded.message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    # a plain open() would wait for a writer forever; this must return at once
    assert "FIFO" in _error(read_path(fifo))


def test_a_folder_named_like_a_file_is_walked_not_read(tmp_path: Path) -> None:
    folder = tmp_path / "x.md"
    folder.mkdir()
    (folder / "inner.md").write_text(GOOD, encoding="utf-8")
    assert _error(read_path(folder)) == "is a directory"
    result = run([str(tmp_path)], Config())
    assert not result.errors
    assert [Path(d.path).name for d in result.documents] == ["inner.md"]


def test_a_symlink_loop_is_named_and_the_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a.md").symlink_to(tmp_path / "b.md")
    (tmp_path / "b.md").symlink_to(tmp_path / "a.md")
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    assert _error(read_path(tmp_path / "a.md")) == "symbolic link loop"
    result = run([str(tmp_path)], Config())
    assert sorted(Path(e.path).name for e in result.errors) == ["a.md", "b.md"]
    assert {Path(f.path).name for f in result.findings} == {"good.md"}
    named = run([str(tmp_path / "a.md"), str(tmp_path / "good.md")], Config())
    assert [e.message for e in named.errors] == ["broken or looping symbolic link"]


def test_a_file_that_disappears_during_the_run_is_an_error_not_a_crash(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    gone = tmp_path / "gone.md"
    gone.write_text(GOOD, encoding="utf-8")
    (tmp_path / "kept.md").write_text(GOOD, encoding="utf-8")
    from tqcheck.engine import inputs

    real = inputs.iter_files

    def listed_then_removed(paths, config):  # type: ignore[no-untyped-def]
        files = list(real(paths, config))
        gone.unlink()  # listed by the walk, removed before it is read
        return iter(files)

    monkeypatch.setattr(inputs, "iter_files", listed_then_removed)
    monkeypatch.setenv("TQCHECK_JOBS", "1")
    result = run([str(tmp_path)], Config())
    assert [(Path(e.path).name, e.message) for e in result.errors] == [
        ("gone.md", "no such file (removed or a broken link)")
    ]
    assert {Path(f.path).name for f in result.findings} == {"kept.md"}


def test_a_file_over_max_file_size_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 3000)
    message = _error(read_path(big, max_size=10_000))
    assert message.startswith("file is 15.0 KB, over max-file-size (10.0 KB)")
    assert isinstance(read_path(big, max_size=15_000), Document)
    result = run([str(big)], Config(max_file_size=10_000))
    assert len(result.errors) == 1 and not result.documents


def test_a_file_that_grows_past_the_cap_while_read_is_refused(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "growing.txt"
    path.write_bytes(b"x" * 100)
    real_fstat = os.fstat

    class Small:
        def __init__(self, info: os.stat_result) -> None:
            self.st_mode, self.st_size = info.st_mode, 10  # the size seen before it grew

    monkeypatch.setattr(os, "fstat", lambda fd: Small(real_fstat(fd)))
    with pytest.raises(FileReadError, match="grew past max-file-size"):
        read_file_bytes(path, max_size=50)


def test_max_file_size_in_the_config_takes_units(tmp_path: Path) -> None:
    from tqcheck.core.config import load_file
    from tqcheck.core.errors import ConfigError

    config_file = tmp_path / "tqcheck.toml"
    config_file.write_text('max-file-size = "2MB"\nrule-time-budget = 0.5\n', encoding="utf-8")
    loaded = load_file(config_file)
    assert (loaded.max_file_size, loaded.rule_time_budget) == (2_000_000, 0.5)
    config_file.write_text('max-file-size = "lots"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="key 'max-file-size'"):
        load_file(config_file)


_DROP = "-dac_override,-dac_read_search"


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("setpriv") is None,
    reason="needs root and setpriv to drop the right to read every file",
)
def test_an_unreadable_file_is_named_and_the_others_still_checked(tmp_path: Path) -> None:
    """Root reads every file: the check runs without the capabilities that let it (setpriv), so
    the permission bits apply as they would for an ordinary user."""
    secret = tmp_path / "secret.md"
    secret.write_text(GOOD, encoding="utf-8")
    (tmp_path / "open.md").write_text(GOOD, encoding="utf-8")
    secret.chmod(0o000)
    command = ["setpriv", f"--bounding-set={_DROP}", f"--inh-caps={_DROP}", sys.executable, "-m", "tqcheck"]
    done = subprocess.run(
        [*command, "check", "--format", "json", str(tmp_path)], capture_output=True, text=True, timeout=300
    )
    if "Operation not permitted" in done.stderr and "setpriv" in done.stderr:
        pytest.skip("setpriv may not change capabilities in this container")
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    report = json.loads(done.stdout)
    assert [(Path(e["path"]).name, e["message"]) for e in report["errors"]] == [("secret.md", "permission denied")]
    assert {Path(f["path"]).name for f in report["findings"]} == {"open.md"}
