/* test_grade_fold.c: normalisation, edit distance and the typo budget (src/engine/grade_fold.c), one table of cases per rule. */
#include "grade_testing.h"

/* ------------------------------------------------------------------ normalisation */

static void test_normalisation_makes_variant_spellings_equal(void **state)
{
    static const struct { const char *a, *b; } cases[] = {
        {"The Communist Party of Pakistan", "communist party of pakistan"},
        {"Marxism\u2013Leninism", "marxism-leninism"},           /* en dash */
        {"marxism-leninism", "Marxism Leninism"},
        {"Marxism\u2014Leninism", "Marxism Leninism"},           /* em dash */
        {"Marxism\u2010Leninism", "Marxism Leninism"},           /* hyphen */
        {"Marxism\u2212Leninism", "Marxism Leninism"},           /* minus */
        {"Nizam-e-Islam", "nizam e islam"},
        {"Atat\u00fcrk", "ataturk"},
        {"Writers\u2019", "writers"},
        {"Writers'", "Writers"},
        {"\u2018Writers\u2019", "writers"},
        {"\u201cLal Salaam\u201d", "lal salaam"},
        {"\"Lal Salaam\"", "Lal Salaam"},
        {"`Lal` Salaam", "lal salaam"},
        {"\u00abLal Salaam\u00bb", "lal salaam"},
        {"Shi\u02bfa", "shia"},
        {"Faiz\u00a0Ahmed\u2009Faiz", "faiz ahmed faiz"},         /* no-break and thin space */
        {"Faiz\tAhmed \n  Faiz", "faiz ahmed faiz"},
        {"   padded   ", "padded"},
        {"An Awami Party", "awami party"},
        {"A Progressive Paper", "progressive paper"},
        {"\uff23\uff30\uff30", "cpp"},                            /* full-width */
        {"N.A.P.", "NAP"},
        {"Workers & Peasants", "workers and peasants"},
        {"Stra\u00dfe", "strasse"},
        {"soft\u00adhyphen", "softhyphen"},
        {"zero\u200bwidth", "zerowidth"},
        {"Pakistan\x01\x02", "pakistan"},
        {"Mazdoor Kisan Party (MKP)", "mazdoor kisan party mkp"},
        {"\u06a9\u0650\u0633\u0627\u0646", "\u06a9\u0633\u0627\u0646"},     /* zer stripped */
        {"\u0643\u0633\u0627\u0646", "\u06a9\u0633\u0627\u0646"},           /* Arabic kaf = Urdu keheh */
        {"\u067e\u0627\u0631\u0679\u064a", "\u067e\u0627\u0631\u0679\u06cc"}, /* Arabic yeh = Urdu yeh */
        {"\u06f1\u06f9\u06f4\u06f8", "1948"},                    /* Urdu digits */
        {"\u0661\u0669\u0664\u0668", "1948"},                    /* Arabic-Indic digits */
    };
    size_t i;
    (void)state;
    for (i = 0; i < N_OF(cases); i++) {
        char *a = grade_normalize(cases[i].a), *b = grade_normalize(cases[i].b);
        assert_non_null(a);
        assert_non_null(b);
        if (strcmp(a, b) != 0)
            fail_msg("case %zu: \"%s\" -> \"%s\" but \"%s\" -> \"%s\"", i, cases[i].a, a, cases[i].b, b);
        free(a);
        free(b);
    }
}

static void test_normalisation_produces_expected_form(void **state)
{
    static const struct { const char *in, *out; } cases[] = {
        {"The Communist Party of Pakistan", "communist party of pakistan"},
        {"Marxism\u2013Leninism", "marxism leninism"},
        {"Progressive Writers\u2019 Association", "progressive writers association"},
        {"", ""},
        {"   ", ""},
        {"\t\n\r", ""},
        {"the", "the"},   /* an article alone is kept */
        {"A", "a"},
        {"The The", "the"},
        {"Dr.Ahmed", "dr ahmed"},
        {"C.R. Aslam", "cr aslam"},
        {"3.5", "3 5"},
        {"\U0001F389\U0001F525", ""},   /* emoji only */
        {"ab\xff" "cd", "ab cd"},         /* invalid byte separates */
        {"\xff\xfe\xfd", ""},
        {"\xed\xa0\x80", ""},             /* encoded surrogate */
        {"\xc3", ""},                     /* truncated sequence */
        {"\u06a9\u0645\u06cc\u0648\u0646\u0633\u0679 \u0645\u0632\u062f\u0648\u0631 \u06a9\u0633\u0627\u0646 \u067e\u0627\u0631\u0679\u06cc",
         "\u06a9\u0645\u06cc\u0648\u0646\u0633\u0679 \u0645\u0632\u062f\u0648\u0631 \u06a9\u0633\u0627\u0646 \u067e\u0627\u0631\u0679\u06cc"},
    };
    size_t i;
    char *n;
    (void)state;
    for (i = 0; i < N_OF(cases); i++) {
        n = grade_normalize(cases[i].in);
        assert_non_null(n);
        if (strcmp(n, cases[i].out) != 0)
            fail_msg("case %zu: \"%s\" -> \"%s\", want \"%s\"", i, cases[i].in, n, cases[i].out);
        free(n);
    }
    n = grade_normalize(NULL);
    assert_non_null(n);
    assert_string_equal(n, "");
    free(n);
}

static void test_normalisation_of_garbage_is_clean_utf8(void **state)
{
    size_t i;
    (void)state;
    for (i = 0; i < 500; i++) {
        char *in = random_bytes(rng() % 300), *n = grade_normalize(in);
        size_t l;
        assert_non_null(n);
        l = strlen(n);
        if (!valid_utf8(n) || strstr(n, "  ") || (l && (n[0] == ' ' || n[l - 1] == ' ')))
            fail_msg("random case %zu: bad normal form \"%s\"", i, n);
        free(in);
        free(n);
    }
}

/* ------------------------------------------------------------------ distance and budget */

static void test_distance_counts_code_point_edits_with_transpositions(void **state)
{
    static const struct { const char *a, *b; int d; } cases[] = {
        {"", "", 0},
        {"", "abc", 3},
        {"abc", "", 3},
        {"kitten", "sitting", 3},
        {"ab", "ba", 1},
        {"ca", "abc", 2},            /* true Damerau-Levenshtein, not restricted (3) */
        {"abcdef", "abdcef", 1},
        {"sajad zaheer", "sajjad zaheer", 1},
        {"ataturk", "atat\u00fcrk", 1}, /* one code point, two bytes */
        {"\u06a9\u0633\u0627\u0646", "\u06a9\u0633\u0646", 1},
        {"\u06a9\u0633\u0627\u0646", "\u06a9\u0627\u0633\u0646", 1},
        {"faiz", "fiaz", 1},
        {"same", "same", 0},
    };
    size_t i;
    (void)state;
    for (i = 0; i < N_OF(cases); i++) {
        int d = grade_distance(cases[i].a, cases[i].b), back = grade_distance(cases[i].b, cases[i].a);
        if (d != cases[i].d || back != cases[i].d)
            fail_msg("case %zu: distance(\"%s\",\"%s\") = %d / %d, want %d", i, cases[i].a, cases[i].b, d, back,
                     cases[i].d);
    }
}

static void test_distance_refuses_null_and_oversized_operands(void **state)
{
    char *big = repeat("a", GRADE_MAX_DISTANCE_CODEPOINTS + 1);
    char *ok = repeat("a", GRADE_MAX_DISTANCE_CODEPOINTS);
    const struct { const char *a, *b; int d; } cases[] = {
        {NULL, "abc", -1},
        {"abc", NULL, -1},
        {big, "a", -1},
        {"a", big, -1},
        {ok, "", GRADE_MAX_DISTANCE_CODEPOINTS},
        {"\xff\xfe", "\xff", 1}, /* each invalid byte is one U+FFFD */
    };
    size_t i;
    (void)state;
    for (i = 0; i < N_OF(cases); i++) {
        int d = grade_distance(cases[i].a, cases[i].b);
        if (d != cases[i].d)
            fail_msg("case %zu: got %d, want %d", i, d, cases[i].d);
    }
    free(big);
    free(ok);
}

static void test_typo_budget_grows_with_target_length(void **state)
{
    static const struct { size_t len; int budget; } cases[] = {
        {0, 0}, {1, 0}, {3, 0}, {4, 1}, {7, 1}, {8, 2}, {12, 2}, {13, 3}, {27, 3}, {1000, 3},
    };
    size_t i;
    (void)state;
    for (i = 0; i < N_OF(cases); i++)
        if (grade_typo_budget(cases[i].len) != cases[i].budget)
            fail_msg("case %zu: budget(%zu) = %d, want %d", i, cases[i].len, grade_typo_budget(cases[i].len),
                     cases[i].budget);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_normalisation_makes_variant_spellings_equal),
        cmocka_unit_test(test_normalisation_produces_expected_form),
        cmocka_unit_test(test_normalisation_of_garbage_is_clean_utf8),
        cmocka_unit_test(test_distance_counts_code_point_edits_with_transpositions),
        cmocka_unit_test(test_distance_refuses_null_and_oversized_operands),
        cmocka_unit_test(test_typo_budget_grows_with_target_length),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
