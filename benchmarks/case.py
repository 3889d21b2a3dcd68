"""One benchmark case, run in its own process so that its peak memory is its own.

    python -m benchmarks.case sverka N      align N x N synthetic sentences with Sverka
    python -m benchmarks.case nltk N        the same lengths with NLTK's Gale-Church align_blocks
Prints one JSON line: seconds and CPU seconds (best of the repeats; CPU time is steadier on
a machine shared with other work), peak resident memory in MB, and the resident memory after
imports (the interpreter and libraries) for comparison.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from collections.abc import Callable

from benchmarks.corpus import parallel_texts


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def _runner(engine: str, src: list[str], tgt: list[str]) -> Callable[[], object]:
    if engine == "sverka":
        import alignment

        return lambda: alignment.align(src, tgt)
    if engine == "nltk":
        from nltk.translate.gale_church import align_blocks

        src_len, tgt_len = [len(s) for s in src], [len(t) for t in tgt]
        return lambda: align_blocks(src_len, tgt_len)
    raise SystemExit(f"unknown engine {engine}")


def main(argv: list[str]) -> int:
    """Run one case and print its figures as JSON."""
    engine, size = argv[0], int(argv[1])
    repeats = int(argv[2]) if len(argv) > 2 else 1
    src, tgt = parallel_texts(size)
    run = _runner(engine, src, tgt)
    if engine == "sverka":
        import alignment

        alignment.align(src[:20], tgt[:20])  # load the lexicon once, as a server would
    baseline = _peak_mb()
    best = best_cpu = float("inf")
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        run()
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
    print(
        json.dumps(
            {
                "engine": engine,
                "src": len(src),
                "tgt": len(tgt),
                "seconds": round(best, 4),
                "cpu_seconds": round(best_cpu, 4),
                "peak_mb": round(_peak_mb(), 1),
                "after_imports_mb": round(baseline, 1),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
