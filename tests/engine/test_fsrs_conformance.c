/* test_fsrs_conformance.c: replays the review sequences of tests/fsrs-ref/gen.mjs through
 * halqa's scheduler and compares every value with what ts-fsrs computed for them. */

/*
 * Run by tests/fsrs-ref/run.sh, which installs the pinned ts-fsrs (npm ci), writes the
 * reference file and passes its path as argv[1]. Each sequence is replayed from halqa's own
 * results (the card after review k is what halqa computed, not a copy of ts-fsrs's), so an early
 * difference would show in every later review. Wanted: the same phase, step, interval and
 * minutes for every review, and stability, difficulty and R within a relative 1e-6 (they are
 * bit-equal in practice; the count of bit-equal values is printed).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsrs.h"

#define REL_TOL 1e-6

static const char *ref_path;

static int close_enough(double got, double want)
{
    double scale = fabs(want) > 1e-300 ? fabs(want) : 1.0;
    return fabs(got - want) / scale <= REL_TOL;
}

/* Reads "config NAME short retention max n_learn steps... n_relearn steps..." into p. */
static int read_config(char *line, char *name, fsrs_params *p)
{
    fsrs_default_params(p);
    char *tok = strtok(line, " \n");
    tok = strtok(NULL, " \n");
    snprintf(name, 32, "%s", tok);
    p->short_term = atoi(strtok(NULL, " \n"));
    p->desired_retention = strtod(strtok(NULL, " \n"), NULL);
    p->maximum_interval = atoi(strtok(NULL, " \n"));
    p->n_learning_steps = atoi(strtok(NULL, " \n"));
    for (int i = 0; i < p->n_learning_steps; i++)
        p->learning_steps[i] = atoi(strtok(NULL, " \n"));
    p->n_relearning_steps = atoi(strtok(NULL, " \n"));
    for (int i = 0; i < p->n_relearning_steps; i++)
        p->relearning_steps[i] = atoi(strtok(NULL, " \n"));
    return fsrs_check_params(p) == NULL;
}

typedef struct tally {
    long reviews, mismatches, exact, values;
    double worst;
} tally;

static void compare(const char *name, int seq, int idx, const fsrs_outcome *o, int phase,
                    int step, double s, double d, int ivl, int mins, double r, tally *t)
{
    const double got[3] = {o->card.mem.stability, o->card.mem.difficulty, o->retrievability};
    const double want[3] = {s, d, r};
    int bad = o->card.phase != phase || o->card.step != step || o->interval != ivl ||
              o->minutes != mins;
    for (int k = 0; k < 3; k++) {
        double scale = fabs(want[k]) > 1e-300 ? fabs(want[k]) : 1.0;
        double rel = fabs(got[k] - want[k]) / scale;
        t->worst = rel > t->worst ? rel : t->worst;
        t->exact += got[k] == want[k];
        t->values++;
        bad |= !close_enough(got[k], want[k]);
    }
    t->reviews++;
    if (bad && t->mismatches++ < 10)
        print_error("%s seq %d review %d: halqa phase %d step %d S %.10g D %.10g R %.10g ivl %d "
                    "min %d; ts-fsrs phase %d step %d S %.10g D %.10g R %.10g ivl %d min %d\n",
                    name, seq, idx, o->card.phase, o->card.step, got[0], got[1], got[2],
                    o->interval, o->minutes, phase, step, s, d, r, ivl, mins);
}

static void replay_matches_ts_fsrs(void **unused)
{
    (void)unused;
    FILE *f = fopen(ref_path, "r");
    if (!f)
        fail_msg("%s: cannot open the reference file", ref_path);
    char line[512], name[32] = "", rname[32];
    fsrs_params p;
    fsrs_card card = {{0, 0}, FSRS_NEW, 0};
    tally t = {0};
    int configs = 0;
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "config ", 7) == 0) {
            if (!read_config(line, name, &p))
                fail_msg("%s: bad config line", ref_path);
            configs++;
            continue;
        }
        int seq, idx, elapsed, rating, phase, step, ivl, mins;
        double s, d, r;
        if (sscanf(line, "review %31s %d %d %d %d %d %d %lf %lf %d %d %lf", rname, &seq, &idx,
                   &elapsed, &rating, &phase, &step, &s, &d, &ivl, &mins, &r) != 12)
            fail_msg("%s: cannot read line: %s", ref_path, line);
        if (idx == 0)
            card = (fsrs_card){{0, 0}, FSRS_NEW, 0};
        fsrs_outcome o;
        assert_int_equal(fsrs_schedule(&p, &card, rating, elapsed, &o), 0);
        compare(name, seq, idx, &o, phase, step, s, d, ivl, mins, r, &t);
        card = o.card;
    }
    fclose(f);
    printf("# ts-fsrs conformance: %d configurations, %ld reviews, %ld mismatches, %ld of %ld "
           "values bit-equal, worst relative error %.3g\n",
           configs, t.reviews, t.mismatches, t.exact, t.values, t.worst);
    assert_true(configs >= 2);
    assert_true(t.reviews >= 1000);
    assert_int_equal(t.mismatches, 0);
}

int main(int argc, char **argv)
{
    /* Without an argument (valgrind in .ci/run runs every test_* bare): the file the ctest run
     * left, or nothing to check. */
    ref_path = argc > 1 ? argv[1] : HALQA_FSRS_REF_DEFAULT;
    FILE *f = fopen(ref_path, "r");
    if (!f) {
        printf("# %s: no reference file (run ctest -R fsrs_conformance first); nothing checked\n",
               ref_path);
        return 0;
    }
    fclose(f);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(replay_matches_ts_fsrs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
