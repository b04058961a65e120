/* test_grade_date.c: parsing, formatting and grading dates (src/engine/grade_date.c), one table of cases per rule. */
#include "grade_testing.h"

/* ------------------------------------------------------------------ dates */

static void test_date_forms_parse(void **state)
{
    static const struct { const char *in; grade_date want; } cases[] = {
        {"1948", {1948, 0, 0, 0, 0}},
        {"6 March 1948", {1948, 3, 6, 0, 0}},
        {"6th March 1948", {1948, 3, 6, 0, 0}},
        {"6th of March, 1948", {1948, 3, 6, 0, 0}},
        {"March 6, 1948", {1948, 3, 6, 0, 0}},
        {"March 6th 1948", {1948, 3, 6, 0, 0}},
        {"Mar 6 1948", {1948, 3, 6, 0, 0}},
        {"mar. 6 1948", {1948, 3, 6, 0, 0}},
        {"MARCH 6 1948", {1948, 3, 6, 0, 0}},
        {"6-Mar-1948", {1948, 3, 6, 0, 0}},
        {"on 6 March 1948", {1948, 3, 6, 0, 0}},
        {"1948-03-06", {1948, 3, 6, 0, 0}},
        {"1948/3/6", {1948, 3, 6, 0, 0}},
        {"1948-03", {1948, 3, 0, 0, 0}},
        {"March 1948", {1948, 3, 0, 0, 0}},
        {"Sept 1948", {1948, 9, 0, 0, 0}},
        {"3/1948", {1948, 3, 0, 0, 0}},
        {"1960s", {0, 0, 0, 1960, 0}},
        {"1960's", {0, 0, 0, 1960, 0}},
        {"the 1960\u2019s", {0, 0, 0, 1960, 0}},
        {"mid-1960s", {0, 0, 0, 1960, 2}},
        {"mid 1960s", {0, 0, 0, 1960, 2}},
        {"Mid\u20131960s", {0, 0, 0, 1960, 2}},
        {"late 2009", {2009, 0, 0, 0, 3}},
        {"early 2010s", {0, 0, 0, 2010, 1}},
        {"in 1948", {1948, 0, 0, 0, 0}},
        {"around 1948", {1948, 0, 0, 0, 0}},
        {"13/3/1948", {1948, 3, 13, 0, 0}},   /* only one reading is a date */
        {"3/13/1948", {1948, 3, 13, 0, 0}},
        {"6/6/1948", {1948, 6, 6, 0, 0}},     /* both readings agree */
        {"29 February 1948", {1948, 2, 29, 0, 0}},
        {"\u06f6 \u0645\u0627\u0631\u0686 \u06f1\u06f9\u06f4\u06f8", {1948, 3, 6, 0, 0}}, /* ۶ مارچ ۱۹۴۸ */
        {"\u06f1\u06f9\u06f4\u06f8", {1948, 0, 0, 0, 0}},
        {"\uff16 March \uff11\uff19\uff14\uff18", {1948, 3, 6, 0, 0}},                   /* full-width digits */
    };
    size_t i;
    (void)state;
    for (i = 0; i < N_OF(cases); i++) {
        grade_date d;
        char why[128];
        int rc = grade_parse_date(cases[i].in, &d, why, sizeof why);
        const grade_date *w = &cases[i].want;
        if (rc != 1 || d.year != w->year || d.month != w->month || d.day != w->day || d.decade != w->decade ||
            d.part != w->part)
            fail_msg("case %zu \"%s\": rc %d {%d,%d,%d,%d,%d}", i, cases[i].in, rc, d.year, d.month, d.day, d.decade,
                     d.part);
    }
}

static void test_date_non_dates_are_rejected(void **state)
{
    static const char *const cases[] = {
        "", "hello", "6 March", "March", "30 February 1948", "29 February 1949", "13/13/1948", "32 March 1948",
        "1965s", "1948 hello", "abc 1948", "0948", "1948, 1949", "\xff\xfe", "\U0001F389", NULL,
    };
    size_t i;
    (void)state;
    for (i = 0; i < N_OF(cases); i++) {
        grade_date d = {1, 1, 1, 1, 1};
        char why[64] = "x";
        int rc = grade_parse_date(cases[i], &d, why, sizeof why);
        if (rc != 0 || d.year || d.month || d.day || d.decade || d.part || why[0])
            fail_msg("case %zu \"%s\": rc %d", i, cases[i] ? cases[i] : "(null)", rc);
    }
}

static void test_date_ambiguous_forms_ask_again(void **state)
{
    static const struct { const char *in, *hint1, *hint2; } cases[] = {
        {"6/3/1948", "6 March 1948", "1948-03-06"},
        {"03/06/1948", "3 June 1948", "1948-06-03"},
        {"6.3.1948", "6 March 1948", "1948-03-06"},
        {"6-3-1948", "6 March 1948", "1948-03-06"},
        {"6/3/48", "in full", "6 March 1948"},
        {"6 March 48", "in full", "6 March 1948"},
        {"'60s", "in full", "1960s"},
        {"60s", "in full", "1960s"},
        {"1948-49", "one year", "1948"},
        {"1948-1949", "one year", "1948"},
    };
    size_t i;
    (void)state;
    for (i = 0; i < N_OF(cases); i++) {
        grade_date d;
        char why[GRADE_FEEDBACK_SIZE];
        int rc = grade_parse_date(cases[i].in, &d, why, sizeof why);
        if (rc != -1)
            fail_msg("case %zu \"%s\": rc %d, want -1", i, cases[i].in, rc);
        check_contains(why, cases[i].hint1, "ambiguous", i);
        check_contains(why, cases[i].hint2, "ambiguous", i);
    }
    /* why may be omitted */
    assert_int_equal(grade_parse_date("6/3/1948", NULL, NULL, 0), -1);
}

typedef struct {
    grade_date fact;
    const char *answer;
    grade_verdict v;
    double score;
} date_case;

static void run_date_table(const date_case *cases, size_t n, const char *label)
{
    size_t i;
    for (i = 0; i < n; i++) {
        grade_result r = grade_date_answer(cases[i].answer, &cases[i].fact);
        check_result(&r, label, i, cases[i].v, cases[i].score);
    }
}

#define DAY_1948 {1948, 3, 6, 0, 0}
#define MONTH_1990 {1990, 12, 0, 0, 0}
#define YEAR_1951 {1951, 0, 0, 0, 0}
#define LATE_2009 {2009, 0, 0, 0, 3}
#define MID_60S {1965, 0, 0, 1960, 2}
#define THE_60S {1965, 0, 0, 1960, 0}
#define EARLY_10S {2012, 0, 0, 2010, 1}

static void test_date_day_fact_grading(void **state)
{
    static const date_case cases[] = {
        {DAY_1948, "6 March 1948", GRADE_CORRECT, 1},
        {DAY_1948, "1948-03-06", GRADE_CORRECT, 1},
        {DAY_1948, "March 6, 1948", GRADE_CORRECT, 1},
        {DAY_1948, "6/3/1948", GRADE_UNCLEAR, 0},
        {DAY_1948, "1948", GRADE_NEAR, 0.5},
        {DAY_1948, "March 1948", GRADE_NEAR, 0.5},
        {DAY_1948, "7 March 1948", GRADE_NEAR, 0.5},
        {DAY_1948, "6 April 1948", GRADE_NEAR, 0.5},
        {DAY_1948, "1940s", GRADE_NEAR, 0.5},
        {DAY_1948, "late 1940s", GRADE_NEAR, 0.5},
        {DAY_1948, "early 1940s", GRADE_WRONG, 0},
        {DAY_1948, "1949", GRADE_WRONG, 0},
        {DAY_1948, "6 March 1949", GRADE_WRONG, 0},
        {DAY_1948, "1950s", GRADE_WRONG, 0},
        {DAY_1948, "hello", GRADE_UNCLEAR, 0}, /* not a date: asked again */
        {DAY_1948, "", GRADE_WRONG, 0},
    };
    (void)state;
    run_date_table(cases, N_OF(cases), "day fact");
}

static void test_date_month_and_year_facts_grading(void **state)
{
    static const date_case cases[] = {
        {MONTH_1990, "December 1990", GRADE_CORRECT, 1},
        {MONTH_1990, "1990-12", GRADE_CORRECT, 1},
        {MONTH_1990, "5 December 1990", GRADE_CORRECT, 1}, /* a day the fact lacks is not checked */
        {MONTH_1990, "1990", GRADE_NEAR, 0.5},
        {MONTH_1990, "November 1990", GRADE_NEAR, 0.5},
        {MONTH_1990, "December 1991", GRADE_WRONG, 0},
        {YEAR_1951, "1951", GRADE_CORRECT, 1},
        {YEAR_1951, "March 1951", GRADE_CORRECT, 1},
        {YEAR_1951, "9 March 1951", GRADE_CORRECT, 1},
        {YEAR_1951, "1951-03-09", GRADE_CORRECT, 1},
        {YEAR_1951, "early 1951", GRADE_CORRECT, 1},
        {YEAR_1951, "1950", GRADE_WRONG, 0},
        {YEAR_1951, "1950s", GRADE_NEAR, 0.5},
        {YEAR_1951, "early 1950s", GRADE_NEAR, 0.5},
        {YEAR_1951, "late 1950s", GRADE_WRONG, 0},
    };
    (void)state;
    run_date_table(cases, N_OF(cases), "month/year fact");
}

static void test_date_approximate_facts_grading(void **state)
{
    static const date_case cases[] = {
        {LATE_2009, "2009", GRADE_CORRECT, 1},
        {LATE_2009, "late 2009", GRADE_CORRECT, 1},
        {LATE_2009, "November 2009", GRADE_CORRECT, 1},
        {LATE_2009, "early 2009", GRADE_NEAR, 0.5},
        {LATE_2009, "March 2009", GRADE_NEAR, 0.5},
        {LATE_2009, "2000s", GRADE_NEAR, 0.5},
        {LATE_2009, "late 2000s", GRADE_NEAR, 0.5},
        {LATE_2009, "early 2000s", GRADE_WRONG, 0},
        {LATE_2009, "2008", GRADE_WRONG, 0},
        {MID_60S, "mid-1960s", GRADE_CORRECT, 1},
        {MID_60S, "1965", GRADE_CORRECT, 1},
        {MID_60S, "1963", GRADE_CORRECT, 1},
        {MID_60S, "1967", GRADE_CORRECT, 1},
        {MID_60S, "March 1965", GRADE_CORRECT, 1},
        {MID_60S, "1960s", GRADE_NEAR, 0.5},
        {MID_60S, "1961", GRADE_NEAR, 0.5},
        {MID_60S, "early 1960s", GRADE_NEAR, 0.5},
        {MID_60S, "late 1960s", GRADE_NEAR, 0.5},
        {MID_60S, "1970s", GRADE_WRONG, 0},
        {MID_60S, "1975", GRADE_WRONG, 0},
        {MID_60S, "mid-1970s", GRADE_WRONG, 0},
        {MID_60S, "1959", GRADE_WRONG, 0},
        {THE_60S, "1960s", GRADE_CORRECT, 1},
        {THE_60S, "1968", GRADE_CORRECT, 1},
        {THE_60S, "mid-1960s", GRADE_CORRECT, 1},
        {THE_60S, "1970", GRADE_WRONG, 0},
        {THE_60S, "1950s", GRADE_WRONG, 0},
        {EARLY_10S, "2011", GRADE_CORRECT, 1},
        {EARLY_10S, "2013", GRADE_CORRECT, 1},
        {EARLY_10S, "early 2010s", GRADE_CORRECT, 1},
        {EARLY_10S, "2015", GRADE_NEAR, 0.5},
        {EARLY_10S, "2010s", GRADE_NEAR, 0.5},
    };
    (void)state;
    run_date_table(cases, N_OF(cases), "approximate fact");
}

static void test_date_feedback_never_exceeds_fact_precision(void **state)
{
    static const struct { grade_date fact; const char *answer, *must, *must_not; } cases[] = {
        {MID_60S, "1975", "mid-1960s", "1965"},
        {MID_60S, "1960s", "mid-1960s", "1965"},
        {THE_60S, "1975", "1960s", "1965"},
        {LATE_2009, "2008", "late 2009", "November"},
        {YEAR_1951, "1950", "1951", "March"},
        {MONTH_1990, "1990", "December 1990", " 1 December"},
        {DAY_1948, "1948", "6 March 1948", "xx"},          /* NEAR gives the full date */
        {DAY_1948, "March 1948", "6 March 1948", "xx"},
    };
    size_t i;
    (void)state;
    for (i = 0; i < N_OF(cases); i++) {
        grade_result r = grade_date_answer(cases[i].answer, &cases[i].fact);
        check_contains(r.feedback, cases[i].must, "precision", i);
        if (strstr(r.feedback, cases[i].must_not))
            fail_msg("case %zu: \"%s\" states \"%s\"", i, r.feedback, cases[i].must_not);
    }
}

static void test_date_unclear_feedback_asks_for_unambiguous_form(void **state)
{
    static const struct { const char *answer; } cases[] = {{"6/3/1948"}, {"03/06/1948"}};
    grade_date fact = DAY_1948;
    size_t i;
    (void)state;
    for (i = 0; i < N_OF(cases); i++) {
        grade_result r = grade_date_answer(cases[i].answer, &fact);
        check_result(&r, "unclear", i, GRADE_UNCLEAR, 0);
        check_contains(r.feedback, "could be", "unclear", i);
        check_contains(r.feedback, "write it as", "unclear", i);
    }
}

static void test_date_format_states_own_precision(void **state)
{
    static const struct { grade_date d; const char *text; } cases[] = {
        {DAY_1948, "6 March 1948"}, {MONTH_1990, "December 1990"}, {YEAR_1951, "1951"},   {LATE_2009, "late 2009"},
        {MID_60S, "mid-1960s"},     {THE_60S, "1960s"},            {EARLY_10S, "early 2010s"},
    };
    size_t i;
    (void)state;
    for (i = 0; i < N_OF(cases); i++) {
        char buf[64];
        assert_string_equal(grade_format_date(&cases[i].d, buf, sizeof buf), cases[i].text);
    }
}

static void test_date_garbage_is_never_correct(void **state)
{
    grade_date fact = DAY_1948;
    char *k100 = random_bytes(100 * 1024);
    size_t i;
    grade_result r;
    (void)state;
    r = grade_date_answer(k100, &fact);
    check_result(&r, "100 KB", 0, GRADE_WRONG, 0);
    r = grade_date_answer("1948", NULL);
    check_result(&r, "no fact", 0, GRADE_WRONG, 0);
    for (i = 0; i < 300; i++) {
        char *g = random_bytes(rng() % 1200);
        r = grade_date_answer(g, &fact);
        check_feedback_sane(&r, "random date");
        if (r.verdict == GRADE_CORRECT || r.verdict == GRADE_NEAR || r.score != 0)
            fail_msg("random case %zu graded %s", i, verdict_names[r.verdict]);
        free(g);
    }
    free(k100);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_date_forms_parse),
        cmocka_unit_test(test_date_non_dates_are_rejected),
        cmocka_unit_test(test_date_ambiguous_forms_ask_again),
        cmocka_unit_test(test_date_day_fact_grading),
        cmocka_unit_test(test_date_month_and_year_facts_grading),
        cmocka_unit_test(test_date_approximate_facts_grading),
        cmocka_unit_test(test_date_feedback_never_exceeds_fact_precision),
        cmocka_unit_test(test_date_unclear_feedback_asks_for_unambiguous_form),
        cmocka_unit_test(test_date_format_states_own_precision),
        cmocka_unit_test(test_date_garbage_is_never_correct),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
