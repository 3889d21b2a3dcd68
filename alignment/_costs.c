/* The bead costs of the band's cells (scoring.py) and the EM iterations of IBM Model 1
   (ibm1.py), compiled: the same arithmetic as numpy in the same order, bit for bit. */

#include <math.h>

#include "_costs.h"

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
void span_costs(const Span *sp, Py_ssize_t r0, Py_ssize_t r1, double *costs,
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
void em_counts(const int64_t *pair_of, const int64_t *token_of, Py_ssize_t entries,
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

