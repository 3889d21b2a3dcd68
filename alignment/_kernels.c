/* The engine's innermost loops, compiled (see compiled.py): the banded DP's three passes
   over the band's cells (dp.py) here, the bead costs and the EM iterations of IBM Model 1 in
   _costs.c, and their Python bindings.

   Their numpy formulations spend their time starting numpy calls (four per band row and
   pass) or passing over large arrays several times. These loops do the same arithmetic in
   the same order (results are bit for bit those of numpy); the engine keeps its numpy code
   where this library cannot be built.

   Arrays are C-contiguous buffers: costs or weights (rows, types, width + 1) as made by
   scoring.bead_costs (row i, type t, column k: the bead ending at node (i, lo[i] + k)), lo
   (int64, one start column per node row), src and tgt (int64, the sides of each bead type),
   and the output tables (rows, width), filled here. A bead starting before the text or
   outside the band is impossible. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>

#include "_costs.h"

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
