"""A fresh process aligning one document, as an import into the web app does on a new worker.

    python -m benchmarks.cold N
Prints one JSON line: seconds to import the engine, and the clock and CPU seconds of the
first `align` of N x N synthetic sentences (it loads the core lexicon and meets every word
for the first time), and the peak resident memory in MB.
"""

from __future__ import annotations

import json
import resource
import sys
import time


def main(argv: list[str]) -> int:
    """Import the engine, align once, print the figures as JSON."""
    size = int(argv[0])
    start = time.perf_counter()
    import alignment

    imported = time.perf_counter() - start
    from benchmarks.corpus import parallel_texts

    src, tgt = parallel_texts(size)
    start, start_cpu = time.perf_counter(), time.process_time()
    alignment.align(src, tgt)
    figures = {
        "engine": "sverka",
        "src": len(src),
        "tgt": len(tgt),
        "import_seconds": round(imported, 4),
        "first_seconds": round(time.perf_counter() - start, 4),
        "first_cpu_seconds": round(time.process_time() - start_cpu, 4),
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
