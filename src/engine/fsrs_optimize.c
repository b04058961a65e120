/* fsrs_optimize.c: fits the FSRS-6 weights to a review history (Anki's "Optimize FSRS
 * parameters") and measures a set of weights against it (log loss, RMSE over bins). */

/*
 * Reference: fsrs-rs (open-spaced-repetition/fsrs-rs) src/training.rs (TrainingConfig defaults:
 * 5 epochs, batch 512, lr 4e-2, gamma 1; PARAMS_STDDEV and the L2 pull towards the start
 * weights; compute_parameters' thresholds), src/cosine_annealing.rs, src/parameter_clipper.rs and
 * src/inference.rs + dataset.rs (measure: binary cross-entropy, rmse_bins, r_matrix_index).
 * The model is the scheduler's own (fsrs_model.c) without the 8-decimal rounding, so its
 * derivatives exist; they are carried forward with dual numbers (fsrs_dual.h).
 * Differences from fsrs-rs, on purpose and documented in docs/store.md: no pre-training of
 * w0..w3 from first-rating curves (gradient descent fits them with the rest), no recency weights,
 * and a review history of at most 256 reviews a card is not cut.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fsrs.h"
#include "fsrs_dual.h"
#include "fsrs_internal.h"

#define EPOCHS 5
#define BATCH_ITEMS 512
#define LEARNING_RATE 4e-2
#define GAMMA 1.0
#define R_LO 0.0001 /* fsrs-rs clamps predicted recall so log loss stays finite */
#define R_HI 0.9999

static const double params_stddev[FSRS_NUM_WEIGHTS] = {
    6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6,  0.12, 0.39, 0.18, 0.33,
    0.3,  0.09, 0.16,  0.57,  0.25, 1.03, 0.31, 0.32, 0.14, 0.27,
};

/* ---- the differentiable model: one card's reviews, loss at each item ---- */

typedef struct mstate {
    dual s, d;
} mstate;

static dual init_difficulty(const double *w, int g)
{
    /* w4 - e^(w5 (g - 1)) + 1 */
    dual e = dexp(dscale(dvar(w, 5), g - 1));
    return daddc(dsub(dvar(w, 4), e), 1.0);
}

static mstate first_review(const double *w, int g)
{
    mstate m;
    m.s = dvar(w, g - 1);
    if (m.s.v < 0.1)
        m.s = dconst(0.1);
    m.d = dclamp(init_difficulty(w, g), 1.0, 10.0);
    return m;
}

static dual retrievability(const double *w, int t, dual s)
{
    /* (1 + factor t / S)^(-w20), factor = 0.9^(-1/w20) - 1 */
    dual w20 = dvar(w, 20);
    dual factor = daddc(dexp(dscale(ddiv(dconst(1.0), w20), -log(0.9))), -1.0);
    dual base = daddc(ddiv(dscale(factor, (double)t), s), 1.0);
    return dpow(base, dscale(w20, -1.0));
}

static dual next_difficulty(const double *w, dual d, int g)
{
    dual delta = dscale(dvar(w, 6), -(double)(g - 3));
    dual damped = dadd(d, dscale(dmul(delta, daddc(dscale(d, -1.0), 10.0)), 1.0 / 9.0));
    dual w7 = dvar(w, 7);
    dual rev = dadd(dmul(w7, init_difficulty(w, 4)), dmul(daddc(dscale(w7, -1.0), 1.0), damped));
    return dclamp(rev, 1.0, 10.0);
}

static mstate step(const double *w, mstate m, int t, int g, int short_term, dual *r_out)
{
    dual r = retrievability(w, t, m.s);
    *r_out = r;
    mstate n;
    if (t == 0 && short_term) {
        dual sinc = dmul(dpow(m.s, dscale(dvar(w, 19), -1.0)),
                         dexp(dmul(dvar(w, 17), daddc(dvar(w, 18), g - 3))));
        if (g >= 2 && sinc.v < 1.0)
            sinc = dconst(1.0);
        n.s = dmul(m.s, sinc);
    } else if (g == 1) {
        dual one_minus_r = daddc(dscale(r, -1.0), 1.0);
        dual v = dmul(dmul(dvar(w, 11), dpow(m.d, dscale(dvar(w, 12), -1.0))),
                      daddc(dpow(daddc(m.s, 1.0), dvar(w, 13)), -1.0));
        v = dmul(v, dexp(dmul(one_minus_r, dvar(w, 14))));
        v = dclamp(v, FSRS_S_MIN, FSRS_S_MAX);
        dual cap = short_term ? ddiv(m.s, dexp(dmul(dvar(w, 17), dvar(w, 18)))) : m.s;
        n.s = dmin(dmax(cap, dconst(FSRS_S_MIN)), v);
    } else {
        dual one_minus_r = daddc(dscale(r, -1.0), 1.0);
        dual grow = dmul(dexp(dvar(w, 8)), daddc(dscale(m.d, -1.0), 11.0));
        grow = dmul(grow, dpow(m.s, dscale(dvar(w, 9), -1.0)));
        grow = dmul(grow, daddc(dexp(dmul(one_minus_r, dvar(w, 10))), -1.0));
        if (g == 2)
            grow = dmul(grow, dvar(w, 15));
        if (g == 4)
            grow = dmul(grow, dvar(w, 16));
        n.s = dmul(m.s, daddc(grow, 1.0));
    }
    n.s = dclamp(n.s, FSRS_S_MIN, FSRS_S_MAX);
    n.d = next_difficulty(w, m.d, g);
    return n;
}

/* Whether review i of a card (its first at 0) is a training item: a later review at least a day
 * after the one before (fsrs-rs trains on long-term reviews only). */
static int is_item(const fsrs_review_in *rv, size_t i)
{
    return i > 0 && rv[i].delta_days > 0;
}

/* Runs one card; adds each item's loss gradient to grad (if not NULL) and its loss to *loss;
 * calls visit(ctx, review index, R) for each item (if not NULL). Returns the items. */
static size_t run_card(const double *w, const fsrs_review_in *rv, size_t n, int short_term,
                       double *grad, double *loss,
                       void (*visit)(void *, const fsrs_review_in *, size_t, double), void *ctx)
{
    size_t items = 0;
    if (n == 0 || rv[0].rating < 1 || rv[0].rating > 4)
        return 0;
    mstate m = first_review(w, rv[0].rating);
    for (size_t i = 1; i < n; i++) {
        int g = rv[i].rating;
        if (g < 1 || g > 4)
            break;
        dual r;
        mstate next = step(w, m, rv[i].delta_days, g, short_term, &r);
        if (is_item(rv, i)) {
            items++;
            double p = r.v < R_LO ? R_LO : r.v > R_HI ? R_HI : r.v;
            double y = g > 1 ? 1.0 : 0.0;
            *loss += -(y * log(p) + (1.0 - y) * log(1.0 - p));
            if (visit)
                visit(ctx, rv, i, p);
            if (grad && r.v > R_LO && r.v < R_HI) {
                double dl = -(y / p) + (1.0 - y) / (1.0 - p); /* dLoss/dR */
                for (int k = 0; k < FSRS_NUM_WEIGHTS; k++)
                    grad[k] += dl * r.d[k];
            }
        }
        m = next;
    }
    return items;
}

/* ---- measuring: log loss and the FSRS benchmark's RMSE over bins ---- */

#define BIN_SLOTS 8192 /* > 9 delta bins x 23 length bins x 26 lapse bins: never full */

typedef struct bin {
    uint64_t key; /* 0: empty */
    double predicted, actual, count;
} bin;

typedef struct bins {
    bin *slot;
} bins;

/* r_matrix_index's rounding of log-spaced bins: round(a * b^floor(log_b(x))). */
static uint64_t log_bin(double x, double a, double b)
{
    return (uint64_t)fsrs_js_round(a * pow(b, floor(log(x) / log(b))));
}

static void bin_visit(void *ctx, const fsrs_review_in *rv, size_t i, double p)
{
    bins *bs = ctx;
    size_t long_term = 0, lapses = 0;
    for (size_t j = 0; j <= i; j++)
        long_term += rv[j].delta_days > 0;
    for (size_t j = 0; j < i; j++)
        lapses += rv[j].rating == 1 && rv[j].delta_days > 0;
    uint64_t dt = log_bin(rv[i].delta_days, 2.48 * 100.0, 3.62);
    uint64_t len = log_bin((double)long_term + 1.0, 1.99, 1.89);
    uint64_t lap = lapses ? log_bin((double)lapses, 1.65, 1.73) : 0;
    uint64_t key = ((dt << 40) | (len << 20) | lap) + 1;
    size_t h = (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 51) % BIN_SLOTS;
    while (bs->slot[h].key && bs->slot[h].key != key)
        h = (h + 1) % BIN_SLOTS;
    bin *b = &bs->slot[h];
    b->key = key;
    b->predicted += p;
    b->actual += rv[i].rating > 1;
    b->count += 1.0;
}

int fsrs_evaluate(const fsrs_history *h, const double *w, int short_term, fsrs_metrics *out)
{
    bins bs = {calloc(BIN_SLOTS, sizeof(bin))};
    if (!bs.slot)
        return -1;
    double loss = 0.0;
    size_t items = 0;
    for (size_t c = 0; c < h->n_cards; c++)
        items += run_card(w, h->reviews + h->card_start[c], h->card_start[c + 1] - h->card_start[c],
                          short_term, NULL, &loss, bin_visit, &bs);
    double se = 0.0, total = 0.0;
    for (size_t i = 0; i < BIN_SLOTS; i++) {
        const bin *b = &bs.slot[i];
        if (!b->key)
            continue;
        double diff = b->predicted / b->count - b->actual / b->count;
        se += diff * diff * b->count;
        total += b->count;
    }
    free(bs.slot);
    out->items = items;
    out->log_loss = items ? loss / (double)items : 0.0;
    out->rmse_bins = total > 0 ? sqrt(se / total) : 0.0;
    return 0;
}

/* ---- fitting ---- */

static unsigned long long next_random(unsigned long long *state)
{
    uint64_t z = (*state += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/* Cards in a shuffled order, then cut into batches of about BATCH_ITEMS items. */
typedef struct plan {
    size_t *order;      /* card indices */
    size_t *batch_end;  /* batch b covers order[batch_end[b-1] .. batch_end[b]) */
    size_t *batch_items;
    size_t n_batches;
} plan;

static void adam_step(double *w, const double *grad, double *m, double *v, int t, double lr)
{
    const double b1 = 0.9, b2 = 0.999, eps = 1e-8;
    for (int k = 0; k < FSRS_NUM_WEIGHTS; k++) {
        m[k] = b1 * m[k] + (1.0 - b1) * grad[k];
        v[k] = b2 * v[k] + (1.0 - b2) * grad[k] * grad[k];
        double mh = m[k] / (1.0 - pow(b1, t)), vh = v[k] / (1.0 - pow(b2, t));
        w[k] -= lr * mh / (sqrt(vh) + eps);
    }
}

static int make_plan(const fsrs_history *h, const size_t *card_items, unsigned long long *rng,
                     plan *pl)
{
    pl->order = malloc((h->n_cards + 1) * sizeof *pl->order);
    pl->batch_end = malloc((h->n_cards + 1) * sizeof *pl->batch_end);
    pl->batch_items = malloc((h->n_cards + 1) * sizeof *pl->batch_items);
    if (!pl->order || !pl->batch_end || !pl->batch_items)
        return -1;
    for (size_t i = 0; i < h->n_cards; i++)
        pl->order[i] = i;
    for (size_t i = h->n_cards; i > 1; i--) { /* Fisher-Yates */
        size_t j = (size_t)(next_random(rng) % i);
        size_t tmp = pl->order[i - 1];
        pl->order[i - 1] = pl->order[j];
        pl->order[j] = tmp;
    }
    size_t n = 0, in_batch = 0;
    for (size_t i = 0; i < h->n_cards; i++) {
        in_batch += card_items[pl->order[i]];
        if (in_batch >= BATCH_ITEMS || i + 1 == h->n_cards) {
            if (in_batch > 0) {
                pl->batch_items[n] = in_batch;
                pl->batch_end[n++] = i + 1;
            } else if (n > 0) {
                pl->batch_end[n - 1] = i + 1;
            }
            in_batch = 0;
        }
    }
    pl->n_batches = n;
    return 0;
}

static void free_plan(plan *pl)
{
    free(pl->order);
    free(pl->batch_end);
    free(pl->batch_items);
    memset(pl, 0, sizeof *pl);
}

int fsrs_optimize(const fsrs_history *h, const double *start, int short_term,
                  int n_relearning_steps, unsigned long long seed, fsrs_optimize_result *out)
{
    double w0[FSRS_NUM_WEIGHTS];
    memcpy(w0, start ? start : fsrs_default_w, sizeof w0);
    fsrs_clip_weights(w0, short_term, n_relearning_steps);
    memset(out, 0, sizeof *out);
    memcpy(out->w, w0, sizeof w0);
    if (fsrs_evaluate(h, w0, short_term, &out->before) != 0)
        return -1;
    out->after = out->before;
    if (out->before.items < FSRS_OPTIMIZE_MIN_ITEMS)
        return 0;
    size_t *card_items = calloc(h->n_cards + 1, sizeof *card_items);
    if (!card_items)
        return -1;
    for (size_t c = 0; c < h->n_cards; c++)
        for (size_t i = h->card_start[c] + 1; i < h->card_start[c + 1]; i++)
            card_items[c] += h->reviews[i].delta_days > 0;
    double w[FSRS_NUM_WEIGHTS], m[FSRS_NUM_WEIGHTS] = {0}, v[FSRS_NUM_WEIGHTS] = {0};
    memcpy(w, w0, sizeof w);
    unsigned long long rng = seed;
    size_t total_items = out->before.items;
    int t = 0, rc = 0;
    size_t total_steps = 0;
    plan pl = {0};
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
        if (make_plan(h, card_items, &rng, &pl) != 0) {
            rc = -1;
            break;
        }
        if (total_steps == 0)
            total_steps = pl.n_batches * EPOCHS;
        size_t from = 0;
        for (size_t b = 0; b < pl.n_batches; b++) {
            double grad[FSRS_NUM_WEIGHTS] = {0}, loss = 0.0;
            for (size_t i = from; i < pl.batch_end[b]; i++) {
                size_t c = pl.order[i];
                run_card(w, h->reviews + h->card_start[c], h->card_start[c + 1] - h->card_start[c],
                         short_term, grad, &loss, NULL, NULL);
            }
            from = pl.batch_end[b];
            double n = (double)pl.batch_items[b];
            double pull = GAMMA * n / (double)total_items; /* fsrs-rs l2_regularization */
            for (int k = 0; k < FSRS_NUM_WEIGHTS; k++) {
                grad[k] /= n;
                grad[k] += pull * 2.0 * (w[k] - w0[k]) / (params_stddev[k] * params_stddev[k]) / n;
            }
            if (!short_term) /* fsrs-rs freezes the short-term weights in long-term mode */
                grad[17] = grad[18] = grad[19] = 0.0;
            t++;
            double lr = LEARNING_RATE * (1.0 + cos(3.14159265358979323846 * (double)(t - 1) / (double)total_steps)) / 2.0;
            adam_step(w, grad, m, v, t, lr);
            fsrs_clip_weights(w, short_term, n_relearning_steps);
        }
        free_plan(&pl);
    }
    free(card_items);
    if (rc != 0)
        return rc;
    fsrs_metrics after;
    if (fsrs_evaluate(h, w, short_term, &after) != 0)
        return -1;
    /* Never hand back weights that fit worse than the ones we started from. */
    if (after.log_loss < out->before.log_loss) {
        memcpy(out->w, w, sizeof w);
        out->after = after;
    }
    out->fitted = 1;
    return 0;
}
