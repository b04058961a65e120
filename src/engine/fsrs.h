/* fsrs.h: the FSRS-6 spaced-repetition scheduler (memory model, learning steps, the four
 * ratings' intervals, and the optimizer that fits the weights to a review history), pure C. */
#ifndef HALQA_FSRS_H
#define HALQA_FSRS_H

#include <stddef.h>

/* Number of FSRS-6 model weights, w0..w20. */
#define FSRS_NUM_WEIGHTS 21
/* Most (re)learning steps a deck can have. */
#define FSRS_MAX_STEPS 8

/* Everything the scheduler needs; the caller owns and fills it (fsrs_default_params first).
 * The scheduler follows ts-fsrs 5.x (see fsrs_model.c): short_term on is its default mode
 * (learning steps, same-day reviews change stability by w17..w19), off its long-term mode. */
typedef struct fsrs_params {
    double w[FSRS_NUM_WEIGHTS];   /* model weights in FSRS order: w[0] is w0 ... w[20] is w20 */
    double desired_retention;     /* target probability of recall at the due date, in (0, 1) */
    int maximum_interval;         /* longest interval in days, >= 1 */
    int enable_fuzz;              /* nonzero: spread intervals >= 3 days (reference ranges) */
    unsigned long long fuzz_seed; /* fuzz is a pure function of this seed; vary per review */
    int short_term;               /* nonzero: learning steps and same-day stability (default) */
    int learning_steps[FSRS_MAX_STEPS];   /* minutes, for new cards; default 1, 10 */
    int n_learning_steps;
    int relearning_steps[FSRS_MAX_STEPS]; /* minutes, for lapsed cards; default 10 */
    int n_relearning_steps;
} fsrs_params;

/* A card's memory state. Stability is in days (the interval at which R falls to 90%);
 * difficulty is in [1, 10]. */
typedef struct fsrs_state {
    double stability, difficulty;
} fsrs_state;

/* Where a card is, with ts-fsrs's numbers (they are stored). */
typedef enum fsrs_phase {
    FSRS_NEW = 0,        /* never reviewed */
    FSRS_LEARNING = 1,   /* new, going through the learning steps */
    FSRS_REVIEW = 2,     /* on day intervals */
    FSRS_RELEARNING = 3  /* forgot, going through the relearning steps */
} fsrs_phase;

typedef struct fsrs_card {
    fsrs_state mem; /* zero for a new card */
    int phase;      /* fsrs_phase */
    int step;       /* index into the (re)learning steps while learning; else 0 */
} fsrs_card;

/* What one rating does to a card. A learning step has minutes > 0 and interval 0 (due again the
 * same day); a day interval has minutes 0. (A step of a day or more has both, as in ts-fsrs.) */
typedef struct fsrs_outcome {
    fsrs_card card;
    int interval;          /* days; ts-fsrs's scheduled_days */
    int minutes;           /* learning step, minutes from now; 0 for a day interval */
    double retrievability; /* R at the review (before it); 1 for a new card */
} fsrs_outcome;

/* FSRS-6 defaults (the same in ts-fsrs, fsrs-rs and Anki), desired retention 0.9, maximum
 * interval 36500 days, fuzz off, seed 0, short-term on, steps 1m 10m and 10m. */
void fsrs_default_params(fsrs_params *p);
/* The default weights. */
extern const double fsrs_default_w[FSRS_NUM_WEIGHTS];
/* The published parameter bounds (fsrs-rs parameter_clipper, ts-fsrs CLAMP_PARAMETERS) for this
 * mode and number of relearning steps. */
void fsrs_weight_bounds(int short_term, int n_relearning_steps, double lo[FSRS_NUM_WEIGHTS],
                        double hi[FSRS_NUM_WEIGHTS]);

/* NULL if p is usable, else a one-line message naming the first bad field and its value,
 * e.g. "w3 must be in [0.001, 100], got -1". Weights are named w0..w20 as in the FSRS papers
 * (w3 is p->w[3]). The message lives in thread-local storage until the next call. */
const char *fsrs_check_params(const fsrs_params *p);

/* Probability of recall after elapsed_days with the given stability, rounded to 8 decimals as
 * ts-fsrs does: R = (1 + factor * t / S)^(-w20), factor = 0.9^(-1/w20) - 1, so R(S) = 0.9.
 * Negative elapsed days count as 0; stability is floored at FSRS_S_MIN. */
double fsrs_retrievability(const fsrs_params *p, double elapsed_days, double stability);
/* The same without rounding, and with its derivative-friendly form: for the optimizer. */
double fsrs_retrievability_raw(const double *w, double elapsed_days, double stability);

/* Whole days until R falls to desired_retention (JavaScript's Math.round of S times the interval
 * modifier), clamped to [1, maximum_interval]; fuzzed when enable_fuzz (elapsed_days keeps a fuzzed
 * interval past the time already waited, as in ts-fsrs). */
int fsrs_next_interval(const fsrs_params *p, double stability, int elapsed_days);

/* The memory state after one review: ts-fsrs's next_state. prev NULL (or zero) for a new card;
 * elapsed_days whole days since the last review; rating 1 Again .. 4 Easy. r_out gets the R used. */
fsrs_state fsrs_next_state(const fsrs_params *p, const fsrs_state *prev, int elapsed_days,
                           int rating, double *r_out);

/* All four ratings' outcomes for card (NULL: a new card) reviewed elapsed_days after its last
 * review, as ts-fsrs's repeat(): out[0] is Again ... out[3] is Easy. Day intervals keep their
 * order (Again <= Hard < Good < Easy where ts-fsrs orders them). */
void fsrs_preview(const fsrs_params *p, const fsrs_card *card, int elapsed_days,
                  fsrs_outcome out[4]);

/* One rating of fsrs_preview. A rating outside 1..4 leaves *out a copy of card (zero for NULL)
 * with interval 0 and returns -1; else 0. */
int fsrs_schedule(const fsrs_params *p, const fsrs_card *card, int rating, int elapsed_days,
                  fsrs_outcome *out);

/* Stability floor and ceiling after every update (ts-fsrs S_MIN, S_MAX). */
#define FSRS_S_MIN 0.001
#define FSRS_S_MAX 36500.0

/* ---- the optimizer (fsrs_optimize.c, fsrs_fit.c) ---- */

/* One review of a card's history, in time order: rating 1..4 and whole days since the card's
 * previous review (0 for the first and for same-day reviews). */
typedef struct fsrs_review_in {
    int rating;
    int delta_days;
} fsrs_review_in;

/* A history: reviews of all cards, each card's reviews contiguous and in time order;
 * card_start[i] is where card i begins (n_cards + 1 entries, the last is n_reviews). */
typedef struct fsrs_history {
    const fsrs_review_in *reviews;
    size_t n_reviews;
    const size_t *card_start;
    size_t n_cards;
} fsrs_history;

/* Reviews the optimizer learns from (a review at least a day after an earlier one of its card).
 * Fewer than this and fsrs_optimize keeps the weights it was given, as fsrs-rs does below 64. */
#define FSRS_OPTIMIZE_MIN_ITEMS 64

typedef struct fsrs_metrics {
    double log_loss; /* mean binary cross-entropy of recall (rating > 1) against R */
    double rmse_bins; /* RMSE between mean R and mean recall over the FSRS benchmark's bins */
    size_t items;    /* reviews counted */
} fsrs_metrics;

/* Log loss and RMSE (bins) of weights w over history, for short_term's model. 0, or -1 when out
 * of memory. */
int fsrs_evaluate(const fsrs_history *h, const double *w, int short_term, fsrs_metrics *out);

typedef struct fsrs_optimize_result {
    double w[FSRS_NUM_WEIGHTS]; /* fitted (or the start weights when not enough reviews) */
    fsrs_metrics before, after;
    int fitted;                 /* 0: fewer than FSRS_OPTIMIZE_MIN_ITEMS items, w unchanged */
} fsrs_optimize_result;

/* Fits the 21 weights to history as fsrs-rs does: Adam (lr 0.04, cosine annealing), 5 epochs,
 * batches of 512 reviews, the loss binary cross-entropy of recall against R plus fsrs-rs's L2 pull
 * towards the start weights, and the weights clipped to fsrs_weight_bounds after every step. start
 * NULL: the defaults. seed shuffles the batches. 0, or -1 when out of memory. */
int fsrs_optimize(const fsrs_history *h, const double *start, int short_term,
                  int n_relearning_steps, unsigned long long seed, fsrs_optimize_result *out);

#endif
