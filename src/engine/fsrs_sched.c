/* fsrs_sched.c: what each of the four ratings does to a card — learning steps, day intervals kept
 * in order — as ts-fsrs's two schedulers do it. */

/*
 * Reference: ts-fsrs 5.4.2 packages/fsrs/src/impl/basic_scheduler.ts (short-term mode, its
 * default: new and lapsed cards go through minute steps), impl/long_term_scheduler.ts (long-term
 * mode: every rating gives a day interval) and strategies/learning_steps.ts
 * (BasicLearningStepsStrategy). The memory model is fsrs_model.c.
 */
#include <math.h>
#include <string.h>

#include "fsrs.h"
#include "fsrs_internal.h"

/* BasicLearningStepsStrategy: the minutes (0: none, graduate) and next step of rating g for a
 * card in phase at step. */
static int step_minutes(const fsrs_params *p, int phase, int step, int g, int *next_step)
{
    int relearn = phase == FSRS_RELEARNING || phase == FSRS_REVIEW;
    const int *steps = relearn ? p->relearning_steps : p->learning_steps;
    int n = relearn ? p->n_relearning_steps : p->n_learning_steps;
    *next_step = 0;
    if (n == 0 || step >= n)
        return 0;
    if (step < 0)
        step = 0;
    if (phase == FSRS_REVIEW)
        return g == 1 ? steps[step] : 0;
    switch (g) {
    case 1:
        return steps[0];
    case 2:
        *next_step = step;
        return n == 1 ? (int)fsrs_js_round(steps[0] * 1.5)
                      : (int)fsrs_js_round((steps[0] + steps[1]) / 2.0);
    case 3:
        if (step + 1 < n && steps[step + 1] != 0) {
            *next_step = step + 1;
            return steps[step + 1];
        }
        return 0;
    default:
        return 0;
    }
}

/* applyLearningSteps: a minute step below a day keeps the card in to_phase; otherwise it goes
 * on day intervals (a step of a day or more sets both, as ts-fsrs does). */
static void apply_steps(const fsrs_params *p, const fsrs_card *cur, int g, int to_phase,
                        int elapsed_days, fsrs_outcome *o)
{
    int next_step;
    int minutes = step_minutes(p, cur->phase, cur->step, g, &next_step);
    if (minutes > 0 && minutes < 1440) {
        o->card.step = next_step;
        o->card.phase = to_phase;
        o->interval = 0;
        o->minutes = minutes;
        return;
    }
    o->card.phase = FSRS_REVIEW;
    if (minutes >= 1440) {
        o->card.step = next_step;
        o->minutes = minutes;
        o->interval = minutes / 1440;
    } else {
        o->card.step = 0;
        o->minutes = 0;
        o->interval = fsrs_next_interval(p, o->card.mem.stability, elapsed_days);
    }
}

/* Day intervals of the ratings from `first` on, each at least one more than the one before
 * (LongTermScheduler orders all four, BasicScheduler Hard to Easy). */
static void order_intervals(const fsrs_params *p, fsrs_outcome out[4], int first, int elapsed)
{
    int ivl[4];
    for (int g = first; g < 4; g++)
        ivl[g] = fsrs_next_interval(p, out[g].card.mem.stability, elapsed);
    if (first == 0) {
        ivl[0] = ivl[0] < ivl[1] ? ivl[0] : ivl[1];
        ivl[1] = ivl[1] > ivl[0] + 1 ? ivl[1] : ivl[0] + 1;
    } else {
        ivl[1] = ivl[1] < ivl[2] ? ivl[1] : ivl[2];
    }
    ivl[2] = ivl[2] > ivl[1] + 1 ? ivl[2] : ivl[1] + 1;
    ivl[3] = ivl[3] > ivl[2] + 1 ? ivl[3] : ivl[2] + 1;
    for (int g = first; g < 4; g++) {
        out[g].interval = ivl[g];
        out[g].minutes = 0;
        out[g].card.phase = FSRS_REVIEW;
        out[g].card.step = 0;
    }
}

void fsrs_preview(const fsrs_params *p, const fsrs_card *card, int elapsed_days,
                  fsrs_outcome out[4])
{
    fsrs_card cur = {{0.0, 0.0}, FSRS_NEW, 0};
    if (card && card->phase != FSRS_NEW)
        cur = *card;
    /* A new card has no last review: ts-fsrs counts its elapsed days as 0. */
    int t = cur.phase == FSRS_NEW ? 0 : (elapsed_days > 0 ? elapsed_days : 0);
    double r = 0.0;
    for (int g = 1; g <= 4; g++) {
        fsrs_outcome *o = &out[g - 1];
        memset(o, 0, sizeof *o);
        o->card = cur;
        o->card.mem = fsrs_next_state(p, cur.phase == FSRS_NEW ? NULL : &cur.mem, t, g, &r);
        o->retrievability = r;
    }
    if (!p->short_term) {
        order_intervals(p, out, 0, t);
        return;
    }
    if (cur.phase == FSRS_REVIEW) {
        order_intervals(p, out, 1, t);
        apply_steps(p, &cur, 1, FSRS_RELEARNING, t, &out[0]);
        return;
    }
    int to = cur.phase == FSRS_NEW ? FSRS_LEARNING : cur.phase;
    for (int g = 1; g <= 4; g++)
        apply_steps(p, &cur, g, to, t, &out[g - 1]);
}

int fsrs_schedule(const fsrs_params *p, const fsrs_card *card, int rating, int elapsed_days,
                  fsrs_outcome *out)
{
    if (rating < 1 || rating > 4) {
        memset(out, 0, sizeof *out);
        if (card)
            out->card = *card;
        return -1;
    }
    fsrs_outcome all[4];
    fsrs_preview(p, card, elapsed_days, all);
    *out = all[rating - 1];
    return 0;
}
