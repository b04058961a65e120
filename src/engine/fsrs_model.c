/* fsrs_model.c: the FSRS-6 memory model — parameters, retrievability, stability and difficulty
 * updates, the day interval and its fuzz — exactly as ts-fsrs computes them. */

/*
 * Reference followed: ts-fsrs 5.4.2 (open-spaced-repetition/ts-fsrs, packages/fsrs/src/
 * algorithm.ts FSRSAlgorithm, constant.ts, help.ts get_fuzz_range/roundTo), pinned for the
 * conformance test in tests/fsrs-ref/package.json. Anki's scheduler (fsrs-rs) uses the same
 * formulas; ts-fsrs is followed to the bit because a learner moving between the two should see the
 * same intervals. What that takes, and is therefore done here on purpose:
 *   - every stability, difficulty and retrievability is rounded to 8 decimals where ts-fsrs
 *     rounds (roundTo: JavaScript's Math.round(x * 1e8) / 1e8), the curve factor and the interval
 *     modifier too;
 *   - Math.round is half-up (towards +infinity), not C's round() nor Python's half-even;
 *   - a new card's stability is at least 0.1; every later one is clamped to [0.001, 36500];
 *   - a same-day review (0 whole days) uses the short-term formula only in short-term mode, and
 *     there Hard, Good and Easy never shrink stability;
 *   - a lapse is capped by S / e^(w17 * w18) (by S in long-term mode, where w17 = w18 = 0).
 * The file must be compiled without contracting a * b + c into one fused multiply-add
 * (CMakeLists.txt passes -ffp-contract=off): JavaScript rounds every operation.
 * The fuzz uses ts-fsrs's ranges but our own generator (SplitMix64 of fuzz_seed): ts-fsrs seeds
 * its Alea from the review time, which a replay from the store cannot reproduce anyway.
 */
#include "fsrs.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>

#include "fsrs_internal.h"

const double fsrs_default_w[FSRS_NUM_WEIGHTS] = {
    0.212,  1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001,  1.8722, 0.1666, 0.796,
    1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
};

void fsrs_default_params(fsrs_params *p)
{
    for (int i = 0; i < FSRS_NUM_WEIGHTS; i++)
        p->w[i] = fsrs_default_w[i];
    p->desired_retention = 0.9;
    p->maximum_interval = 36500;
    p->enable_fuzz = 0;
    p->fuzz_seed = 0;
    p->short_term = 1;
    p->n_learning_steps = 2;
    p->learning_steps[0] = 1;
    p->learning_steps[1] = 10;
    p->n_relearning_steps = 1;
    p->relearning_steps[0] = 10;
}

void fsrs_weight_bounds(int short_term, int n_relearning_steps, double lo[FSRS_NUM_WEIGHTS],
                        double hi[FSRS_NUM_WEIGHTS])
{
    static const double lower[FSRS_NUM_WEIGHTS] = {
        FSRS_S_MIN, FSRS_S_MIN, FSRS_S_MIN, FSRS_S_MIN, 1.0, 0.001, 0.001, 0.001, 0.0, 0.0, 0.001,
        0.001,      0.001,      0.001,      0.0,        0.0, 1.0,   0.0,   0.0,   0.0, 0.1,
    };
    static const double upper[FSRS_NUM_WEIGHTS] = {
        100.0, 100.0, 100.0, 100.0, 10.0, 4.0, 4.0, 0.75, 4.5, 0.8, 3.5,
        5.0,   0.25,  0.9,   4.0,   1.0,  6.0, 2.0, 2.0,  0.8, 0.8,
    };
    for (int i = 0; i < FSRS_NUM_WEIGHTS; i++) {
        lo[i] = lower[i];
        hi[i] = upper[i];
    }
    /* The minimum same-day stability must stay reachable: w19 > 0 with short-term reviews. */
    lo[19] = short_term ? 0.01 : 0.0;
    (void)n_relearning_steps; /* the w17/w18 ceiling for > 1 step depends on w: fsrs_clip_weights */
}

void fsrs_clip_weights(double *w, int short_term, int n_relearning_steps)
{
    double lo[FSRS_NUM_WEIGHTS], hi[FSRS_NUM_WEIGHTS];
    fsrs_weight_bounds(short_term, n_relearning_steps, lo, hi);
    for (int i = 0; i < FSRS_NUM_WEIGHTS; i++)
        w[i] = w[i] < lo[i] ? lo[i] : w[i] > hi[i] ? hi[i] : w[i];
    if (n_relearning_steps > 1) {
        /* fsrs-rs: several relearning steps must not lift a lapse above the previous stability. */
        double v = -(log(w[11]) + log(pow(2.0, w[13]) - 1.0) + w[14] * 0.3) / n_relearning_steps;
        double ceiling = fmin(sqrt(fmax(v, 0.01)), 2.0);
        w[17] = fmin(w[17], ceiling);
        w[18] = fmin(w[18], ceiling);
    }
}

static const char *check_steps(const char *name, const int *steps, int n, char *msg, size_t len)
{
    if (n < 0 || n > FSRS_MAX_STEPS) {
        snprintf(msg, len, "%s must have at most %d steps, got %d", name, FSRS_MAX_STEPS, n);
        return msg;
    }
    for (int i = 0; i < n; i++)
        if (steps[i] < 1 || steps[i] > 36500 * 1440) {
            snprintf(msg, len, "%s step %d must be 1 minute to 36500 days, got %d minutes", name,
                     i + 1, steps[i]);
            return msg;
        }
    return NULL;
}

const char *fsrs_check_params(const fsrs_params *p)
{
    static _Thread_local char msg[160];
    double lo[FSRS_NUM_WEIGHTS], hi[FSRS_NUM_WEIGHTS];
    fsrs_weight_bounds(p->short_term, p->n_relearning_steps, lo, hi);
    for (int i = 0; i < FSRS_NUM_WEIGHTS; i++) {
        /* Written as !(in range) so that NaN is rejected too. */
        if (!(p->w[i] >= lo[i] && p->w[i] <= hi[i])) {
            snprintf(msg, sizeof msg, "w%d must be in [%g, %g], got %g", i, lo[i], hi[i], p->w[i]);
            return msg;
        }
    }
    if (!(p->desired_retention > 0.0 && p->desired_retention < 1.0)) {
        snprintf(msg, sizeof msg, "desired_retention must be in (0, 1), got %g",
                 p->desired_retention);
        return msg;
    }
    if (p->maximum_interval < 1) {
        snprintf(msg, sizeof msg, "maximum_interval must be >= 1, got %d", p->maximum_interval);
        return msg;
    }
    if (check_steps("learning_steps", p->learning_steps, p->n_learning_steps, msg, sizeof msg) ||
        check_steps("relearning_steps", p->relearning_steps, p->n_relearning_steps, msg,
                    sizeof msg))
        return msg;
    return NULL;
}

double fsrs_js_round(double x)
{
    double lo = floor(x);
    return x - lo >= 0.5 ? lo + 1.0 : lo; /* x - floor(x) is exact, so no double rounding */
}

double fsrs_round8(double x)
{
    return fsrs_js_round(x * 1e8) / 1e8;
}

static double clamp(double v, double lo, double hi)
{
    return fmin(fmax(v, lo), hi);
}

/* computeDecayFactor: the curve's decay -w20 and the factor that makes R(S) = 0.9. */
static double curve_factor(const double *w, double *decay)
{
    *decay = -w[20];
    return fsrs_round8(exp(pow(*decay, -1.0) * log(0.9)) - 1.0);
}

double fsrs_retrievability(const fsrs_params *p, double elapsed_days, double stability)
{
    double decay, factor = curve_factor(p->w, &decay);
    double t = elapsed_days > 0.0 ? elapsed_days : 0.0;
    double s = stability > FSRS_S_MIN ? stability : FSRS_S_MIN;
    return fsrs_round8(pow(1.0 + (factor * t) / s, decay));
}

double fsrs_retrievability_raw(const double *w, double elapsed_days, double stability)
{
    double factor = pow(0.9, -1.0 / w[20]) - 1.0;
    return pow(1.0 + factor * elapsed_days / stability, -w[20]);
}

/* SplitMix64 (Steele, Lea & Flood 2014): the first output of a generator seeded with seed,
 * as a double in [0, 1). Tiny, well mixed, and the same on every platform. */
static double splitmix64_unit(unsigned long long seed)
{
    uint64_t z = (uint64_t)seed + UINT64_C(0x9E3779B97F4A7C15);
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    z ^= z >> 31;
    return (double)(z >> 11) * 0x1.0p-53;
}

/* get_fuzz_range: +-15% of the days in [2.5, 7), 10% in [7, 20), 5% beyond, plus 1; never
 * sooner than the days already waited. */
static int apply_fuzz(const fsrs_params *p, int ivl, int elapsed_days)
{
    static const struct { double start, end, factor; } ranges[] = {
        {2.5, 7.0, 0.15}, {7.0, 20.0, 0.10}, {20.0, INFINITY, 0.05},
    };
    if (!p->enable_fuzz || ivl < 2.5)
        return ivl;
    double delta = 1.0;
    for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
        delta += ranges[i].factor * fmax(fmin(ivl, ranges[i].end) - ranges[i].start, 0.0);
    double iv = fmin(ivl, p->maximum_interval);
    double lo = fmax(2.0, fsrs_js_round(iv - delta));
    double hi = fmin(fsrs_js_round(iv + delta), p->maximum_interval);
    if (iv > elapsed_days)
        lo = fmax(lo, elapsed_days + 1.0);
    lo = fmin(lo, hi);
    return (int)floor(splitmix64_unit(p->fuzz_seed) * (hi - lo + 1.0) + lo);
}

int fsrs_next_interval(const fsrs_params *p, double stability, int elapsed_days)
{
    double decay, factor = curve_factor(p->w, &decay);
    double modifier = fsrs_round8((pow(p->desired_retention, 1.0 / decay) - 1.0) / factor);
    /* Clamp while still a double: a huge stability must not overflow the int conversion. */
    double days = fmin(fmax(1.0, fsrs_js_round(stability * modifier)), p->maximum_interval);
    return apply_fuzz(p, (int)days, elapsed_days);
}

static double init_difficulty(const double *w, int g)
{
    return fsrs_round8(w[4] - exp((g - 1) * w[5]) + 1.0);
}

static double next_difficulty(const double *w, double d, int g)
{
    double delta = -w[6] * (g - 3);
    double next = d + fsrs_round8((delta * (10.0 - d)) / 9.0);
    double reverted = fsrs_round8(w[7] * init_difficulty(w, 4) + (1.0 - w[7]) * next);
    return clamp(reverted, 1.0, 10.0);
}

static double recall_stability(const double *w, double d, double s, double r, int g)
{
    double hard_penalty = g == 2 ? w[15] : 1.0;
    double easy_bonus = g == 4 ? w[16] : 1.0;
    double grow = exp(w[8]) * (11.0 - d) * pow(s, -w[9]) * (exp((1.0 - r) * w[10]) - 1.0) *
                  hard_penalty * easy_bonus;
    return fsrs_round8(clamp(s * (1.0 + grow), FSRS_S_MIN, FSRS_S_MAX));
}

static double forget_stability(const double *w, double d, double s, double r)
{
    double v = w[11] * pow(d, -w[12]) * (pow(s + 1.0, w[13]) - 1.0) * exp((1.0 - r) * w[14]);
    return fsrs_round8(clamp(v, FSRS_S_MIN, FSRS_S_MAX));
}

static double short_term_stability(const double *w, double s, int g)
{
    double sinc = pow(s, -w[19]) * exp(w[17] * (g - 3 + w[18]));
    if (g >= 2)
        sinc = fmax(sinc, 1.0);
    return fsrs_round8(clamp(s * sinc, FSRS_S_MIN, FSRS_S_MAX));
}

fsrs_state fsrs_next_state(const fsrs_params *p, const fsrs_state *prev, int elapsed_days,
                           int rating, double *r_out)
{
    const double *w = p->w;
    fsrs_state next;
    if (r_out)
        *r_out = 0.0;
    if (prev == NULL || (prev->difficulty == 0.0 && prev->stability == 0.0)) {
        next.difficulty = clamp(init_difficulty(w, rating), 1.0, 10.0);
        next.stability = fmax(w[rating - 1], 0.1);
        return next;
    }
    double s = fmax(prev->stability, FSRS_S_MIN), d = clamp(prev->difficulty, 1.0, 10.0);
    int t = elapsed_days > 0 ? elapsed_days : 0;
    double r = fsrs_retrievability(p, t, s);
    if (r_out)
        *r_out = r;
    if (t == 0 && p->short_term) {
        next.stability = short_term_stability(w, s, rating);
    } else if (rating == 1) {
        double after = forget_stability(w, d, s, r);
        double w17 = p->short_term ? w[17] : 0.0, w18 = p->short_term ? w[18] : 0.0;
        next.stability = clamp(fsrs_round8(s / exp(w17 * w18)), FSRS_S_MIN, after);
    } else {
        next.stability = recall_stability(w, d, s, r, rating);
    }
    next.difficulty = next_difficulty(w, d, rating);
    return next;
}
