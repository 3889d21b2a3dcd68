"""One benchmark case, run in its own process so that its peak memory is its own.

    python -m benchmarks.case sverka N      align N x N synthetic sentences with Sverka
    python -m benchmarks.case nltk N        the same lengths with NLTK's Gale-Church align_blocks
    python -m benchmarks.cold N             a fresh process: import, then align N x N once
Prints one JSON line: seconds and CPU seconds (median of the repeats, and the best; CPU time
is steadier on a machine shared with other work), the first repeat alone (Sverka's first
search of this text in the process: its words are new to the process's word table), peak
resident memory in MB, and the resident memory after imports (the interpreter and libraries)
for comparison.
"""

from __future__ import annotations

import json
import resource
import statistics
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


def _timed(run: Callable[[], object], repeats: int) -> dict[str, float]:
    """Run `repeats` times; return the median, best and first clock and CPU seconds."""
    wall, cpu = [], []
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        run()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return {
        "seconds": statistics.median(wall),
        "cpu_seconds": statistics.median(cpu),
        "best_seconds": min(wall),
        "best_cpu_seconds": min(cpu),
        "first_seconds": wall[0],
        "first_cpu_seconds": cpu[0],
    }


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
    figures = {k: round(v, 4) for k, v in _timed(run, repeats).items()}
    head = {"engine": engine, "src": len(src), "tgt": len(tgt), "repeats": repeats}
    memory = {"peak_mb": round(_peak_mb(), 1), "after_imports_mb": round(baseline, 1)}
    print(json.dumps(head | figures | memory))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
