/* fsrs.h: the FSRS-6 spaced-repetition memory model (stability, difficulty, intervals), pure C. */
#ifndef HALQA_FSRS_H
#define HALQA_FSRS_H

/* Number of FSRS-6 model weights, w0..w20. */
#define FSRS_NUM_WEIGHTS 21

/* Everything the scheduler needs; the caller owns and fills it (fsrs_default_params first). */
typedef struct fsrs_params {
    double w[FSRS_NUM_WEIGHTS];   /* model weights in FSRS order: w[0] is w0 ... w[20] is w20 */
    double desired_retention;     /* target probability of recall at the due date, in (0, 1) */
    int maximum_interval;         /* longest interval in days, >= 1 */
    int enable_fuzz;              /* nonzero: spread intervals >= 3 days (reference ranges) */
    unsigned long long fuzz_seed; /* fuzz is a pure function of this seed; vary per review */
} fsrs_params;

/* A card's memory state. Stability is in days (the interval at which R falls to 90%);
 * difficulty is in [1, 10]. */
typedef struct fsrs_state {
    double stability, difficulty;
} fsrs_state;

/* FSRS-6 defaults (py-fsrs v6 DEFAULT_PARAMETERS, the same as fsrs-rs and Anki),
 * desired retention 0.9, maximum interval 36500 days, fuzz off, seed 0. */
void fsrs_default_params(fsrs_params *p);

/* NULL if p is usable, else a one-line message naming the first bad field and its value,
 * e.g. "w3 must be in [0.001, 100], got -1". Weights are named w0..w20 as in the FSRS papers
 * (w3 is p->w[3]). The message lives in thread-local storage until the next call. */
const char *fsrs_check_params(const fsrs_params *p);

/* Probability of recall after elapsed_days with the given stability:
 * R = (1 + factor * t / S)^(-decay), decay = w20, factor = 0.9^(-1/decay) - 1, so R(S) = 0.9.
 * Negative elapsed days count as 0; stability is floored at FSRS_S_MIN. */
double fsrs_retrievability(const fsrs_params *p, double elapsed_days, double stability);

/* Whole days until R falls to desired_retention: round-half-even of the inverted curve
 * (Python's round(), as py-fsrs does), then clamped to [1, maximum_interval]. With enable_fuzz
 * the result is then drawn uniformly from the reference fuzz range, using one SplitMix64
 * output of fuzz_seed (see fsrs.c). */
int fsrs_next_interval(const fsrs_params *p, double stability);

/* One review. prev is NULL for a new card; rating is 1 Again, 2 Hard, 3 Good, 4 Easy;
 * elapsed_days is the time since the previous review (ignored for a new card; whole days
 * count, as py-fsrs's timedelta.days, so < 1 is a same-day review). Stores the next interval
 * in *interval_out unless it is NULL. A rating outside 1..4 changes nothing: it returns *prev
 * (or a zero state) and interval 0. */
fsrs_state fsrs_review(const fsrs_params *p, const fsrs_state *prev, int rating,
                       double elapsed_days, int *interval_out);

/* Stability floor after every update (py-fsrs STABILITY_MIN; FSRS-5 used 0.01). */
#define FSRS_S_MIN 0.001

#endif
