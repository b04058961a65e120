/* fsrs.c: the FSRS-6 memory model and interval scheduler behind halqa's review queue. */

/*
 * Reference followed: py-fsrs v6, fsrs/scheduler.py (open-spaced-repetition/py-fsrs,
 * Scheduler._initial_stability, _initial_difficulty, _short_term_stability,
 * _next_difficulty, _next_forget_stability, _next_recall_stability, _next_interval,
 * _get_fuzzed_interval, DEFAULT_PARAMETERS, LOWER/UPPER_BOUNDS_PARAMETERS), which is the
 * FSRS-6 of the wiki's "The Algorithm" page and agrees with fsrs-rs src/model_v6.rs
 * (the *_scalar functions). Details taken from py-fsrs on purpose:
 *   - every new stability is floored at STABILITY_MIN = 0.001 (no upper clamp);
 *   - difficulty: linear damping, then mean reversion towards the UNclamped D0(4), then clamp;
 *   - intervals use Python's round() (half to even), then max 1, then min maximum_interval;
 *   - the same-day growth factor is floored at 1 only for Good and Easy.
 * One deliberate difference: py-fsrs picks the fuzzed day with round(), which can land one
 * day past its own range; we use floor() over [min_ivl, max_ivl] as ts-fsrs and Anki do.
 */
#include "fsrs.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>

#define D_MIN 1.0
#define D_MAX 10.0

static const double default_w[FSRS_NUM_WEIGHTS] = {
    0.212,  1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001,  1.8722, 0.1666, 0.796,
    1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
};

/* py-fsrs's bounds: inside them every formula below stays finite (w20 > 0 keeps the decay
 * invertible, w4 >= 1 keeps D0 sensible, w16 >= 1 keeps Easy at least as good as Good). */
static const double lower_w[FSRS_NUM_WEIGHTS] = {
    0.001, 0.001, 0.001, 0.001, 1.0, 0.001, 0.001, 0.001, 0.0, 0.0, 0.001,
    0.001, 0.001, 0.001, 0.0,   0.0, 1.0,   0.0,   0.0,   0.0, 0.1,
};
static const double upper_w[FSRS_NUM_WEIGHTS] = {
    100.0, 100.0, 100.0, 100.0, 10.0, 4.0, 4.0, 0.75, 4.5, 0.8, 3.5,
    5.0,   0.25,  0.9,   4.0,   1.0,  6.0, 2.0, 2.0,  0.8, 0.8,
};

void fsrs_default_params(fsrs_params *p)
{
    for (int i = 0; i < FSRS_NUM_WEIGHTS; i++)
        p->w[i] = default_w[i];
    p->desired_retention = 0.9;
    p->maximum_interval = 36500;
    p->enable_fuzz = 0;
    p->fuzz_seed = 0;
}

const char *fsrs_check_params(const fsrs_params *p)
{
    static _Thread_local char msg[128];
    for (int i = 0; i < FSRS_NUM_WEIGHTS; i++) {
        /* Written as !(in range) so that NaN is rejected too. */
        if (!(p->w[i] >= lower_w[i] && p->w[i] <= upper_w[i])) {
            snprintf(msg, sizeof msg, "w%d must be in [%g, %g], got %g", i, lower_w[i],
                     upper_w[i], p->w[i]);
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
    return NULL;
}

static double clamp_stability(double s)
{
    return s < FSRS_S_MIN ? FSRS_S_MIN : s;
}

static double clamp_difficulty(double d)
{
    return d < D_MIN ? D_MIN : d > D_MAX ? D_MAX : d;
}

/* The curve's decay is -w20; factor makes R(t = S) exactly 0.9 whatever the decay. */
static double curve_factor(const fsrs_params *p)
{
    return pow(0.9, -1.0 / p->w[20]) - 1.0;
}

double fsrs_retrievability(const fsrs_params *p, double elapsed_days, double stability)
{
    double t = elapsed_days > 0.0 ? elapsed_days : 0.0;
    double s = clamp_stability(stability);
    return pow(1.0 + curve_factor(p) * t / s, -p->w[20]);
}

/* Python 3's round(): ties go to the even neighbour. Independent of the FPU rounding mode. */
static double round_half_even(double x)
{
    double lo = floor(x), frac = x - lo;
    if (frac > 0.5)
        return lo + 1.0;
    if (frac < 0.5)
        return lo;
    return fmod(lo, 2.0) == 0.0 ? lo : lo + 1.0;
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

/* py-fsrs FUZZ_RANGES: +-15% of the days in [2.5, 7), 10% in [7, 20), 5% beyond, plus 1. */
static double fuzz_delta(int ivl)
{
    static const struct { double start, end, factor; } ranges[] = {
        {2.5, 7.0, 0.15}, {7.0, 20.0, 0.10}, {20.0, INFINITY, 0.05},
    };
    double delta = 1.0;
    for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++) {
        double span = fmin(ivl, ranges[i].end) - ranges[i].start;
        delta += ranges[i].factor * fmax(span, 0.0);
    }
    return delta;
}

static int apply_fuzz(const fsrs_params *p, int ivl)
{
    if (ivl < 2.5) /* py-fsrs leaves 1- and 2-day intervals alone */
        return ivl;
    double delta = fuzz_delta(ivl);
    int lo = (int)round_half_even(ivl - delta);
    int hi = (int)round_half_even(ivl + delta);
    if (lo < 2)
        lo = 2;
    if (hi > p->maximum_interval)
        hi = p->maximum_interval;
    if (lo > hi)
        lo = hi;
    int fuzzed = lo + (int)floor(splitmix64_unit(p->fuzz_seed) * (hi - lo + 1));
    return fuzzed > p->maximum_interval ? p->maximum_interval : fuzzed;
}

int fsrs_next_interval(const fsrs_params *p, double stability)
{
    double decay = -p->w[20];
    double s = clamp_stability(stability);
    double days = s / curve_factor(p) * (pow(p->desired_retention, 1.0 / decay) - 1.0);
    days = round_half_even(days);
    /* Clamp while still a double: a huge stability must not overflow the int conversion. */
    if (!(days >= 1.0))
        days = 1.0;
    if (days > p->maximum_interval)
        days = p->maximum_interval;
    int ivl = (int)days;
    return p->enable_fuzz ? apply_fuzz(p, ivl) : ivl;
}

/* D0(G) = w4 - e^(w5 * (G - 1)) + 1, unclamped (mean reversion wants it raw). */
static double initial_difficulty_raw(const fsrs_params *p, int rating)
{
    return p->w[4] - exp(p->w[5] * (rating - 1)) + 1.0;
}

static fsrs_state new_card_state(const fsrs_params *p, int rating)
{
    fsrs_state s;
    s.stability = clamp_stability(p->w[rating - 1]);
    s.difficulty = clamp_difficulty(initial_difficulty_raw(p, rating));
    return s;
}

/* D' = w7 * D0(4) + (1 - w7) * (D + (10 - D) * dD / 9), dD = -w6 * (G - 3); then clamp. */
static double next_difficulty(const fsrs_params *p, double d, int rating)
{
    double delta = -p->w[6] * (rating - 3);
    double damped = d + (10.0 - d) * delta / 9.0;
    double reverted = p->w[7] * initial_difficulty_raw(p, 4) + (1.0 - p->w[7]) * damped;
    return clamp_difficulty(reverted);
}

/* Same-day review: S' = S * e^(w17 * (G - 3 + w18)) * S^-w19; Good/Easy never shrink S. */
static double short_term_stability(const fsrs_params *p, double s, int rating)
{
    double inc = exp(p->w[17] * (rating - 3 + p->w[18])) * pow(s, -p->w[19]);
    if (rating >= 3 && inc < 1.0)
        inc = 1.0;
    return clamp_stability(s * inc);
}

/* S' = S * (1 + e^w8 * (11 - D) * S^-w9 * (e^(w10 * (1 - R)) - 1) * hard * easy). */
static double recall_stability(const fsrs_params *p, double s, double d, double r, int rating)
{
    double hard_penalty = rating == 2 ? p->w[15] : 1.0;
    double easy_bonus = rating == 4 ? p->w[16] : 1.0;
    double growth = exp(p->w[8]) * (11.0 - d) * pow(s, -p->w[9]) *
                    (exp((1.0 - r) * p->w[10]) - 1.0) * hard_penalty * easy_bonus;
    return s * (1.0 + growth);
}

/* S' = min(w11 * D^-w12 * ((S + 1)^w13 - 1) * e^(w14 * (1 - R)), S / e^(w17 * w18)):
 * the FSRS-6 cap keeps a lapse from raising stability above the same-day Again value. */
static double forget_stability(const fsrs_params *p, double s, double d, double r)
{
    double long_term = p->w[11] * pow(d, -p->w[12]) * (pow(s + 1.0, p->w[13]) - 1.0) *
                       exp((1.0 - r) * p->w[14]);
    double cap = s / exp(p->w[17] * p->w[18]);
    return fmin(long_term, cap);
}

static fsrs_state existing_card_state(const fsrs_params *p, fsrs_state prev, int rating,
                                      double elapsed_days)
{
    /* py-fsrs counts whole days (timedelta.days), so 0.9 days is still "same day". */
    double days = floor(elapsed_days > 0.0 ? elapsed_days : 0.0);
    fsrs_state next;
    if (days < 1.0) {
        next.stability = short_term_stability(p, prev.stability, rating);
    } else {
        double r = fsrs_retrievability(p, days, prev.stability);
        double s = rating == 1 ? forget_stability(p, prev.stability, prev.difficulty, r)
                               : recall_stability(p, prev.stability, prev.difficulty, r, rating);
        next.stability = clamp_stability(s);
    }
    next.difficulty = next_difficulty(p, prev.difficulty, rating);
    return next;
}

fsrs_state fsrs_review(const fsrs_params *p, const fsrs_state *prev, int rating,
                       double elapsed_days, int *interval_out)
{
    fsrs_state next;
    if (rating < 1 || rating > 4) {
        fsrs_state zero = {0.0, 0.0};
        next = prev ? *prev : zero;
        if (interval_out)
            *interval_out = 0;
        return next;
    }
    next = prev ? existing_card_state(p, *prev, rating, elapsed_days) : new_card_state(p, rating);
    if (interval_out)
        *interval_out = fsrs_next_interval(p, next.stability);
    return next;
}
