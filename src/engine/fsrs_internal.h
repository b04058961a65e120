/* fsrs_internal.h: what the fsrs_*.c files share and nobody else needs. */
#ifndef HALQA_FSRS_INTERNAL_H
#define HALQA_FSRS_INTERNAL_H

/* JavaScript's Math.round: the nearest integer, halves towards +infinity. */
double fsrs_js_round(double x);
/* ts-fsrs's roundTo(x, 8). */
double fsrs_round8(double x);
/* Clamps w into fsrs_weight_bounds, and w17, w18 under fsrs-rs's ceiling for > 1 relearning
 * step (what the optimizer does after every step; ts-fsrs does it to weights it is given). */
void fsrs_clip_weights(double *w, int short_term, int n_relearning_steps);

#endif
