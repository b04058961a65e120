/* test_grade.c - cmocka unit tests for the answer-grading core (src/grade.c), one table of cases per rule. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <utf8proc.h>

#include "grade.h"

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))
#define MAX_ALT 4

static const char *const verdict_names[] = {"WRONG", "NEAR", "CORRECT", "UNCLEAR"};

/* ------------------------------------------------------------------ helpers */

static int valid_utf8(const char *s)
{
    size_t len = strlen(s), i = 0;
    while (i < len) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &c);
        if (k <= 0)
            return 0;
        i += (size_t)k;
    }
    return 1;
}

static void check_feedback_sane(const grade_result *r, const char *label)
{
    if (memchr(r->feedback, '\0', sizeof r->feedback) == NULL)
        fail_msg("%s: feedback not NUL-terminated", label);
    if (!valid_utf8(r->feedback))
        fail_msg("%s: feedback is not valid UTF-8", label);
    if (r->score < 0.0 || r->score > 1.0)
        fail_msg("%s: score %f outside 0..1", label, r->score);
}

static void check_result(const grade_result *r, const char *label, size_t i, grade_verdict v, double score)
{
    check_feedback_sane(r, label);
    if (r->verdict != v || r->score < score - 1e-9 || r->score > score + 1e-9)
        fail_msg("case %zu [%s]: got %s %.4f (\"%s\"), want %s %.4f", i, label, verdict_names[r->verdict], r->score,
                 r->feedback, verdict_names[v], score);
}

static void check_contains(const char *hay, const char *needle, const char *label, size_t i)
{
    if (strstr(hay, needle) == NULL)
        fail_msg("case %zu [%s]: \"%s\" does not contain \"%s\"", i, label, hay, needle);
}

static size_t count_alt(const char *const *alt)
{
    size_t n = 0;
    while (n < MAX_ALT && alt[n])
        n++;
    return n;
}

/* deterministic xorshift for garbage inputs */
static uint32_t rng_state = 2463534242u;
static uint32_t rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

/* NUL-free random bytes, malloc'd */
static char *random_bytes(size_t len)
{
    char *s = malloc(len + 1);
    size_t i;
    assert_non_null(s);
    for (i = 0; i < len; i++)
        s[i] = (char)(1 + rng() % 255);
    s[len] = '\0';
    return s;
}

static char *repeat(const char *unit, size_t total)
{
    size_t ul = strlen(unit), i;
    char *s = malloc(total + 1);
    assert_non_null(s);
    for (i = 0; i + ul <= total; i += ul)
        memcpy(s + i, unit, ul);
    memset(s + i, 'x', total - i);
    s[total] = '\0';
    return s;
}

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

/* ------------------------------------------------------------------ text */

typedef struct {
    const char *answer, *canonical;
    const char *alt[MAX_ALT];
    int person;
    grade_verdict v;
    double score;
} text_case;

static void run_text_table(const text_case *cases, size_t n, const char *label)
{
    size_t i;
    for (i = 0; i < n; i++) {
        grade_result r = grade_text(cases[i].answer, cases[i].canonical, cases[i].alt, count_alt(cases[i].alt),
                                    cases[i].person);
        check_result(&r, label, i, cases[i].v, cases[i].score);
    }
}

static void test_text_matches_normalised_canonical_or_alternative(void **state)
{
    static const text_case cases[] = {
        {"communist party of pakistan", "Communist Party of Pakistan", {0}, 0, GRADE_CORRECT, 1},
        {"The Communist Party of Pakistan", "Communist Party of Pakistan", {0}, 0, GRADE_CORRECT, 1},
        {"CPP", "Communist Party of Pakistan", {"CPP"}, 0, GRADE_CORRECT, 1},
        {"c.p.p.", "Communist Party of Pakistan", {"CPP"}, 0, GRADE_CORRECT, 1},
        {"Marxism Leninism", "Marxism\u2013Leninism", {0}, 0, GRADE_CORRECT, 1},
        {"marxism-leninism", "Marxism\u2013Leninism", {0}, 0, GRADE_CORRECT, 1},
        {"nizam e islam", "Nizam-e-Islam", {0}, 0, GRADE_CORRECT, 1},
        {"Ataturk", "Atat\u00fcrk", {0}, 0, GRADE_CORRECT, 1},
        {"Progressive Writers Association", "Progressive Writers\u2019 Association", {0}, 0, GRADE_CORRECT, 1},
        {"Awami League", "Communist Party of Pakistan", {"CPP"}, 0, GRADE_WRONG, 0},
        {"pakistan", "Communist Party of Pakistan", {0}, 0, GRADE_WRONG, 0},
        {"anything", "Communist Party of Pakistan", {NULL}, 0, GRADE_WRONG, 0},
    };
    (void)state;
    run_text_table(cases, N_OF(cases), "exact");
}

static void test_text_accepts_typos_within_budget(void **state)
{
    static const text_case cases[] = {
        {"Sajad Zaheer", "Sajjad Zaheer", {0}, 1, GRADE_CORRECT, 1},
        {"Sajad Zaheer", "Sajjad Zaheer", {0}, 0, GRADE_CORRECT, 1},
        {"Sajjad Zahir", "Sajjad Zaheer", {0}, 1, GRADE_WRONG, 0}, /* 2 edits in a 6-letter word */
        {"Comunist Party of Pakistan", "Communist Party of Pakistan", {0}, 0, GRADE_CORRECT, 1},
        {"Communist Prty of Pakstan", "Communist Party of Pakistan", {0}, 0, GRADE_CORRECT, 1},
        {"Communist Party of Pkstn", "Communist Party of Pakistan", {0}, 0, GRADE_WRONG, 0}, /* 3 edits in one word */
        {"Lahor", "Lahore", {0}, 0, GRADE_CORRECT, 1},
        {"Lahr", "Lahore", {0}, 0, GRADE_WRONG, 0},
        {"Fiaz", "Faiz", {0}, 1, GRADE_CORRECT, 1},         /* adjacent transposition */
        {"Car", "Cat", {0}, 0, GRADE_WRONG, 0},             /* 3 code points: no tolerance */
        {"Ali Shah", "Ali Khan", {0}, 1, GRADE_WRONG, 0},   /* edits may not pile into one short word */
        {"Ali Shah", "Ali Khan", {0}, 0, GRADE_WRONG, 0},
        {"Communst Party", "Awami League", {"Communist Party"}, 0, GRADE_CORRECT, 1}, /* via an alternative */
        {"Sajjadzaheer", "Sajjad Zaheer", {0}, 0, GRADE_CORRECT, 1},                 /* missing space */
    };
    (void)state;
    run_text_table(cases, N_OF(cases), "typo");
}

static void test_text_typo_feedback_gives_canonical_spelling(void **state)
{
    static const struct { const char *answer, *canonical, *want; } cases[] = {
        {"Sajad Zaheer", "Sajjad Zaheer", "Sajjad Zaheer"},
        {"Comunist Party of Pakistan", "Communist Party of Pakistan", "Communist Party of Pakistan"},
    };
    size_t i;
    (void)state;
    for (i = 0; i < N_OF(cases); i++) {
        grade_result r = grade_text(cases[i].answer, cases[i].canonical, NULL, 0, 1);
        check_result(&r, "typo feedback", i, GRADE_CORRECT, 1);
        check_contains(r.feedback, cases[i].want, "typo feedback", i);
    }
}

static void test_text_typo_property_single_random_edit_is_accepted(void **state)
{
    static const char *const targets[] = {"sajjad zaheer", "communist party of pakistan", "lahore", "rawalpindi",
                                          "mazdoor kisan party", "hyderabad"};
    size_t t, k;
    (void)state;
    for (t = 0; t < N_OF(targets); t++) {
        for (k = 0; k < 50; k++) {
            char buf[64];
            size_t len = strlen(targets[t]), pos = rng() % len;
            char letter = (char)('a' + rng() % 26);
            grade_result r;
            strcpy(buf, targets[t]);
            switch (rng() % 4) {
            case 0: buf[pos] = letter == buf[pos] ? (char)(letter == 'z' ? 'y' : letter + 1) : letter; break;
            case 1: memmove(buf + pos, buf + pos + 1, len - pos); break;
            case 2: memmove(buf + pos + 1, buf + pos, len - pos + 1); buf[pos] = letter; break;
            default:
                if (pos + 1 < len) {
                    char c = buf[pos];
                    buf[pos] = buf[pos + 1];
                    buf[pos + 1] = c;
                }
                break;
            }
            if (buf[0] == ' ' || buf[strlen(buf) - 1] == ' ')
                continue; /* an edit at a space that trims away is not a typo of interest */
            r = grade_text(buf, targets[t], NULL, 0, 0);
            if (r.verdict != GRADE_CORRECT)
                fail_msg("\"%s\" (one edit from \"%s\") graded %s", buf, targets[t], verdict_names[r.verdict]);
        }
    }
}

static void test_text_numbers_must_match_exactly(void **state)
{
    static const text_case cases[] = {
        {"1948", "1948", {0}, 0, GRADE_CORRECT, 1},
        {"1949", "1948", {0}, 0, GRADE_WRONG, 0},
        {"Rawalpindi Conspiracy 1951", "Rawalpindi Conspiracy 1951", {0}, 0, GRADE_CORRECT, 1},
        {"Rawalpindi Conspirasy 1951", "Rawalpindi Conspiracy 1951", {0}, 0, GRADE_CORRECT, 1},
        {"Rawalpindi Conspiracy 1952", "Rawalpindi Conspiracy 1951", {0}, 0, GRADE_WRONG, 0},
        {"Rawalpindi Conspiracy 195", "Rawalpindi Conspiracy 1951", {0}, 0, GRADE_WRONG, 0},
        {"Rawalpindi Conspiracy", "Rawalpindi Conspiracy 1951", {0}, 0, GRADE_WRONG, 0},
        {"Elections of 1907", "Elections of 1970", {0}, 0, GRADE_WRONG, 0},
        {"Second Congress 1949", "Second Congress 1948", {0}, 0, GRADE_WRONG, 0},
        {"\u06f1\u06f9\u06f4\u06f8", "1948", {0}, 0, GRADE_CORRECT, 1},
    };
    (void)state;
    run_text_table(cases, N_OF(cases), "digits");
}

static void test_text_acronym_targets_need_exact_match(void **state)
{
    static const text_case cases[] = {
        {"MKP", "CMKP", {0}, 0, GRADE_WRONG, 0},
        {"CMKP", "CMKP", {0}, 0, GRADE_CORRECT, 1},
        {"cmkp", "CMKP", {0}, 0, GRADE_CORRECT, 1},
        {"C.M.K.P.", "CMKP", {0}, 0, GRADE_CORRECT, 1},
        {"CKMP", "CMKP", {0}, 0, GRADE_WRONG, 0},
        {"NSF", "DSF", {0}, 0, GRADE_WRONG, 0},
        {"CPI", "Communist Party of Pakistan", {"CPP"}, 0, GRADE_WRONG, 0},
        {"Mazdor Kisan Party", "Mazdoor Kisan Party", {"MKP"}, 0, GRADE_CORRECT, 1}, /* the long form still tolerates */
    };
    (void)state;
    run_text_table(cases, N_OF(cases), "acronym");
}

static void test_person_name_part_is_near(void **state)
{
    static const text_case cases[] = {
        {"Zaheer", "Sajjad Zaheer", {0}, 1, GRADE_NEAR, 0.5},
        {"Sajjad", "Sajjad Zaheer", {0}, 1, GRADE_NEAR, 0.5},
        {"zaher", "Sajjad Zaheer", {0}, 1, GRADE_NEAR, 0.5},        /* surname with a typo */
        {"Qazi", "Qazi Hussain Ahmad", {0}, 1, GRADE_NEAR, 0.5},
        {"Hussain Ahmad", "Qazi Hussain Ahmad", {0}, 1, GRADE_NEAR, 0.5},
        {"Khan", "Major General Akbar Khan", {0}, 1, GRADE_NEAR, 0.5},
        {"Zaheer Sajjad", "Sajjad Zaheer", {0}, 1, GRADE_NEAR, 0.5}, /* full name, other order */
        {"Ahmed", "Faiz Ahmed Faiz", {"Faiz"}, 1, GRADE_NEAR, 0.5},
        {"Faiz", "Faiz Ahmed Faiz", {"Faiz"}, 1, GRADE_CORRECT, 1},  /* an accepted alternative */
        {"Zaheer", "Sajjad Zaheer", {0}, 0, GRADE_WRONG, 0},         /* only for person names */
        {"Zaheer Ahmed", "Sajjad Zaheer", {0}, 1, GRADE_WRONG, 0},   /* an extra wrong word */
        {"Akbar", "Akbar", {0}, 1, GRADE_CORRECT, 1},
        {"Hassan", "Sajjad Zaheer", {0}, 1, GRADE_WRONG, 0},
    };
    grade_result r;
    (void)state;
    run_text_table(cases, N_OF(cases), "person part");
    r = grade_text("Zaheer", "Sajjad Zaheer", NULL, 0, 1);
    assert_string_equal(r.feedback, "Nearly: the full name is Sajjad Zaheer");
}

static void test_person_titles_are_ignored(void **state)
{
    static const text_case cases[] = {
        {"Akbar Khan", "Major General Akbar Khan", {0}, 1, GRADE_CORRECT, 1},
        {"General Akbar Khan", "Major General Akbar Khan", {0}, 1, GRADE_CORRECT, 1},
        {"Comrade Sajjad Zaheer", "Sajjad Zaheer", {0}, 1, GRADE_CORRECT, 1},
        {"Syed Sajjad Zaheer", "Sajjad Zaheer", {0}, 1, GRADE_CORRECT, 1},
        {"Jam Saqi", "Comrade Jam Saqi", {0}, 1, GRADE_CORRECT, 1},
        {"Iftikharuddin", "Mian Iftikharuddin", {0}, 1, GRADE_CORRECT, 1},
        {"Sufi Iftikharuddin", "Mian Iftikharuddin", {0}, 1, GRADE_CORRECT, 1},
        {"Comrade", "Comrade Jam Saqi", {0}, 1, GRADE_WRONG, 0}, /* a title alone is not a name */
        {"A. K. Brohi", "A. K. Brohi", {0}, 1, GRADE_CORRECT, 1},
    };
    (void)state;
    run_text_table(cases, N_OF(cases), "titles");
}

#define URDU_CMKP "\u06a9\u0645\u06cc\u0648\u0646\u0633\u0679 \u0645\u0632\u062f\u0648\u0631 \u06a9\u0633\u0627\u0646 \u067e\u0627\u0631\u0679\u06cc"
#define URDU_FAIZ "\u0641\u06cc\u0636 \u0627\u062d\u0645\u062f \u0641\u06cc\u0636"

static void test_urdu_answers_are_graded_consistently(void **state)
{
    static const text_case cases[] = {
        {URDU_CMKP, URDU_CMKP, {0}, 0, GRADE_CORRECT, 1},
        {URDU_CMKP, URDU_CMKP, {0}, 1, GRADE_CORRECT, 1},
        {URDU_CMKP, "Communist Mazdoor Kisan Party", {URDU_CMKP}, 0, GRADE_CORRECT, 1},
        /* with zabar/zer diacritics */
        {"\u06a9\u064e\u0645\u06cc\u0648\u0646\u0633\u0679 \u0645\u064e\u0632\u062f\u0648\u0631 \u06a9\u0650\u0633\u0627\u0646 \u067e\u0627\u0631\u0679\u06cc",
         URDU_CMKP, {0}, 0, GRADE_CORRECT, 1},
        /* typed with Arabic kaf and yeh */
        {"\u0643\u0645\u064a\u0648\u0646\u0633\u0679 \u0645\u0632\u062f\u0648\u0631 \u0643\u0633\u0627\u0646 \u067e\u0627\u0631\u0679\u064a",
         URDU_CMKP, {0}, 0, GRADE_CORRECT, 1},
        /* one letter missing */
        {"\u06a9\u0645\u06cc\u0648\u0646\u0633\u0679 \u0645\u0632\u062f\u0648\u0631 \u06a9\u0633\u0627\u0646 \u067e\u0627\u0631\u0679",
         URDU_CMKP, {0}, 0, GRADE_CORRECT, 1},
        {"\u0639\u0648\u0627\u0645\u06cc \u0644\u06cc\u06af", URDU_CMKP, {0}, 0, GRADE_WRONG, 0},
        {"\u0641\u06cc\u0636", URDU_FAIZ, {0}, 1, GRADE_NEAR, 0.5},
        {URDU_FAIZ, "Faiz Ahmed Faiz", {URDU_FAIZ}, 1, GRADE_CORRECT, 1},
    };
    (void)state;
    run_text_table(cases, N_OF(cases), "urdu");
}

static void test_text_garbage_is_wrong_with_zero_score(void **state)
{
    char *k10 = repeat("a", 10 * 1024), *k100 = random_bytes(100 * 1024), *urdu_long = repeat(URDU_CMKP " ", 1001);
    const char *const cases[] = {
        "", "   ", "\t\n", "\u00a0\u2009", "\U0001F389\U0001F525\U0001F4A5", "\xff\xfe\xfd", "\xc3", "\xed\xa0\x80",
        "\xf4\x90\x80\x80", "?!...", NULL, k10, k100, urdu_long,
    };
    size_t i;
    (void)state;
    for (i = 0; i < N_OF(cases); i++) {
        grade_result r = grade_text(cases[i], "Sajjad Zaheer", NULL, 0, 1);
        check_result(&r, "garbage", i, GRADE_WRONG, 0);
        r = grade_text(cases[i], "Communist Party of Pakistan", NULL, 0, 0);
        check_result(&r, "garbage", i, GRADE_WRONG, 0);
    }
    for (i = 0; i < 300; i++) {
        char *g = random_bytes(rng() % 1200);
        grade_result r = grade_text(g, "Sajjad Zaheer", NULL, 0, 1);
        check_result(&r, "random bytes", i, GRADE_WRONG, 0);
        free(g);
    }
    free(k10);
    free(k100);
    free(urdu_long);
}

/* Random valid text of about the target's length exercises the distance and name paths. */
static void test_text_random_valid_text_is_graded_sanely(void **state)
{
    static const utf8proc_int32_t pool[] = {'a', 'j', 'z', 'h', 'e', 'r', 's', ' ', ' ', '-', '1', 0x0301, 0x00e9,
                                           0x06a9, 0x06cc, 0x0627, 0x064e, 0x0654, 0x200b, 0x1F389, 0x00a0, '.'};
    static const char *const targets[] = {"Sajjad Zaheer", "Communist Party of Pakistan", URDU_CMKP, "CMKP"};
    size_t i, t;
    (void)state;
    for (t = 0; t < N_OF(targets); t++) {
        for (i = 0; i < 400; i++) {
            char buf[128];
            size_t len = 0, n = 3 + rng() % 30, k;
            grade_result r;
            for (k = 0; k < n && len + 4 < sizeof buf; k++)
                len += (size_t)utf8proc_encode_char(pool[rng() % N_OF(pool)], (utf8proc_uint8_t *)buf + len);
            buf[len] = '\0';
            r = grade_text(buf, targets[t], NULL, 0, (int)(i & 1));
            check_feedback_sane(&r, "random text");
            if (r.verdict == GRADE_UNCLEAR)
                fail_msg("random text \"%s\" graded UNCLEAR", buf);
        }
    }
}

static void test_text_long_answers_are_fast(void **state)
{
    char *k100 = repeat("sajjad zaheer ", 100 * 1024), *near_cap = repeat("sajjad zaheer ", GRADE_MAX_ANSWER_BYTES);
    clock_t t0 = clock();
    size_t i;
    (void)state;
    for (i = 0; i < 100; i++) {
        grade_result r = grade_text(k100, "Sajjad Zaheer", NULL, 0, 1);
        check_result(&r, "100 KB", i, GRADE_WRONG, 0);
        r = grade_text(near_cap, "Sajjad Zaheer", NULL, 0, 1);
        check_result(&r, "1000 bytes", i, GRADE_WRONG, 0);
    }
    for (i = 0; i < 20; i++) { /* many interchangeable name words: matching must not explode */
        grade_result r = grade_text("ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab xyz",
                                    "ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab", NULL, 0, 1);
        check_result(&r, "repeated words", i, GRADE_WRONG, 0);
    }
    if ((double)(clock() - t0) / CLOCKS_PER_SEC > 10.0)
        fail_msg("long answers took %.2f s", (double)(clock() - t0) / CLOCKS_PER_SEC);
    free(k100);
    free(near_cap);
}

static void test_feedback_is_truncated_on_a_character_boundary(void **state)
{
    char *long_urdu = repeat("\u0641\u06cc\u0636 ", 7 * 400); /* 2800 bytes */
    const struct { const char *answer; grade_verdict v; } cases[] = {
        {"x", GRADE_WRONG},
        {"", GRADE_WRONG},
        {long_urdu, GRADE_WRONG}, /* too long to grade */
    };
    size_t i;
    (void)state;
    for (i = 0; i < N_OF(cases); i++) {
        grade_result r = grade_text(cases[i].answer, long_urdu, NULL, 0, 0);
        check_feedback_sane(&r, "truncation");
        assert_true(strlen(r.feedback) < GRADE_FEEDBACK_SIZE);
        assert_true(strlen(r.feedback) > GRADE_FEEDBACK_SIZE - 8);
        assert_int_equal(r.verdict, cases[i].v);
    }
    free(long_urdu);
}

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
        {DAY_1948, "hello", GRADE_WRONG, 0},
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
        {"three thousand", 3000, 0, GRADE_WRONG, 0},
        {"abc", 3000, 0, GRADE_WRONG, 0},
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
        cmocka_unit_test(test_normalisation_makes_variant_spellings_equal),
        cmocka_unit_test(test_normalisation_produces_expected_form),
        cmocka_unit_test(test_normalisation_of_garbage_is_clean_utf8),
        cmocka_unit_test(test_distance_counts_code_point_edits_with_transpositions),
        cmocka_unit_test(test_distance_refuses_null_and_oversized_operands),
        cmocka_unit_test(test_typo_budget_grows_with_target_length),
        cmocka_unit_test(test_text_matches_normalised_canonical_or_alternative),
        cmocka_unit_test(test_text_accepts_typos_within_budget),
        cmocka_unit_test(test_text_typo_feedback_gives_canonical_spelling),
        cmocka_unit_test(test_text_typo_property_single_random_edit_is_accepted),
        cmocka_unit_test(test_text_numbers_must_match_exactly),
        cmocka_unit_test(test_text_acronym_targets_need_exact_match),
        cmocka_unit_test(test_person_name_part_is_near),
        cmocka_unit_test(test_person_titles_are_ignored),
        cmocka_unit_test(test_urdu_answers_are_graded_consistently),
        cmocka_unit_test(test_text_garbage_is_wrong_with_zero_score),
        cmocka_unit_test(test_text_random_valid_text_is_graded_sanely),
        cmocka_unit_test(test_text_long_answers_are_fast),
        cmocka_unit_test(test_feedback_is_truncated_on_a_character_boundary),
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
        cmocka_unit_test(test_number_forms_are_read),
        cmocka_unit_test(test_number_approximate_tolerances),
        cmocka_unit_test(test_number_unreadable_forms_are_unclear),
        cmocka_unit_test(test_number_garbage_is_never_correct),
        cmocka_unit_test(test_choice_lists_parse),
        cmocka_unit_test(test_choice_garbage_is_rejected_or_in_range),
        cmocka_unit_test(test_multiple_answer_partial_credit),
        cmocka_unit_test(test_multiple_answer_feedback_lists_what_was_missed),
        cmocka_unit_test(test_ordering_partial_credit_by_pairs),
        cmocka_unit_test(test_ordering_from_parsed_answer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
