/* test_grade_text.c: free-text and person-name answers (src/engine/grade_text.c), one table of cases per rule. */
#include <time.h>

#include "grade_testing.h"

/* ------------------------------------------------------------------ text */

#define MAX_ALT 4

static size_t count_alt(const char *const *alt)
{
    size_t n = 0;
    while (n < MAX_ALT && alt[n])
        n++;
    return n;
}

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

int main(void)
{
    const struct CMUnitTest tests[] = {
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
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
