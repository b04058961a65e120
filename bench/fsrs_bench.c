/* fsrs_bench.c: the optimizer's speed — reviews fitted per second on synthetic histories of
 * 100k and 1M reviews (tests/engine/fsrs_synth.h), beside a baseline measured in the same run:
 * one plain evaluation pass over the same history (the model without derivatives). The fit is
 * 5 epochs with derivatives of 21 weights, so ~5 x (1 + 21) passes' work is the expected cost.
 * Usage: fsrs_bench [REVIEWS...] (default 100000 1000000). */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "fsrs.h"
#include "fsrs_synth.h"

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    size_t sizes[8] = {100000, 1000000};
    int n = 2;
    if (argc > 1) {
        n = argc - 1 > 8 ? 8 : argc - 1;
        for (int i = 0; i < n; i++)
            sizes[i] = (size_t)strtoull(argv[i + 1], NULL, 10);
    }
    for (int i = 0; i < n; i++) {
        synth s;
        if (synth_make(&s, synth_true_w, sizes[i], 15, 42) != 0) {
            fprintf(stderr, "fsrs_bench: out of memory\n");
            return 1;
        }
        fsrs_metrics m;
        double a = now_s();
        fsrs_evaluate(&s.h, fsrs_default_w, 1, &m);
        double eval_s = now_s() - a;
        fsrs_optimize_result r;
        clock_t cpu = clock();
        a = now_s();
        if (fsrs_optimize(&s.h, NULL, 1, 1, 2023, &r) != 0) {
            fprintf(stderr, "fsrs_bench: out of memory\n");
            return 1;
        }
        double fit_s = now_s() - a;
        double cpu_s = (double)(clock() - cpu) / CLOCKS_PER_SEC;
        /* Both clocks: on a shared machine the wall clock mostly measures the other jobs. */
        printf("fsrs optimize: %zu reviews (%zu items): fit %.2f s wall = %.0f reviews/s; %.2f s "
               "CPU = %.0f reviews/s; baseline evaluation pass %.3f s wall; ratio %.1fx a pass; "
               "log loss %.4f -> %.4f\n", s.h.n_reviews, r.before.items, fit_s,
               s.h.n_reviews / fit_s, cpu_s, s.h.n_reviews / cpu_s, eval_s, fit_s / eval_s,
               r.before.log_loss, r.after.log_loss);
        synth_free(&s);
    }
    return 0;
}
