/* test_grade_choice.c: choice lists, multiple answers and orderings (src/engine/grade_choice.c), one table of cases per rule. */
#include "grade_testing.h"

/* ------------------------------------------------------------------ choices */

static void test_choice_lists_parse(void **state)
{
    static const struct { const char *in; int n, max, count, idx[5]; } cases[] = {
        {"b", 4, 8, 1, {1}},
        {"B", 4, 8, 1, {1}},
        {"a,c", 4, 8, 2, {0, 2}},
        {"a c", 4, 8, 2, {0, 2}},
        {"1 3", 4, 8, 2, {0, 2}},
        {"a and c", 4, 8, 2, {0, 2}},
        {"A, C", 4, 8, 2, {0, 2}},
        {"a;c", 4, 8, 2, {0, 2}},
        {"(a) (c)", 4, 8, 2, {0, 2}},
        {"a/c", 4, 8, 2, {0, 2}},
        {"b.", 4, 8, 1, {1}},
        {"c, a", 4, 8, 2, {2, 0}},        /* order of first appearance */
        {"a a c a", 4, 8, 2, {0, 2}},     /* duplicates collapse */
        {"cabd", 4, 8, 4, {2, 0, 1, 3}},
        {"4", 4, 8, 1, {3}},
        {"\uff22", 4, 8, 1, {1}},          /* full-width B */
        {"27", 30, 8, 1, {26}},
        {"", 4, 8, 0, {0}},
        {"   ", 4, 8, 0, {0}},
        {"e", 4, 8, -1, {0}},             /* out of range */
        {"5", 4, 8, -1, {0}},
        {"0", 4, 8, -1, {0}},
        {"a or b", 4, 8, -1, {0}},
        {"a-c", 4, 8, -1, {0}},
        {"maybe b", 4, 8, -1, {0}},
        {"\u0628", 4, 8, -1, {0}},
        {"a b c", 4, 2, -1, {0}},         /* more than max_out */
        {"a", 0, 8, -1, {0}},
    };
    size_t i;
    (void)state;
    for (i = 0; i < N_OF(cases); i++) {
        int out[8], k, n = grade_parse_choices(cases[i].in, cases[i].n, out, cases[i].max);
        if (n != cases[i].count)
            fail_msg("case %zu \"%s\": count %d, want %d", i, cases[i].in, n, cases[i].count);
        for (k = 0; k < n; k++)
            if (out[k] != cases[i].idx[k])
                fail_msg("case %zu \"%s\": out[%d] = %d, want %d", i, cases[i].in, k, out[k], cases[i].idx[k]);
    }
}

static void test_choice_garbage_is_rejected_or_in_range(void **state)
{
    char *k100 = random_bytes(100 * 1024);
    size_t i;
    int out[26];
    (void)state;
    assert_int_equal(grade_parse_choices(k100, 4, out, 26), -1);
    assert_int_equal(grade_parse_choices(NULL, 4, out, 26), -1);
    for (i = 0; i < 300; i++) {
        char *g = random_bytes(rng() % 1200);
        int n = grade_parse_choices(g, 4, out, 26), k;
        if (n < -1 || n > 4)
            fail_msg("random case %zu: count %d", i, n);
        for (k = 0; k < n; k++)
            assert_in_range(out[k], 0, 3);
        free(g);
    }
    free(k100);
}

/* ------------------------------------------------------------------ sets */

static void test_multiple_answer_partial_credit(void **state)
{
    static const struct { int given[6], ng, correct[4], nc; grade_verdict v; double score; } cases[] = {
        {{0, 2}, 2, {0, 2}, 2, GRADE_CORRECT, 1},
        {{2, 0}, 2, {0, 2}, 2, GRADE_CORRECT, 1},
        {{0, 0, 2}, 3, {0, 2}, 2, GRADE_CORRECT, 1},     /* duplicates collapse */
        {{0}, 1, {0, 2}, 2, GRADE_NEAR, 0.5},
        {{0, 2, 1}, 3, {0, 2}, 2, GRADE_NEAR, 0.5},
        {{0, 1}, 2, {0, 2}, 2, GRADE_WRONG, 0},          /* one right, one wrong */
        {{1, 3}, 2, {0, 2}, 2, GRADE_WRONG, 0},
        {{0, 1, 2, 3}, 4, {0, 2}, 2, GRADE_WRONG, 0},    /* ticking everything earns nothing */
        {{0}, 0, {0, 2}, 2, GRADE_WRONG, 0},             /* nothing chosen */
        {{0, 1}, 2, {0, 1, 2}, 3, GRADE_NEAR, 2.0 / 3},
        {{0, 1, 3}, 3, {0, 1, 2}, 3, GRADE_NEAR, 1.0 / 3},
        {{5}, 1, {0}, 1, GRADE_WRONG, 0},                /* out of range counts as wrong */
    };
    size_t i;
    (void)state;
    for (i = 0; i < N_OF(cases); i++) {
        grade_result r = grade_set(cases[i].given, cases[i].ng, cases[i].correct, cases[i].nc, 4);
        check_result(&r, "set", i, cases[i].v, cases[i].score);
    }
}

static void test_multiple_answer_feedback_lists_what_was_missed(void **state)
{
    static const struct { int given[4], ng; const char *must; } cases[] = {
        {{0}, 1, "missed C"},
        {{0, 1}, 2, "wrongly chose B"},
        {{3}, 1, "missed A, C"},
        {{0, 2}, 2, "A, C"},
    };
    static const int correct[] = {0, 2};
    size_t i;
    (void)state;
    for (i = 0; i < N_OF(cases); i++) {
        grade_result r = grade_set(cases[i].given, cases[i].ng, correct, 2, 4);
        check_contains(r.feedback, cases[i].must, "set feedback", i);
    }
}

/* ------------------------------------------------------------------ orderings */

static void test_ordering_partial_credit_by_pairs(void **state)
{
    static const struct { int given[5], ng, correct[5], n; grade_verdict v; double score; } cases[] = {
        {{0, 1, 2, 3}, 4, {0, 1, 2, 3}, 4, GRADE_CORRECT, 1},
        {{1, 0, 2, 3}, 4, {0, 1, 2, 3}, 4, GRADE_NEAR, 5.0 / 6},
        {{0, 1, 3, 2}, 4, {0, 1, 2, 3}, 4, GRADE_NEAR, 5.0 / 6},
        {{0, 2, 1, 3}, 4, {0, 1, 2, 3}, 4, GRADE_NEAR, 5.0 / 6},
        {{0, 1, 2}, 3, {0, 1, 2, 3}, 4, GRADE_NEAR, 3.0 / 6},     /* an item left out */
        {{2, 3, 0, 1}, 4, {0, 1, 2, 3}, 4, GRADE_WRONG, 2.0 / 6},
        {{3, 2, 1, 0}, 4, {0, 1, 2, 3}, 4, GRADE_WRONG, 0},
        {{0}, 0, {0, 1, 2, 3}, 4, GRADE_WRONG, 0},
        {{2, 0, 1}, 3, {2, 0, 1}, 3, GRADE_CORRECT, 1},
        {{0, 2, 1}, 3, {2, 0, 1}, 3, GRADE_NEAR, 2.0 / 3},
        {{0, 1, 2}, 3, {2, 0, 1}, 3, GRADE_WRONG, 1.0 / 3},
        {{1, 0}, 2, {0, 1}, 2, GRADE_WRONG, 0},
        {{0}, 1, {0}, 1, GRADE_CORRECT, 1},
    };
    size_t i;
    (void)state;
    for (i = 0; i < N_OF(cases); i++) {
        grade_result r = grade_order(cases[i].given, cases[i].ng, cases[i].correct, cases[i].n);
        check_result(&r, "order", i, cases[i].v, cases[i].score);
    }
}

static void test_ordering_from_parsed_answer(void **state)
{
    static const struct { const char *answer; grade_verdict v; } cases[] = {
        {"c a b d", GRADE_CORRECT}, {"cabd", GRADE_CORRECT}, {"3, 1, 2, 4", GRADE_CORRECT},
        {"a c b d", GRADE_NEAR},    {"d b a c", GRADE_WRONG},
    };
    static const int correct[] = {2, 0, 1, 3};
    size_t i;
    (void)state;
    for (i = 0; i < N_OF(cases); i++) {
        int given[4], n = grade_parse_choices(cases[i].answer, 4, given, 4);
        grade_result r = grade_order(given, n, correct, 4);
        if (r.verdict != cases[i].v)
            fail_msg("case %zu \"%s\": %s", i, cases[i].answer, verdict_names[r.verdict]);
        check_contains(r.feedback, "C, A, B, D", "order feedback", i);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_choice_lists_parse),
        cmocka_unit_test(test_choice_garbage_is_rejected_or_in_range),
        cmocka_unit_test(test_multiple_answer_partial_credit),
        cmocka_unit_test(test_multiple_answer_feedback_lists_what_was_missed),
        cmocka_unit_test(test_ordering_partial_credit_by_pairs),
        cmocka_unit_test(test_ordering_from_parsed_answer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
