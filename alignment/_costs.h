/* Bead costs and IBM Model 1 EM, compiled (see _costs.c); bound to Python in _kernels.c. */

#ifndef SVERKA_COSTS_H
#define SVERKA_COSTS_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* What the bead costs of a block of band rows are made of (see scoring.py, similarity.py).
   pair[r * pair_width + c] is dot(src_(s0 + r), tgt_(first[r] + c)); its last row is zeros
   (no sentence). Per span length L: src_root[L * (n + 1) + i], tgt_root[L * (m + 1) + j]
   (norms of the L sentences ending at a node) and src_log, tgt_log (log lengths, scaled;
   the source's shifted by the log length ratio). cost0[t] is bead type t's prior plus the
   pairing cost; src_nulls, tgt_nulls count sentences confirmed unpaired (NULL if none). */
typedef struct {
    const double *pair, *src_root, *tgt_root, *src_log, *tgt_log, *cost0;
    const double *src_nulls, *tgt_nulls;
    const int64_t *first, *lo, *src, *tgt;
    Py_ssize_t pair_width, pair_rows, s0, n, m, types, width;
    double lexical, null_cost, null_evidence;
} Span;

void span_costs(const Span *sp, Py_ssize_t r0, Py_ssize_t r1, double *costs,
                double *tgt_best, double (*row_dots)[4][4]);

void em_counts(const int64_t *pair_of, const int64_t *token_of, Py_ssize_t entries,
               const int64_t *pair_ru, double *counts, Py_ssize_t pairs, double *share,
               double *token_total, Py_ssize_t tokens, double *ru_total, Py_ssize_t words,
               double *prob, int iterations);

#endif
