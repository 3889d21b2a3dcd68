"""The loops of `_kernels.c` and `_costs.c`, compiled when the package is installed.

Why compiled: a band row holds a few dozen cells, so the numpy passes of `dp.py` spend their
time starting numpy calls (four per row and pass), not computing, and an EM iteration of
`ibm1.py` passes over its co-occurrences several times; the C loops do the same arithmetic in
the same order, bit for bit, several times faster.

The extension `alignment._kernels` is built by `pip install` (setup.py declares it optional):
an install on a machine without a C compiler succeeds, and the engine then runs the numpy
formulation of the same loops. Set SVERKA_NO_COMPILED=1 to use numpy only.
"""

from __future__ import annotations

import importlib
import os
from functools import cache
from types import ModuleType


@cache
def kernels() -> ModuleType | None:
    """Return the compiled loops, or None when they were not built (or are switched off)."""
    if os.environ.get("SVERKA_NO_COMPILED"):
        return None
    try:
        return importlib.import_module("alignment._kernels")
    except ImportError:
        return None
