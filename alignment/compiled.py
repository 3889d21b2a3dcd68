"""The loops of `_kernels.c` and `_costs.c`, built with the machine's C compiler on first use.

Why compiled: a band row holds a few dozen cells, so the numpy passes of `dp.py` spend their
time starting numpy calls (four per row and pass), not computing, and an EM iteration of
`ibm1.py` passes over its co-occurrences several times; the C loops do the same arithmetic in
the same order, bit for bit, several times faster. Why built here rather than
at install: the engine stays a plain Python package (no build step, no compiler needed to
install it), and a machine without a compiler simply keeps the numpy passes.

Like bytecode, the library is built once per machine and source version, into the package's
__pycache__ (or the user's cache folder when that is read-only); later processes load it in
about a millisecond. Set SVERKA_NO_COMPILED=1 to use numpy only.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import subprocess
import sys
import sysconfig
import threading
from functools import cache
from pathlib import Path
from types import ModuleType

FOLDER = Path(__file__).parent
SOURCES = (FOLDER / "_kernels.c", FOLDER / "_costs.c")  # the library is built from these
HEADERS = (FOLDER / "_costs.h",)
BUILD_SECONDS = 120  # a compiler slower than this is given up on
_building = threading.Lock()  # threads of one process build once


@cache
def kernels() -> ModuleType | None:
    """Return the compiled loops, building them first if needed; None when that fails."""
    if os.environ.get("SVERKA_NO_COMPILED"):
        return None
    with _building:
        try:
            return _load(_built())
        except (OSError, ImportError, subprocess.SubprocessError):
            return None


def _built() -> Path:
    """Return the library for the current source, compiling it when no cached copy exists."""
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in SOURCES + HEADERS)).hexdigest()[:16]
    name = f"_kernels_{digest}{sysconfig.get_config_var('EXT_SUFFIX')}"
    for folder in _cache_folders():
        if (folder / name).exists():
            return folder / name
    for folder in _cache_folders():
        try:
            folder.mkdir(parents=True, exist_ok=True)
            return _compile(folder / name)
        except (OSError, subprocess.SubprocessError):
            continue
    raise OSError("no folder to build the compiled loops in")


def _cache_folders() -> list[Path]:
    user = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return [FOLDER / "__pycache__", user / "sverka"]


def _compile(target: Path) -> Path:
    """Compile the source into `target` (through a temporary name: processes may race)."""
    compiler = shutil.which(os.environ.get("CC") or "cc") or shutil.which("gcc")
    if compiler is None:
        raise OSError("no C compiler")
    temporary = target.with_name(f"{target.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    flags = ["-bundle", "-undefined", "dynamic_lookup"] if sys.platform == "darwin" else []
    include = sysconfig.get_paths()["include"]
    command = [compiler, "-O2", "-shared", "-fPIC", *flags, f"-I{include}", *map(str, SOURCES)]
    try:
        subprocess.run(
            [*command, "-o", str(temporary), "-lm"],
            check=True,
            capture_output=True,
            timeout=BUILD_SECONDS,
        )
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    for old in target.parent.glob(f"_kernels_*{sysconfig.get_config_var('EXT_SUFFIX')}"):
        if old != target:  # built from an earlier version of the sources
            old.unlink(missing_ok=True)
    return target


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("alignment._kernels", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
