/* fsrs_synth.h: synthetic review histories drawn from known FSRS weights, for the optimizer's
 * recovery test (tests/engine/test_fsrs_optimize.c) and its benchmark (bench/fsrs_bench.c). */
#ifndef HALQA_FSRS_SYNTH_H
#define HALQA_FSRS_SYNTH_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fsrs.h"

typedef struct synth {
    fsrs_review_in *reviews;
    size_t *card_start;
    fsrs_history h;
} synth;

static inline double synth_unit(uint64_t *state)
{
    uint64_t z = (*state += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    z ^= z >> 31;
    return (double)(z >> 11) * 0x1.0p-53;
}

/* A learner whose memory follows weights w: each card's first rating is drawn, then it is
 * reviewed at its scheduled interval times 0.5..2 (at least a day); it is recalled with
 * probability R, rated Hard/Good/Easy 15/70/15% when recalled, Again when not. About
 * n_reviews reviews in all, each card getting up to per_card. 0 or -1 (out of memory). */
static inline int synth_make(synth *out, const double *w, size_t n_reviews, int per_card,
                             uint64_t seed)
{
    size_t cards_max = n_reviews + 1;
    memset(out, 0, sizeof *out);
    out->reviews = malloc(n_reviews * sizeof *out->reviews);
    out->card_start = malloc((cards_max + 1) * sizeof *out->card_start);
    if (!out->reviews || !out->card_start)
        return -1;
    fsrs_params p;
    fsrs_default_params(&p);
    memcpy(p.w, w, sizeof p.w);
    p.short_term = 0;
    size_t n = 0, cards = 0;
    while (n < n_reviews) {
        out->card_start[cards++] = n;
        double u = synth_unit(&seed);
        int g = u < 0.2 ? 1 : u < 0.3 ? 2 : u < 0.9 ? 3 : 4;
        out->reviews[n++] = (fsrs_review_in){g, 0};
        fsrs_state st = fsrs_next_state(&p, NULL, 0, g, NULL);
        for (int k = 1; k < per_card && n < n_reviews; k++) {
            int ivl = fsrs_next_interval(&p, st.stability, 0);
            int t = (int)(ivl * (0.5 + 1.5 * synth_unit(&seed)));
            if (t < 1)
                t = 1;
            double r = fsrs_retrievability_raw(w, t, st.stability);
            double v = synth_unit(&seed);
            g = synth_unit(&seed) < r ? (v < 0.15 ? 2 : v < 0.85 ? 3 : 4) : 1;
            out->reviews[n++] = (fsrs_review_in){g, t};
            st = fsrs_next_state(&p, &st, t, g, NULL);
        }
    }
    out->card_start[cards] = n;
    out->h = (fsrs_history){out->reviews, n, out->card_start, cards};
    return 0;
}

static inline void synth_free(synth *s)
{
    free(s->reviews);
    free(s->card_start);
    memset(s, 0, sizeof *s);
}

/* Weights a learner might have: each default moved by a fifth or so, inside the bounds. */
static const double synth_true_w[FSRS_NUM_WEIGHTS] = {
    0.5,  1.8,  4.0,  12.0, 5.6,  0.6,  2.2,  0.02, 1.5,  0.25, 1.05,
    1.8,  0.08, 0.35, 1.3,  0.45, 2.4,  0.5,  0.1,  0.06, 0.25,
};

#endif
