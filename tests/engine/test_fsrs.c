/* test_fsrs.c: checks FSRS-6 (src/engine/fsrs.c) against hand-worked values. */

/*
 * Expected numbers are worked out from the published FSRS-6 equations (py-fsrs v6
 * scheduler.py) with the default weights
 *   w = 0.212 1.2931 2.3065 8.2956 6.4133 0.8334 3.0194 0.001 1.8722 0.1666 0.796
 *       1.4835 0.0614 0.2629 1.6483 0.6014 1.8729 0.5425 0.0912 0.0658 0.1542
 * and these shared intermediates:
 *   factor = 0.9^(-1/w20) - 1 = 0.9^(-6.4850843) - 1 = 0.98034649
 *   D0(4)  = w4 - e^(3*w5) + 1 = 7.4133 - 12.1849307 = -4.77163070 (unclamped)
 * Where a test says "fsrs-rs", the number also appears in fsrs-rs src/model_v6.rs tests.
 */
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

static fsrs_state review(const fsrs_params *p, double s, double d, int rating, double days,
                         int *ivl)
{
    fsrs_state prev = {s, d};
    return fsrs_review(p, &prev, rating, days, ivl);
}

/* ---- parameters ---- */

static void test_default_params_are_the_fsrs6_vector(void **state)
{
    (void)state;
    fsrs_params p = defaults();
    assert_near(p.w[0], 0.212, 0);
    assert_near(p.w[1], 1.2931, 0);
    assert_near(p.w[7], 0.001, 0);
    assert_near(p.w[17], 0.5425, 0);
    assert_near(p.w[20], 0.1542, 0);
    assert_near(p.desired_retention, 0.9, 0);
    assert_int_equal(p.maximum_interval, 36500);
    assert_int_equal(p.enable_fuzz, 0);
    assert_null(fsrs_check_params(&p));
}

static void test_check_params_names_the_bad_weight_and_value(void **state)
{
    (void)state;
    fsrs_params p = defaults();
    p.w[3] = -1;
    assert_string_equal(fsrs_check_params(&p), "w3 must be in [0.001, 100], got -1");
    p = defaults();
    p.w[20] = 0.0; /* would make the decay 1/0 */
    assert_string_equal(fsrs_check_params(&p), "w20 must be in [0.1, 0.8], got 0");
}

static void test_check_params_rejects_nan_weight(void **state)
{
    (void)state;
    fsrs_params p = defaults();
    p.w[8] = NAN;
    assert_string_equal(fsrs_check_params(&p), "w8 must be in [0, 4.5], got nan");
}

static void test_check_params_wants_retention_strictly_between_0_and_1(void **state)
{
    (void)state;
    fsrs_params p = defaults();
    p.desired_retention = 1.0;
    assert_string_equal(fsrs_check_params(&p), "desired_retention must be in (0, 1), got 1");
    p.desired_retention = 0.0;
    assert_string_equal(fsrs_check_params(&p), "desired_retention must be in (0, 1), got 0");
    p.desired_retention = 0.7;
    assert_null(fsrs_check_params(&p));
}

static void test_check_params_wants_maximum_interval_at_least_1(void **state)
{
    (void)state;
    fsrs_params p = defaults();
    p.maximum_interval = 0;
    assert_string_equal(fsrs_check_params(&p), "maximum_interval must be >= 1, got 0");
    p.maximum_interval = 1;
    assert_null(fsrs_check_params(&p));
}

/* ---- new cards ---- */

static void test_new_card_stability_is_w_of_rating_minus_1(void **state)
{
    (void)state;
    fsrs_params p = defaults();
    static const double s0[4] = {0.212, 1.2931, 2.3065, 8.2956}; /* w0..w3 */
    for (int g = 1; g <= 4; g++)
        assert_near(fsrs_review(&p, NULL, g, 0, NULL).stability, s0[g - 1], 0);
}

static void test_new_card_difficulty_follows_d0_and_clamps_easy_to_1(void **state)
{
    (void)state;
    fsrs_params p = defaults();
    /* D0(G) = w4 - e^(w5*(G-1)) + 1 = 7.4133 - e^(0.8334*(G-1)) */
    assert_near(fsrs_review(&p, NULL, 1, 0, NULL).difficulty, 6.4133, TOL); /* 7.4133 - 1 */
    assert_near(fsrs_review(&p, NULL, 2, 0, NULL).difficulty, 5.112170705601055,
                TOL); /* 7.4133 - 2.30112929 */
    assert_near(fsrs_review(&p, NULL, 3, 0, NULL).difficulty, 2.118103970459015,
                TOL); /* 7.4133 - 5.29519603 */
    assert_near(fsrs_review(&p, NULL, 4, 0, NULL).difficulty, 1.0,
                0); /* 7.4133 - 12.18493070 = -4.77 -> clamped to 1 */
}

static void test_new_card_interval_comes_from_initial_stability(void **state)
{
    (void)state;
    fsrs_params p = defaults();
    int ivl = -1;
    fsrs_review(&p, NULL, 4, 0, &ivl);
    assert_int_equal(ivl, 8); /* S0(4) = 8.2956 -> round(8.2956) */
    fsrs_review(&p, NULL, 1, 0, &ivl);
    assert_int_equal(ivl, 1); /* round(0.212) = 0 -> at least 1 */
}

/* ---- forgetting curve ---- */

static void test_retrievability_is_1_right_after_review(void **state)
{
    (void)state;
    fsrs_params p = defaults();
    assert_near(fsrs_retrievability(&p, 0, 5), 1.0, 0);
}

static void test_retrievability_is_90_percent_when_elapsed_equals_stability(void **state)
{
    (void)state;
    fsrs_params p = defaults();
    static const double s[] = {0.5, 1, 2.3065, 5, 17.25, 365, 10000};
    for (size_t i = 0; i < sizeof s / sizeof s[0]; i++)
        assert_near(fsrs_retrievability(&p, s[i], s[i]), 0.9, 1e-12);
    p.w[20] = 0.5; /* any decay: factor is built to make R(S) = 0.9 */
    assert_near(fsrs_retrievability(&p, 42, 42), 0.9, 1e-12);
}

static void test_retrievability_follows_the_power_curve_between_points(void **state)
{
    (void)state;
    fsrs_params p = defaults();
    /* t=10, S=5: (1 + 0.98034649*2)^-0.1542 = 2.96069299^-0.1542 */
    assert_near(fsrs_retrievability(&p, 10, 5), 0.8458846451494336, TOL);
    /* t=3, S=7: (1 + 0.98034649*3/7)^-0.1542 = 1.42014850^-0.1542 */
    assert_near(fsrs_retrievability(&p, 3, 7), 0.9473492909647324, TOL);
    /* fsrs-rs test_power_forgetting_curve: t=1, S=2 -> 0.9403443 (f32) */
    assert_near(fsrs_retrievability(&p, 1, 2), 0.9403443, 1e-6);
}

static void test_retrievability_treats_negative_elapsed_as_zero(void **state)
{
    (void)state;
    fsrs_params p = defaults();
    assert_near(fsrs_retrievability(&p, -3, 5), 1.0, 0);
    assert_true(isfinite(fsrs_retrievability(&p, 1, 0))); /* S floored at 0.001, no 1/0 */
}

/* ---- intervals ---- */

static void test_interval_is_rounded_stability_at_90_percent(void **state)
{
    (void)state;
    fsrs_params p = defaults();
    /* At r = 0.9 the inverse curve is S * (0.9^(-1/w20) - 1)/factor = S exactly. */
    assert_int_equal(fsrs_next_interval(&p, 12.3), 12);
    assert_int_equal(fsrs_next_interval(&p, 3.7), 4);
    assert_int_equal(fsrs_next_interval(&p, 100), 100);
}

static void test_interval_rounds_halves_to_even_like_python(void **state)
{
    (void)state;
    fsrs_params p = defaults();
    assert_int_equal(fsrs_next_interval(&p, 2.5), 2); /* round(2.5) = 2 in Python 3 */
    assert_int_equal(fsrs_next_interval(&p, 3.5), 4); /* round(3.5) = 4 */
    assert_int_equal(fsrs_next_interval(&p, 4.5), 4); /* round(4.5) = 4 */
}

static void test_interval_at_80_percent_retention_is_longer(void **state)
{
    (void)state;
    fsrs_params p = defaults();
    p.desired_retention = 0.8;
    /* days = S/factor * (0.8^(-1/w20) - 1) = S * 3.25078955/0.98034649 = S * 3.31595979 */
    assert_int_equal(fsrs_next_interval(&p, 12.3), 41);  /* 40.786 */
    assert_int_equal(fsrs_next_interval(&p, 10), 33);    /* 33.160 */
    assert_int_equal(fsrs_next_interval(&p, 100), 332);  /* 331.596 */
    assert_int_equal(fsrs_next_interval(&p, 0.2), 1);    /* 0.663 -> round 1 */
}

static void test_interval_is_at_least_one_day(void **state)
{
    (void)state;
    fsrs_params p = defaults();
    assert_int_equal(fsrs_next_interval(&p, 0.3), 1); /* round(0.3) = 0 -> 1 */
    assert_int_equal(fsrs_next_interval(&p, 0), 1);
}

static void test_interval_is_clamped_to_maximum_interval(void **state)
{
    (void)state;
    fsrs_params p = defaults();
    assert_int_equal(fsrs_next_interval(&p, 1e6), 36500);
    assert_int_equal(fsrs_next_interval(&p, 1e300), 36500); /* no int overflow */
    p.maximum_interval = 100;
    assert_int_equal(fsrs_next_interval(&p, 500), 100);
    int ivl = 0;
    review(&p, 90, 5, 4, 90, &ivl); /* Easy on a 90-day card: S grows far past 100 */
    assert_int_equal(ivl, 100);
}

static void test_fuzz_draws_from_the_reference_range_by_seed(void **state)
{
    (void)state;
    fsrs_params p = defaults();
    p.enable_fuzz = 1;
    /* ivl 100: delta = 1 + 0.15*(7-2.5) + 0.10*(20-7) + 0.05*(100-20) = 6.975,
     * range [round(93.025), round(106.975)] = [93, 107], 15 days.
     * SplitMix64(0) first output 0xE220A8397B1DCDAF -> u = 0.88331081;
     * 93 + floor(0.88331081 * 15) = 93 + 13 = 106. */
    p.fuzz_seed = 0;
    assert_int_equal(fsrs_next_interval(&p, 100), 106);
    assert_int_equal(fsrs_next_interval(&p, 100), 106); /* same seed, same day */
    int lo = 1000, hi = 0;
    for (unsigned long long seed = 1; seed <= 2000; seed++) {
        p.fuzz_seed = seed;
        int ivl = fsrs_next_interval(&p, 100);
        lo = ivl < lo ? ivl : lo;
        hi = ivl > hi ? ivl : hi;
    }
    assert_int_equal(lo, 93);
    assert_int_equal(hi, 107);
}

static void test_fuzz_leaves_short_intervals_and_the_cap_alone(void **state)
{
    (void)state;
    fsrs_params p = defaults();
    p.enable_fuzz = 1;
    for (unsigned long long seed = 0; seed < 200; seed++) {
        p.fuzz_seed = seed;
        assert_int_equal(fsrs_next_interval(&p, 2.2), 2); /* < 2.5: not fuzzed */
        p.maximum_interval = 100;
        assert_true(fsrs_next_interval(&p, 1000) <= 100);
        p.maximum_interval = 36500;
    }
}

/* ---- existing cards: stability ---- */

static void test_recall_stability_for_hard_good_easy(void **state)
{
    (void)state;
    fsrs_params p = defaults();
    /* S=5, D=5, t=5 so R = 0.9. Growth term:
     * e^w8 * (11-D) * S^-w9 * (e^(w10*(1-R)) - 1)
     *   = 6.50258636 * 6 * 0.76480655 * 0.08285384 = 2.47230254 */
    assert_near(review(&p, 5, 5, 2, 5, NULL).stability, 12.43421374353935,
                1e-9); /* 5 * (1 + 2.47230254 * 0.6014) */
    assert_near(review(&p, 5, 5, 3, 5, NULL).stability, 17.36151270957657,
                1e-9); /* 5 * (1 + 2.47230254) */
    assert_near(review(&p, 5, 5, 4, 5, NULL).stability, 28.151877153765955,
                1e-9); /* 5 * (1 + 2.47230254 * 1.8729) */
}

static void test_recall_stability_grows_more_when_recalled_later(void **state)
{
    (void)state;
    fsrs_params p = defaults();
    /* t=10: R = 0.84588465, e^(0.796*0.15411535) - 1 = 0.13038... -> 5 * (1 + 3.8945651) */
    assert_near(review(&p, 5, 5, 3, 10, NULL).stability, 24.472825352527693, 1e-9);
}

static void test_forget_stability_uses_long_term_formula_below_cap(void **state)
{
    (void)state;
    fsrs_params p = defaults();
    /* S=5, D=5, R=0.9:
     * w11 * D^-w12 * ((S+1)^w13 - 1) * e^(w14*(1-R))
     *   = 1.4835 * 0.90590622 * 0.60168078 * 1.17919264 = 0.95350218;
     * cap S / e^(w17*w18) = 5 / 1.05072037 = 4.75864 is larger, so not used. */
    assert_near(review(&p, 5, 5, 1, 5, NULL).stability, 0.953502178130594, 1e-9);
}

static void test_forget_stability_is_capped_by_same_day_again_value(void **state)
{
    (void)state;
    fsrs_params p = defaults();
    p.w[17] = 1.0;
    p.w[18] = 2.0;
    /* Same long-term value 0.95350218, but cap = 5 / e^(1*2) = 0.67667642 wins. */
    assert_near(review(&p, 5, 5, 1, 5, NULL).stability, 0.6766764161830634, 1e-9);
    /* Defaults, S=0.01, D=1, t=365: R = (1 + 0.98034649*36500)^-0.1542 = 0.19852803;
     * long-term 1.4835 * 1 * (1.01^0.2629 - 1) * e^(1.6483*0.80147197) = 0.01456182;
     * cap 0.01 / 1.05072037 = 0.00951728 wins. */
    p = defaults();
    assert_near(review(&p, 0.01, 1, 1, 365, NULL).stability, 0.009517279993343508, 1e-12);
}

static void test_two_reviews_match_fsrs_rs_forward_pass(void **state)
{
    (void)state;
    fsrs_params p = defaults();
    /* fsrs-rs test_forward: first rating G on a new card, the same G one day later. */
    static const double s[4] = {0.10088589, 3.2494123, 7.3153, 18.014914};
    static const double d[4] = {8.806304, 6.7404594, 2.1112142, 1.0};
    for (int g = 1; g <= 4; g++) {
        fsrs_state first = fsrs_review(&p, NULL, g, 0, NULL);
        fsrs_state second = fsrs_review(&p, &first, g, 1, NULL);
        assert_near(second.stability, s[g - 1], 2e-5 * s[g - 1]);
        assert_near(second.difficulty, d[g - 1], 1e-5);
    }
}

/* ---- existing cards: difficulty ---- */

static void test_difficulty_update_damps_and_reverts_to_d0_easy(void **state)
{
    (void)state;
    fsrs_params p = defaults();
    /* D=5: dD = -w6*(G-3); D'' = D + (10-D)*dD/9; D' = w7*D0(4) + (1-w7)*D''
     *   = 0.001*(-4.77163070) + 0.999*D''.  (fsrs-rs test_next_difficulty agrees.) */
    assert_near(review(&p, 5, 5, 1, 5, NULL).difficulty, 8.341762369296838,
                TOL); /* D'' = 5 + 5*6.0388/9 = 8.35488889 */
    assert_near(review(&p, 5, 5, 2, 5, NULL).difficulty, 6.665995369296838,
                TOL); /* D'' = 5 + 5*3.0194/9 = 6.67744444 */
    assert_near(review(&p, 5, 5, 3, 5, NULL).difficulty, 4.9902283692968386,
                TOL); /* D'' = 5 */
    assert_near(review(&p, 5, 5, 4, 5, NULL).difficulty, 3.3144613692968385,
                TOL); /* D'' = 5 - 5*3.0194/9 = 3.32255556 */
}

static void test_mean_reversion_targets_the_unclamped_d0_easy(void **state)
{
    (void)state;
    fsrs_params p = defaults();
    p.w[7] = 0.5;
    /* D=10, Good: D'' = 10; D' = 0.5*(-4.77163070) + 0.5*10 = 2.61418465.
     * (A clamped D0(4) = 1 would give 5.5.) */
    assert_near(review(&p, 5, 10, 3, 5, NULL).difficulty, 2.6141846484191316, TOL);
}

static void test_difficulty_is_clamped_at_1(void **state)
{
    (void)state;
    fsrs_params p = defaults();
    /* D=1, Easy: D'' = 1 + 9*(-3.0194)/9 = -2.0194 -> reverted -2.0221 -> 1 */
    assert_near(review(&p, 5, 1, 4, 5, NULL).difficulty, 1.0, 0);
}

/* ---- same-day reviews ---- */

static void test_same_day_review_uses_short_term_stability(void **state)
{
    (void)state;
    fsrs_params p = defaults();
    /* S' = S * e^(w17*(G-3+w18)) * S^-w19, with S^-w19 = 5^-0.0658 = 0.89951368 */
    assert_near(review(&p, 5, 5, 1, 0, NULL).stability, 1.5968179979869213,
                TOL); /* 5 * 0.35504029 * 0.89951368 */
    assert_near(review(&p, 5, 5, 2, 0, NULL).stability, 2.7470095889223867,
                TOL); /* 5 * 0.61077661 * 0.89951368 (Hard may shrink S) */
    assert_near(review(&p, 5, 5, 3, 0, NULL).stability, 5.0,
                0); /* 1.05072037 * 0.89951368 = 0.9451 < 1 -> floored at 1 */
    assert_near(review(&p, 5, 5, 4, 0, NULL).stability, 8.129609559916114,
                TOL); /* 5 * 1.80755662 * 0.89951368 */
}

static void test_same_day_review_still_updates_difficulty(void **state)
{
    (void)state;
    fsrs_params p = defaults();
    assert_near(review(&p, 5, 5, 1, 0, NULL).difficulty, 8.341762369296838, TOL);
}

static void test_less_than_a_whole_day_counts_as_same_day(void **state)
{
    (void)state;
    fsrs_params p = defaults();
    /* py-fsrs counts timedelta.days, so 0.9 days is day 0 and 1.9 days is day 1. */
    assert_near(review(&p, 5, 5, 4, 0.9, NULL).stability, 8.129609559916114, TOL);
    fsrs_state one = review(&p, 5, 5, 3, 1.0, NULL);
    assert_near(review(&p, 5, 5, 3, 1.9, NULL).stability, one.stability, 0);
}

static void test_invalid_rating_changes_nothing(void **state)
{
    (void)state;
    fsrs_params p = defaults();
    int ivl = 7;
    fsrs_state st = review(&p, 5, 5, 0, 3, &ivl);
    assert_near(st.stability, 5, 0);
    assert_near(st.difficulty, 5, 0);
    assert_int_equal(ivl, 0);
    st = fsrs_review(&p, NULL, 5, 0, &ivl);
    assert_near(st.stability, 0, 0);
    assert_int_equal(ivl, 0);
}

/* ---- a whole card history ---- */

static void test_replay_of_six_reviews(void **state)
{
    (void)state;
    fsrs_params p = defaults();
    /* Each review waits the interval the previous one gave, except the same-day (0),
     * next-day (1) and late (10) ones. Checked with a throwaway Python transcription of
     * the py-fsrs equations (double precision). g(...) is the recall growth term
     * e^w8 * (11-D) * S^-w9 * (e^(w10*(1-R)) - 1); "rev" is 0.001*D0(4) + 0.999*D''.
     * 1 new, Good:  S = w2 = 2.3065, D = D0(3) = 2.11810397, ivl round(2.3065) = 2
     * 2 t=2, Good:  R = (1 + 0.98034649*2/2.3065)^-0.1542 = 0.90949326
     *               g = 6.50258636*8.88189603*2.3065^-0.1666*(e^(0.796*0.09050674)-1)
     *                 = 3.75366674 -> S = 2.3065*4.75366674 = 10.96433234, ivl 11
     *               D = rev(2.11810397) = -0.00477163 + 2.11598587 = 2.11121424
     * 3 t=11, Again: R = (1 + 0.98034649*11/10.96433234)^-0.1542 = 0.89977672
     *               long = 1.4835*2.11121424^-0.0614*(11.96433234^0.2629-1)
     *                      *e^(1.6483*0.10022328) = 1.53833724
     *               cap = 10.96433234/1.05072037 = 10.43506208 -> S = 1.53833724, ivl 2
     *               D = rev(2.11121424 + 7.88878576*6.0388/9) = 7.39223813
     * 4 t=0, Good:  same day, 1.05072037*1.53833724^-0.0658 = 1.02136074 >= 1
     *               -> S = 1.57119726, ivl 2; D = rev(7.39223813) = 7.38007426
     * 5 t=1, Hard:  R = (1 + 0.98034649/1.57119726)^-0.1542 = 0.92796106
     *               g = 6.50258636*3.61992574*1.57119726^-0.1666*(e^(0.796*0.07203894)-1)
     *                 = 1.28850330 -> S = 1.57119726*(1 + 1.28850330*0.6014) = 2.78872727
     *               D = rev(7.38007426 + 2.61992574*3.0194/9) = 8.24599958, ivl 3
     * 6 t=10, Easy: R = (1 + 0.98034649*10/2.78872727)^-0.1542 = 0.79258525
     *               g = 6.50258636*2.75400042*2.78872727^-0.1666*(e^(0.796*0.20741475)-1)
     *                 = 2.70983483 -> S = 2.78872727*(1 + 2.70983483*1.8729) = 16.94221437
     *               D = rev(8.24599958 - 1.75400042*3.0194/9) = 7.64512274, ivl 17 */
    static const struct { int rating; double days; double s, d; int ivl; } want[6] = {
        {3, 0, 2.3065, 2.118103970459015, 2},
        {3, 2, 10.964332335820703, 2.1112142357853942, 11},
        {1, 11, 1.5383372358832696, 7.392238132342694, 2},
        {3, 0, 1.57119726342993, 7.38007426350719, 2},
        {2, 1, 2.78872726916042, 8.24599957687359, 3},
        {4, 10, 16.942214374300637, 7.6451227411813, 17},
    };
    fsrs_state st = {0, 0};
    for (int i = 0; i < 6; i++) {
        int ivl = 0;
        st = fsrs_review(&p, i == 0 ? NULL : &st, want[i].rating, want[i].days, &ivl);
        assert_near(st.stability, want[i].s, 1e-9);
        assert_near(st.difficulty, want[i].d, 1e-9);
        assert_int_equal(ivl, want[i].ivl);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_default_params_are_the_fsrs6_vector),
        cmocka_unit_test(test_check_params_names_the_bad_weight_and_value),
        cmocka_unit_test(test_check_params_rejects_nan_weight),
        cmocka_unit_test(test_check_params_wants_retention_strictly_between_0_and_1),
        cmocka_unit_test(test_check_params_wants_maximum_interval_at_least_1),
        cmocka_unit_test(test_new_card_stability_is_w_of_rating_minus_1),
        cmocka_unit_test(test_new_card_difficulty_follows_d0_and_clamps_easy_to_1),
        cmocka_unit_test(test_new_card_interval_comes_from_initial_stability),
        cmocka_unit_test(test_retrievability_is_1_right_after_review),
        cmocka_unit_test(test_retrievability_is_90_percent_when_elapsed_equals_stability),
        cmocka_unit_test(test_retrievability_follows_the_power_curve_between_points),
        cmocka_unit_test(test_retrievability_treats_negative_elapsed_as_zero),
        cmocka_unit_test(test_interval_is_rounded_stability_at_90_percent),
        cmocka_unit_test(test_interval_rounds_halves_to_even_like_python),
        cmocka_unit_test(test_interval_at_80_percent_retention_is_longer),
        cmocka_unit_test(test_interval_is_at_least_one_day),
        cmocka_unit_test(test_interval_is_clamped_to_maximum_interval),
        cmocka_unit_test(test_fuzz_draws_from_the_reference_range_by_seed),
        cmocka_unit_test(test_fuzz_leaves_short_intervals_and_the_cap_alone),
        cmocka_unit_test(test_recall_stability_for_hard_good_easy),
        cmocka_unit_test(test_recall_stability_grows_more_when_recalled_later),
        cmocka_unit_test(test_forget_stability_uses_long_term_formula_below_cap),
        cmocka_unit_test(test_forget_stability_is_capped_by_same_day_again_value),
        cmocka_unit_test(test_two_reviews_match_fsrs_rs_forward_pass),
        cmocka_unit_test(test_difficulty_update_damps_and_reverts_to_d0_easy),
        cmocka_unit_test(test_mean_reversion_targets_the_unclamped_d0_easy),
        cmocka_unit_test(test_difficulty_is_clamped_at_1),
        cmocka_unit_test(test_same_day_review_uses_short_term_stability),
        cmocka_unit_test(test_same_day_review_still_updates_difficulty),
        cmocka_unit_test(test_less_than_a_whole_day_counts_as_same_day),
        cmocka_unit_test(test_invalid_rating_changes_nothing),
        cmocka_unit_test(test_replay_of_six_reviews),
    };
    return cmocka_run_group_tests_name("fsrs", tests, NULL, NULL);
}
