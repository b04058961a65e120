/* test_fsrs_optimize.c: the optimizer (src/engine/fsrs_optimize.c) recovers a learner from a
 * synthetic history drawn with known weights, and its measures behave as defined. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>

#include "fsrs.h"
#include "fsrs_synth.h"

#include "fsrs_testing.h"

static void test_fit_beats_the_defaults_and_nears_the_true_weights(void **state)
{
    (void)state;
    synth s;
    assert_int_equal(synth_make(&s, synth_true_w, 30000, 12, 11), 0);
    fsrs_metrics truth;
    assert_int_equal(fsrs_evaluate(&s.h, synth_true_w, 1, &truth), 0);
    fsrs_optimize_result r;
    assert_int_equal(fsrs_optimize(&s.h, NULL, 1, 1, 2023, &r), 0);
    printf("# %zu items: log loss defaults %.5f, fitted %.5f, true %.5f; RMSE(bins) %.4f -> %.4f"
           " (true %.4f)\n", r.before.items, r.before.log_loss, r.after.log_loss, truth.log_loss,
           r.before.rmse_bins, r.after.rmse_bins, truth.rmse_bins);
    assert_true(r.fitted);
    /* The defaults are measurably wrong for this learner, and the fit closes at least 80% of
     * the gap to the true weights' loss (it may even pass it a little: it fits the sample). */
    assert_true(r.before.log_loss - truth.log_loss > 0.002);
    assert_true(r.before.log_loss - r.after.log_loss >= 0.8 * (r.before.log_loss - truth.log_loss));
    assert_true(r.after.log_loss <= truth.log_loss + 0.001);
    assert_true(r.after.rmse_bins < r.before.rmse_bins);
    /* The fitted weights are usable by the scheduler as they are. */
    fsrs_params p = defaults();
    for (int i = 0; i < FSRS_NUM_WEIGHTS; i++)
        p.w[i] = r.w[i];
    assert_null(fsrs_check_params(&p));
    /* The decay, which the history shows most plainly, moves towards the truth (0.25). */
    assert_true(fabs(r.w[20] - synth_true_w[20]) < fabs(fsrs_default_w[20] - synth_true_w[20]));
    synth_free(&s);
}

static void test_too_few_reviews_keep_the_start_weights(void **state)
{
    (void)state;
    synth s;
    assert_int_equal(synth_make(&s, synth_true_w, 60, 3, 5), 0);
    fsrs_optimize_result r;
    assert_int_equal(fsrs_optimize(&s.h, NULL, 1, 1, 1, &r), 0);
    assert_true(r.before.items < FSRS_OPTIMIZE_MIN_ITEMS);
    assert_false(r.fitted);
    for (int i = 0; i < FSRS_NUM_WEIGHTS; i++)
        assert_near(r.w[i], fsrs_default_w[i], 0);
    synth_free(&s);
}

static void test_measures_of_a_hand_made_history(void **state)
{
    (void)state;
    /* One card: Good, then 2 days later recalled (Good), then 10 days later forgotten. */
    const fsrs_review_in rv[] = {{3, 0}, {3, 2}, {1, 10}};
    const size_t starts[] = {0, 3};
    fsrs_history h = {rv, 3, starts, 1};
    fsrs_metrics m;
    assert_int_equal(fsrs_evaluate(&h, fsrs_default_w, 1, &m), 0);
    assert_int_equal(m.items, 2);
    /* R of the second review from S0(Good) after 2 days; the third from the updated S. */
    double r1 = fsrs_retrievability_raw(fsrs_default_w, 2, fsrs_default_w[2]);
    assert_true(m.log_loss > -log(r1) / 2); /* the lapse adds more than the recall */
    /* Two items in different delta-t bins: RMSE is the root mean of each one's own error. */
    assert_true(m.rmse_bins > 0 && m.rmse_bins < 1);
    const size_t none[] = {0};
    fsrs_history empty = {rv, 0, none, 0};
    assert_int_equal(fsrs_evaluate(&empty, fsrs_default_w, 1, &m), 0);
    assert_int_equal(m.items, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fit_beats_the_defaults_and_nears_the_true_weights),
        cmocka_unit_test(test_too_few_reviews_keep_the_start_weights),
        cmocka_unit_test(test_measures_of_a_hand_made_history),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
