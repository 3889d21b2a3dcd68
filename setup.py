"""Build the engine's compiled loops; all other packaging settings live in pyproject.toml.

The extension is optional: where no C compiler is available the install still succeeds and the
engine runs its numpy formulation of the same loops (alignment/compiled.py).
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "alignment._kernels",
            sources=["alignment/_kernels.c", "alignment/_costs.c"],
            depends=["alignment/_costs.h"],
            extra_compile_args=["-O2"],
            optional=True,
        )
    ]
)
