/* test_fsrs.c: checks the scheduler (src/engine/fsrs_model.c, fsrs_sched.c) on cases worked by
 * hand from ts-fsrs 5.4.2's code; the bulk comparison with ts-fsrs itself is
 * test_fsrs_conformance.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fsrs.h"

#include "fsrs_testing.h"

static fsrs_outcome rate(const fsrs_params *p, const fsrs_card *c, int g, int days)
{
    fsrs_outcome o;
    assert_int_equal(fsrs_schedule(p, c, g, days, &o), 0);
    return o;
}

static void test_check_params_names_the_bad_field(void **state)
{
    (void)state;
    fsrs_params p = defaults();
    assert_null(fsrs_check_params(&p));
    p.w[3] = -1;
    assert_string_equal(fsrs_check_params(&p), "w3 must be in [0.001, 100], got -1");
    p = defaults();
    p.w[7] = NAN;
    assert_non_null(fsrs_check_params(&p));
    p = defaults();
    p.desired_retention = 1.0;
    assert_string_equal(fsrs_check_params(&p), "desired_retention must be in (0, 1), got 1");
    p = defaults();
    p.maximum_interval = 0;
    assert_string_equal(fsrs_check_params(&p), "maximum_interval must be >= 1, got 0");
    p = defaults();
    p.learning_steps[1] = 0;
    assert_string_equal(fsrs_check_params(&p),
                        "learning_steps step 2 must be 1 minute to 36500 days, got 0 minutes");
    /* w19 may be 0 only without short-term reviews (ts-fsrs, fsrs-rs bounds). */
    p = defaults();
    p.w[19] = 0.0;
    assert_non_null(fsrs_check_params(&p));
    p.short_term = 0;
    assert_null(fsrs_check_params(&p));
}

static void test_retrievability_is_rounded_to_8_decimals(void **state)
{
    (void)state;
    fsrs_params p = defaults();
    assert_near(fsrs_retrievability(&p, 0, 5), 1.0, 0);
    assert_near(fsrs_retrievability(&p, 4, 4), 0.9, 0);
    /* From the reference run: S 8.2956 after 4 days. */
    assert_near(fsrs_retrievability(&p, 4, 8.2956), 0.94205546, 0);
    double r = fsrs_retrievability(&p, 10, 3.3);
    assert_near(r * 1e8, round(r * 1e8), 1e-6);
}

static void test_js_rounding_of_intervals_is_half_up(void **state)
{
    (void)state;
    fsrs_params p = defaults();
    /* retention 0.9: the interval modifier is 1, so the interval is Math.round(S). */
    assert_int_equal(fsrs_next_interval(&p, 2.5, 0), 3); /* Python's round would give 2 */
    assert_int_equal(fsrs_next_interval(&p, 4.5, 0), 5);
    assert_int_equal(fsrs_next_interval(&p, 0.3, 0), 1);
    assert_int_equal(fsrs_next_interval(&p, 1e300, 0), 36500); /* no int overflow */
    p.maximum_interval = 100;
    assert_int_equal(fsrs_next_interval(&p, 500, 0), 100);
}

static void test_new_card_long_term_keeps_the_four_intervals_in_order(void **state)
{
    (void)state;
    fsrs_params p = defaults();
    p.short_term = 0;
    fsrs_outcome o[4];
    fsrs_preview(&p, NULL, 0, o);
    /* S0 = 0.212, 1.2931, 2.3065, 8.2956 -> 1, 1, 2, 8; ordered: 1, 2, 3, 8. */
    const int want[4] = {1, 2, 3, 8};
    for (int g = 0; g < 4; g++) {
        assert_int_equal(o[g].interval, want[g]);
        assert_int_equal(o[g].minutes, 0);
        assert_int_equal(o[g].card.phase, FSRS_REVIEW);
        assert_near(o[g].card.mem.stability, fsrs_default_w[g], 0);
    }
    /* D0(G) = round8(w4 - e^((G-1) w5) + 1); Easy's is clamped to 1. */
    assert_near(o[2].card.mem.difficulty, 2.11810397, 0);
    assert_near(o[3].card.mem.difficulty, 1.0, 0);
}

static void test_new_card_short_term_goes_through_the_steps(void **state)
{
    (void)state;
    fsrs_params p = defaults(); /* steps 1m 10m */
    fsrs_outcome o[4];
    fsrs_preview(&p, NULL, 0, o);
    assert_int_equal(o[0].minutes, 1);  /* Again: the first step */
    assert_int_equal(o[1].minutes, 6);  /* Hard: between the first two */
    assert_int_equal(o[2].minutes, 10); /* Good: the next step */
    assert_int_equal(o[2].card.step, 1);
    assert_int_equal(o[2].card.phase, FSRS_LEARNING);
    assert_int_equal(o[3].minutes, 0); /* Easy graduates at once */
    assert_int_equal(o[3].interval, 8);
    assert_int_equal(o[3].card.phase, FSRS_REVIEW);
    /* Good again 10 minutes later: no step left, so a day interval. */
    fsrs_outcome g = rate(&p, &o[2].card, 3, 0);
    assert_int_equal(g.card.phase, FSRS_REVIEW);
    assert_int_equal(g.minutes, 0);
    assert_true(g.interval >= 1);
    /* Same-day stability: S * max(1, S^-w19 * e^(w17 (G - 3 + w18))). */
    double sinc = pow(2.3065, -0.0658) * exp(0.5425 * 0.0912);
    assert_near(g.card.mem.stability, round(2.3065 * fmax(sinc, 1) * 1e8) / 1e8, 1e-12);
}

static void test_lapse_relearns_then_returns_to_review(void **state)
{
    (void)state;
    fsrs_params p = defaults();
    fsrs_card c = {{10.0, 5.0}, FSRS_REVIEW, 0};
    fsrs_outcome o[4];
    fsrs_preview(&p, &c, 10, o);
    assert_int_equal(o[0].card.phase, FSRS_RELEARNING);
    assert_int_equal(o[0].minutes, 10);
    assert_near(o[0].retrievability, 0.9, 0);
    assert_true(o[1].interval < o[2].interval && o[2].interval < o[3].interval);
    fsrs_outcome back = rate(&p, &o[0].card, 3, 0);
    assert_int_equal(back.card.phase, FSRS_REVIEW);
    assert_true(back.interval >= 1);
    /* No relearning steps: a lapse goes straight to a day interval. */
    p.n_relearning_steps = 0;
    fsrs_outcome a = rate(&p, &c, 1, 10);
    assert_int_equal(a.card.phase, FSRS_REVIEW);
    assert_int_equal(a.minutes, 0);
    assert_true(a.interval >= 1);
}

static void test_long_term_same_day_review_keeps_stability_on_a_pass(void **state)
{
    (void)state;
    fsrs_params p = defaults();
    p.short_term = 0;
    fsrs_card c = {{5.0, 5.0}, FSRS_REVIEW, 0};
    /* t = 0: R = 1, the recall growth is 0; a lapse is capped by S itself. */
    assert_near(rate(&p, &c, 3, 0).card.mem.stability, 5.0, 0);
    assert_true(rate(&p, &c, 1, 0).card.mem.stability <= 5.0);
}

static void test_stability_is_capped_at_36500_days(void **state)
{
    (void)state;
    fsrs_params p = defaults();
    fsrs_card c = {{30000.0, 1.0}, FSRS_REVIEW, 0};
    fsrs_outcome e = rate(&p, &c, 4, 30000);
    assert_near(e.card.mem.stability, FSRS_S_MAX, 0);
    /* Hard is capped at 36500; ts-fsrs then keeps Good and Easy one day apart even past the
     * cap (Good 36501, Easy 36502): followed to the day, as the conformance test wants. */
    fsrs_outcome o[4];
    fsrs_preview(&p, &c, 30000, o);
    assert_int_equal(o[1].interval, 36500);
    assert_int_equal(e.interval, 36502);
}

static void test_fuzz_is_repeatable_and_stays_in_range(void **state)
{
    (void)state;
    fsrs_params p = defaults();
    p.enable_fuzz = 1;
    p.fuzz_seed = 7;
    int first = fsrs_next_interval(&p, 100, 0);
    assert_int_equal(fsrs_next_interval(&p, 100, 0), first);
    for (unsigned long long seed = 0; seed < 200; seed++) {
        p.fuzz_seed = seed;
        int ivl = fsrs_next_interval(&p, 100, 0);
        assert_true(ivl >= 93 && ivl <= 107); /* delta = 1 + 0.675 + 1.3 + 4 = 6.975 */
        assert_int_equal(fsrs_next_interval(&p, 2.2, 0), 2); /* < 2.5: not fuzzed */
        assert_true(fsrs_next_interval(&p, 100, 99) >= 100); /* never before the wait so far */
    }
}

static void test_invalid_rating_changes_nothing(void **state)
{
    (void)state;
    fsrs_params p = defaults();
    fsrs_card c = {{5.0, 5.0}, FSRS_REVIEW, 0};
    fsrs_outcome o;
    assert_int_equal(fsrs_schedule(&p, &c, 5, 3, &o), -1);
    assert_near(o.card.mem.stability, 5.0, 0);
    assert_int_equal(o.interval, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_check_params_names_the_bad_field),
        cmocka_unit_test(test_retrievability_is_rounded_to_8_decimals),
        cmocka_unit_test(test_js_rounding_of_intervals_is_half_up),
        cmocka_unit_test(test_new_card_long_term_keeps_the_four_intervals_in_order),
        cmocka_unit_test(test_new_card_short_term_goes_through_the_steps),
        cmocka_unit_test(test_lapse_relearns_then_returns_to_review),
        cmocka_unit_test(test_long_term_same_day_review_keeps_stability_on_a_pass),
        cmocka_unit_test(test_stability_is_capped_at_36500_days),
        cmocka_unit_test(test_fuzz_is_repeatable_and_stays_in_range),
        cmocka_unit_test(test_invalid_rating_changes_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
