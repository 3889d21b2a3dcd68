/* The engine's innermost loops, compiled (see compiled.py): the bead costs of the band's
   cells (scoring.py), the banded DP's three passes over them (dp.py) and the EM iterations of
   IBM Model 1 (ibm1.py).

   Their numpy formulations spend their time starting numpy calls (four per band row and
   pass) or passing over large arrays several times per iteration. These loops do the same
   arithmetic in the same order (results are bit for bit those of numpy). The engine keeps
   its numpy code where this module cannot be built.

   Arrays are C-contiguous buffers: costs or weights (rows, types, width + 1) as made by
   scoring.bead_costs (row i, type t, column k: the bead ending at node (i, lo[i] + k)), lo
   (int64, one start column per node row), src and tgt (int64, the sides of each bead type),
   and the output tables (rows, width), filled here. A bead starting before the text or
   outside the band is impossible. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>

#define TIE 1e-9 /* a 0-1 step wins a tie only when cheaper by more than rounding */

typedef struct {
    const int64_t *lo, *src, *tgt;
    Py_ssize_t rows, types, width;
} Band;

/* Column, in row `row`, of the far end of bead type t at cell (i, k); -1 if outside. */
static Py_ssize_t other_end(const Band *b, Py_ssize_t i, Py_ssize_t k, Py_ssize_t row,
                            Py_ssize_t t, int sign) {
    if (row < 0 || row >= b->rows) return -1;
    Py_ssize_t col = b->lo[i] + k - sign * b->tgt[t] - b->lo[row];
    return (col >= 0 && col < b->width) ? col : -1;
}

/* Best cost V - P[j] of reaching every cell, and the bead type that reached it. */
static void best_paths(const Band *b, const double *costs, double *table, int8_t *back) {
    Py_ssize_t w = b->width, stride = b->types * (w + 1);
    for (Py_ssize_t k = 0; k < w; k++) {
        table[k] = 0.0; /* row 0: the start node, then 0-1 steps that cost nothing here */
        back[k] = (int8_t)(k ? b->types : 0);
    }
    for (Py_ssize_t i = 1; i < b->rows; i++) {
        double reached = INFINITY;
        for (Py_ssize_t k = 0; k < w; k++) {
            double best = INFINITY;
            int8_t best_type = 0;
            for (Py_ssize_t t = 0; t < b->types; t++) {
                Py_ssize_t row = i - b->src[t], col = other_end(b, i, k, row, t, 1);
                if (col < 0) continue;
                double cost = table[row * w + col] + costs[i * stride + t * (w + 1) + k];
                if (cost < best) {
                    best = cost;
                    best_type = (int8_t)t;
                }
            }
            reached = best < reached ? best : reached;
            table[i * w + k] = reached;
            back[i * w + k] = reached < best - TIE ? (int8_t)b->types : best_type;
        }
    }
}

/* Summed weight of the paths from (0, 0), rows rescaled as in dp.forward. */
static void forward_sums(const Band *b, const double *weights, double *table, double *shifts,
                         double small, double large) {
    Py_ssize_t w = b->width, stride = b->types * (w + 1);
    for (Py_ssize_t k = 0; k < w; k++) table[k] = 1.0; /* the start node, then 0-1 steps */
    for (Py_ssize_t i = 1; i < b->rows; i++) {
        double running = 0.0;
        for (Py_ssize_t k = 0; k < w; k++) {
            double total = 0.0;
            for (Py_ssize_t t = 0; t < b->types; t++) {
                Py_ssize_t row = i - b->src[t], col = other_end(b, i, k, row, t, 1);
                if (col >= 0) total += table[row * w + col] * weights[i * stride + t * (w + 1) + k];
            }
            running += total;
            table[i * w + k] = running;
        }
        double top = table[i * w + w - 1];
        if (top > 0.0 && !(small < top && top < large)) {
            for (Py_ssize_t r = i >= 2 ? i - 2 : 0; r <= i; r++)
                for (Py_ssize_t k = 0; k < w; k++) table[r * w + k] /= top;
            shifts[i] = log(top);
        }
    }
}

/* Summed weight of the paths to (n, m), rows rescaled as in dp.backward. Uses up the
   weights: a finished row's weights are multiplied by its sums. */
static void backward_sums(const Band *b, double *weights, Py_ssize_t m, double *table,
                          double *shifts, double small, double large) {
    Py_ssize_t w = b->width, n1 = b->rows, stride = b->types * (w + 1);
    for (Py_ssize_t k = 0; k < w; k++)
        table[(n1 - 1) * w + k] = k <= m - b->lo[n1 - 1] ? 1.0 : 0.0; /* 0-1 steps, end */
    for (Py_ssize_t i = n1 - 1; i >= 0; i--) {
        if (i < n1 - 1) {
            double running = 0.0;
            for (Py_ssize_t k = w - 1; k >= 0; k--) {
                double total = 0.0;
                for (Py_ssize_t t = 0; t < b->types; t++) {
                    Py_ssize_t row = i + b->src[t], col = other_end(b, i, k, row, t, -1);
                    if (col >= 0) total += weights[row * stride + t * (w + 1) + col];
                }
                running += total;
                table[i * w + k] = running;
            }
            double top = table[i * w];
            if (top > 0.0 && !(small < top && top < large)) {
                for (Py_ssize_t r = i; r < i + 3 && r < n1; r++)
                    for (Py_ssize_t k = 0; k < w; k++) table[r * w + k] /= top;
                for (Py_ssize_t r = i + 1; r < i + 3 && r < n1; r++)
                    for (Py_ssize_t c = 0; c < stride; c++) weights[r * stride + c] /= top;
                shifts[i + 2] = log(top);
            }
        }
        for (Py_ssize_t t = 0; t < b->types; t++)
            for (Py_ssize_t k = 0; k < w; k++) weights[i * stride + t * (w + 1) + k] *= table[i * w + k];
    }
}

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

/* The dot products dot(src[i-a:i], tgt[j-b:j]) of the bead ending at node (i, j), for
   every (a, b) up to 3, summed as numpy sums them in similarity.py: from the pair products
   p[da][db] = dot(src_(i-1-da), tgt_(j-1-db)), a span grows by one target sentence (all its
   pairs), or else by one source sentence. dots[a][b] is left 0 for a * b == 0. */
static void span_dots(const Span *sp, Py_ssize_t i, Py_ssize_t j, double dots[4][4]) {
    double p[3][3];
    for (int da = 0; da < 3; da++) {
        Py_ssize_t s = i - 1 - da;
        Py_ssize_t r = s >= sp->s0 ? s - sp->s0 : sp->pair_rows - 1; /* last row: none */
        for (int db = 0; db < 3; db++) {
            Py_ssize_t c = j - 1 - sp->first[r] - db;
            p[da][db] = (c >= 0 && c < sp->pair_width) ? sp->pair[r * sp->pair_width + c] : 0.0;
        }
    }
    for (int a = 0; a < 4; a++) dots[a][0] = dots[0][a] = 0.0;
    dots[1][1] = p[0][0];
    for (int a = 1; a < 4; a++) {
        if (a > 1) dots[a][1] = dots[a - 1][1] + p[a - 1][0];
        for (int b = 2; b < 4; b++) {
            double out = dots[a][b - 1] + p[0][b - 1];
            for (int da = 1; da < a; da++) out += p[da][b - 1];
            dots[a][b] = out;
        }
    }
}

static double cosine(const Span *sp, double dots[4][4], int64_t a, int64_t b, Py_ssize_t i,
                     Py_ssize_t j) {
    double denom = sp->tgt_root[b * (sp->m + 1) + j] * sp->src_root[a * (sp->n + 1) + i];
    return dots[a][b] / (denom + 1e-9);
}

static int taken(const Span *sp, Py_ssize_t i, Py_ssize_t j, int64_t a, int64_t b) {
    if (!sp->src_nulls) return 0;
    return sp->src_nulls[i] > sp->src_nulls[i - a >= 0 ? i - a : 0] ||
           sp->tgt_nulls[j] > sp->tgt_nulls[j - b >= 0 ? j - b : 0];
}

/* The cost of bead type t ending at cell (i, k) of node j, given its dot products. */
static double bead_cost(const Span *sp, Py_ssize_t i, Py_ssize_t node, Py_ssize_t t,
                        double dots[4][4], double src_null) {
    Py_ssize_t j = node < sp->m ? node : sp->m;
    int64_t a = sp->src[t], b = sp->tgt[t];
    if (i < a || node > sp->m || node < b || (b && taken(sp, i, j, a, b))) return INFINITY;
    if (b == 0) return src_null;
    double d = sp->tgt_log[b * (sp->m + 1) + j] - sp->src_log[a * (sp->n + 1) + i];
    double cost = d * d;
    cost += sp->cost0[t];
    cost -= cosine(sp, dots, a, b, i, j) * sp->lexical;
    return cost;
}

/* Fill costs[i, t, k] of node rows r0..r1-1 and raise tgt_best[j] to the best similarity of
   each target sentence seen in them. `row_dots` holds a row's dot products (width * 16). */
static void span_costs(const Span *sp, Py_ssize_t r0, Py_ssize_t r1, double *costs,
                       double *tgt_best, double (*row_dots)[4][4]) {
    Py_ssize_t w = sp->width, stride = sp->types * (w + 1);
    for (Py_ssize_t i = r0; i < r1; i++) {
        double best = 0.0; /* the similarities kept are at least 0 */
        for (Py_ssize_t k = 0; k < w; k++) {
            Py_ssize_t node = sp->lo[i] + k, j = node < sp->m ? node : sp->m;
            span_dots(sp, i, j, row_dots[k]);
            double sim = node > sp->m ? 0.0 : cosine(sp, row_dots[k], 1, 1, i, j);
            sim = sim > 0.0 ? sim : 0.0;
            best = sim > best ? sim : best;
            if (sim > tgt_best[j]) tgt_best[j] = sim;
        }
        double src_null = sp->null_cost + sp->null_evidence * best;
        for (Py_ssize_t t = 0; t < sp->types; t++)
            for (Py_ssize_t k = 0; k < w; k++)
                costs[(i - r0) * stride + t * (w + 1) + k] =
                    bead_cost(sp, i, sp->lo[i] + k, t, row_dots[k], src_null);
    }
}

/* EM iterations of IBM Model 1 on co-occurrence entries: entry e joins pair pair_of[e]
   (whose Russian word is pair_ru[p]) and English token token_of[e]. Updates `counts`. */
static void em_counts(const int64_t *pair_of, const int64_t *token_of, Py_ssize_t entries,
                      const int64_t *pair_ru, double *counts, Py_ssize_t pairs, double *share,
                      double *token_total, Py_ssize_t tokens, double *ru_total,
                      Py_ssize_t words, double *prob, int iterations) {
    for (int it = 0; it < iterations; it++) {
        for (Py_ssize_t r = 0; r < words; r++) ru_total[r] = 0.0;
        for (Py_ssize_t p = 0; p < pairs; p++) ru_total[pair_ru[p]] += counts[p];
        for (Py_ssize_t p = 0; p < pairs; p++) prob[p] = counts[p] / ru_total[pair_ru[p]];
        for (Py_ssize_t t = 0; t < tokens; t++) token_total[t] = 0.0;
        for (Py_ssize_t e = 0; e < entries; e++) {
            share[e] = prob[pair_of[e]];
            token_total[token_of[e]] += share[e];
        }
        for (Py_ssize_t p = 0; p < pairs; p++) counts[p] = 0.0;
        for (Py_ssize_t e = 0; e < entries; e++)
            counts[pair_of[e]] += share[e] / token_total[token_of[e]];
    }
}

/* The band of the arguments: lo, src, tgt, and the table giving the width. */
static Band band_of(Py_buffer *lo, Py_buffer *src, Py_buffer *tgt, Py_buffer *table) {
    Band b = {lo->buf, src->buf, tgt->buf, lo->len / 8, src->len / 8, 0};
    b.width = b.rows ? table->len / 8 / b.rows : 0;
    return b;
}

static void release(Py_buffer *bufs, int n) {
    for (int i = 0; i < n; i++) PyBuffer_Release(&bufs[i]);
}

static PyObject *py_best_paths(PyObject *self, PyObject *args) {
    (void)self;
    Py_buffer x[6]; /* costs, lo, src, tgt, table, back */
    if (!PyArg_ParseTuple(args, "y*y*y*y*w*w*", &x[0], &x[1], &x[2], &x[3], &x[4], &x[5]))
        return NULL;
    Band b = band_of(&x[1], &x[2], &x[3], &x[4]);
    Py_BEGIN_ALLOW_THREADS
    best_paths(&b, x[0].buf, x[4].buf, x[5].buf);
    Py_END_ALLOW_THREADS
    release(x, 6);
    Py_RETURN_NONE;
}

static PyObject *py_forward_sums(PyObject *self, PyObject *args) {
    (void)self;
    Py_buffer x[6]; /* weights, lo, src, tgt, table, shifts */
    double small, large;
    if (!PyArg_ParseTuple(args, "y*y*y*y*w*w*dd", &x[0], &x[1], &x[2], &x[3], &x[4], &x[5],
                          &small, &large))
        return NULL;
    Band b = band_of(&x[1], &x[2], &x[3], &x[4]);
    Py_BEGIN_ALLOW_THREADS
    forward_sums(&b, x[0].buf, x[4].buf, x[5].buf, small, large);
    Py_END_ALLOW_THREADS
    release(x, 6);
    Py_RETURN_NONE;
}

static PyObject *py_backward_sums(PyObject *self, PyObject *args) {
    (void)self;
    Py_buffer x[6]; /* weights, lo, src, tgt, table, shifts */
    double small, large;
    Py_ssize_t m;
    if (!PyArg_ParseTuple(args, "w*y*y*y*w*w*ddn", &x[0], &x[1], &x[2], &x[3], &x[4], &x[5],
                          &small, &large, &m))
        return NULL;
    Band b = band_of(&x[1], &x[2], &x[3], &x[4]);
    Py_BEGIN_ALLOW_THREADS
    backward_sums(&b, x[0].buf, m, x[4].buf, x[5].buf, small, large);
    Py_END_ALLOW_THREADS
    release(x, 6);
    Py_RETURN_NONE;
}

static PyObject *py_em_counts(PyObject *self, PyObject *args) {
    (void)self;
    Py_buffer x[8]; /* pair_of, token_of, pair_ru, counts, share, token_total, ru_total, prob */
    int iterations;
    if (!PyArg_ParseTuple(args, "y*y*y*w*w*w*w*w*i", &x[0], &x[1], &x[2], &x[3], &x[4], &x[5],
                          &x[6], &x[7], &iterations))
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    em_counts(x[0].buf, x[1].buf, x[0].len / 8, x[2].buf, x[3].buf, x[2].len / 8, x[4].buf,
              x[5].buf, x[5].len / 8, x[6].buf, x[6].len / 8, x[7].buf, iterations);
    Py_END_ALLOW_THREADS
    release(x, 8);
    Py_RETURN_NONE;
}

/* span_costs(pair, first, lo, src, tgt, src_root, tgt_root, src_log, tgt_log, cost0,
   src_nulls, tgt_nulls, costs, tgt_best, s0, r0, r1, m, lexical, null_cost, null_evidence) */
static PyObject *py_span_costs(PyObject *self, PyObject *args) {
    (void)self;
    Py_buffer x[14];
    Py_ssize_t s0, r0, r1, m;
    double lexical, null_cost, null_evidence;
    if (!PyArg_ParseTuple(args, "y*y*y*y*y*y*y*y*y*y*y*y*w*w*nnnnddd", &x[0], &x[1], &x[2],
                          &x[3], &x[4], &x[5], &x[6], &x[7], &x[8], &x[9], &x[10], &x[11],
                          &x[12], &x[13], &s0, &r0, &r1, &m, &lexical, &null_cost,
                          &null_evidence))
        return NULL;
    Py_ssize_t n = x[2].len / 8 - 1, types = x[3].len / 8, rows = x[1].len / 8;
    Span sp = {x[0].buf, x[5].buf, x[6].buf, x[7].buf, x[8].buf, x[9].buf,
               x[10].len ? x[10].buf : NULL, x[11].len ? x[11].buf : NULL,
               x[1].buf, x[2].buf, x[3].buf, x[4].buf,
               x[0].len / 8 / rows, rows, s0, n, m, types, 0,
               lexical, null_cost, null_evidence};
    sp.width = (r1 > r0) ? x[12].len / 8 / types / (r1 - r0) - 1 : 0;
    double(*row_dots)[4][4] = PyMem_RawMalloc((size_t)(sp.width + 1) * sizeof *row_dots);
    if (!row_dots) {
        release(x, 14);
        return PyErr_NoMemory();
    }
    Py_BEGIN_ALLOW_THREADS
    span_costs(&sp, r0, r1, x[12].buf, x[13].buf, row_dots);
    Py_END_ALLOW_THREADS
    PyMem_RawFree(row_dots);
    release(x, 14);
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"best_paths", py_best_paths, METH_VARARGS,
     "best_paths(costs, lo, src, tgt, table, back): fill the best costs and back-pointers"},
    {"forward_sums", py_forward_sums, METH_VARARGS,
     "forward_sums(weights, lo, src, tgt, table, shifts, small, large): fill forward sums"},
    {"backward_sums", py_backward_sums, METH_VARARGS,
     "backward_sums(weights, lo, src, tgt, table, shifts, small, large, m): backward sums"},
    {"span_costs", py_span_costs, METH_VARARGS,
     "span_costs(...): fill the bead costs of a block of band rows (see scoring.py)"},
    {"em_counts", py_em_counts, METH_VARARGS,
     "em_counts(pair_of, token_of, pair_ru, counts, share, token_total, ru_total, prob, n): "
     "n more EM iterations"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_kernels", "The engine's innermost loops, compiled.", -1, methods,
    NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit__kernels(void) { return PyModule_Create(&module); }
