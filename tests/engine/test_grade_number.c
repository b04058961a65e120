/* test_grade_number.c: reading and grading numbers (src/engine/grade_number.c), one table of cases per rule. */
#include "grade_testing.h"

/* ------------------------------------------------------------------ numbers */

typedef struct {
    const char *answer;
    double value;
    int approx;
    grade_verdict v;
    double score;
} number_case;

static void run_number_table(const number_case *cases, size_t n, const char *label)
{
    size_t i;
    for (i = 0; i < n; i++) {
        grade_result r = grade_number(cases[i].answer, cases[i].value, cases[i].approx);
        check_result(&r, label, i, cases[i].v, cases[i].score);
    }
}

static void test_number_forms_are_read(void **state)
{
    static const number_case cases[] = {
        {"3000", 3000, 0, GRADE_CORRECT, 1},
        {"3,000", 3000, 0, GRADE_CORRECT, 1},
        {"3 000", 3000, 0, GRADE_CORRECT, 1},
        {"3\u00a0000", 3000, 0, GRADE_CORRECT, 1},
        {"3\u2009000", 3000, 0, GRADE_CORRECT, 1},
        {"3\u202f000", 3000, 0, GRADE_CORRECT, 1},
        {"3.000", 3000, 0, GRADE_WRONG, 0},   /* a point is a decimal point: three */
        {"3.000", 3, 0, GRADE_CORRECT, 1},
        {"about 3000", 3000, 0, GRADE_CORRECT, 1},
        {"~3000", 3000, 0, GRADE_CORRECT, 1},
        {"approximately 3,000", 3000, 0, GRADE_CORRECT, 1},
        {"approx. 3000", 3000, 0, GRADE_CORRECT, 1},
        {"c. 3000", 3000, 0, GRADE_CORRECT, 1},
        {"\u2248 3000", 3000, 0, GRADE_CORRECT, 1},
        {"3000 members", 3000, 0, GRADE_CORRECT, 1},
        {"3k", 3000, 0, GRADE_CORRECT, 1},
        {"3 thousand", 3000, 0, GRADE_CORRECT, 1},
        {"+3000", 3000, 0, GRADE_CORRECT, 1},
        {"-5", -5, 0, GRADE_CORRECT, 1},
        {"2.5", 2.5, 0, GRADE_CORRECT, 1},
        {"2.50", 2.5, 0, GRADE_CORRECT, 1},
        {".5", 0.5, 0, GRADE_CORRECT, 1},
        {"3,00,000", 300000, 0, GRADE_CORRECT, 1},
        {"3 lakh", 300000, 0, GRADE_CORRECT, 1},
        {"1.5 million", 1500000, 0, GRADE_CORRECT, 1},
        {"2 crore", 20000000, 0, GRADE_CORRECT, 1},
        {"45%", 45, 0, GRADE_CORRECT, 1},
        {"\u06f3\u06f0\u06f0\u06f0", 3000, 0, GRADE_CORRECT, 1},  /* ۳۰۰۰ */
        {"\u06f2\u066b\u06f5", 2.5, 0, GRADE_CORRECT, 1},        /* ۲٫۵ */
        {"3001", 3000, 0, GRADE_WRONG, 0},
        {"2999", 3000, 0, GRADE_WRONG, 0},
        {"three thousand", 3000, 0, GRADE_UNCLEAR, 0}, /* not read: asked again */
        {"abc", 3000, 0, GRADE_UNCLEAR, 0},
        {"true", 3000, 0, GRADE_UNCLEAR, 0},
        {"", 3000, 0, GRADE_WRONG, 0},
        {NULL, 3000, 0, GRADE_WRONG, 0},
    };
    (void)state;
    run_number_table(cases, N_OF(cases), "number form");
}

static void test_number_approximate_tolerances(void **state)
{
    static const number_case cases[] = {
        {"3000", 3000, 1, GRADE_CORRECT, 1},
        {"3300", 3000, 1, GRADE_CORRECT, 1},  /* +10% */
        {"2700", 3000, 1, GRADE_CORRECT, 1},  /* -10% */
        {"3301", 3000, 1, GRADE_NEAR, 0.5},
        {"3750", 3000, 1, GRADE_NEAR, 0.5},   /* +25% */
        {"2250", 3000, 1, GRADE_NEAR, 0.5},   /* -25% */
        {"3751", 3000, 1, GRADE_WRONG, 0},
        {"2249", 3000, 1, GRADE_WRONG, 0},
        {"4000", 3000, 1, GRADE_WRONG, 0},
        {"0", 3000, 1, GRADE_WRONG, 0},
        {"3 thousand", 3000, 1, GRADE_CORRECT, 1},
        {"0", 0, 1, GRADE_CORRECT, 1},
        {"3300", 3000, 0, GRADE_WRONG, 0},    /* exact facts have no tolerance */
    };
    (void)state;
    run_number_table(cases, N_OF(cases), "approximate");
}

static void test_number_unreadable_forms_are_unclear(void **state)
{
    static const number_case cases[] = {
        {"3,5", 3000, 1, GRADE_UNCLEAR, 0},
        {"30,00", 3000, 1, GRADE_UNCLEAR, 0},
        {"3000-4000", 3000, 1, GRADE_UNCLEAR, 0},
        {"3000 or 4000", 3000, 1, GRADE_UNCLEAR, 0},
        {"1948 3000", 3000, 1, GRADE_UNCLEAR, 0},
    };
    (void)state;
    run_number_table(cases, N_OF(cases), "unclear number");
}

static void test_number_garbage_is_never_correct(void **state)
{
    char *k100 = random_bytes(100 * 1024);
    size_t i;
    grade_result r;
    (void)state;
    r = grade_number(k100, 3000, 1);
    check_result(&r, "100 KB", 0, GRADE_WRONG, 0);
    for (i = 0; i < 300; i++) {
        char *g = random_bytes(rng() % 1200);
        r = grade_number(g, 1234.5, 1);
        check_feedback_sane(&r, "random number");
        if (r.verdict == GRADE_CORRECT || r.verdict == GRADE_NEAR || r.score != 0)
            fail_msg("random case %zu graded %s", i, verdict_names[r.verdict]);
        free(g);
    }
    free(k100);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_number_forms_are_read),
        cmocka_unit_test(test_number_approximate_tolerances),
        cmocka_unit_test(test_number_unreadable_forms_are_unclear),
        cmocka_unit_test(test_number_garbage_is_never_correct),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
