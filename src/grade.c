/* grade.c - grades halqa quiz answers (text, dates, numbers, choices, orderings); pure C11 on utf8proc. */

/*
 * GRADING POLICY
 * ==============
 *
 * Every grader returns a verdict (WRONG, NEAR, CORRECT, UNCLEAR), a score in 0..1 and a
 * one-line feedback (at most 255 bytes of UTF-8, never cut inside a character). No input is
 * an error and none crashes: NULL, empty, whitespace-only, invalid UTF-8, emoji, random bytes
 * and very long answers score 0 and are WRONG (a date or number grader may instead say
 * UNCLEAR when the bytes happen to look like an ambiguous date or number). Answers longer
 * than GRADE_MAX_ANSWER_BYTES (1000) bytes are WRONG without being normalised or compared,
 * so the work is bounded; word matching for names is polynomial (augmenting paths).
 * NEAR is worth 0.5 for text, dates and numbers; sets and orderings give graded credit.
 * UNCLEAR (score 0) means "cannot be graded as written, ask again"; it is only used for
 * dates whose day/month order is unknowable and for numbers that cannot be read as one number.
 *
 * Normalisation (grade_normalize)
 *   1. Invalid UTF-8 bytes become spaces (the valid parts are kept).
 *   2. utf8proc: NFKC compatibility forms, Unicode case folding, combining marks stripped
 *      (accents, and Arabic-script diacritics such as zabar/zer/pesh, hamza above, madda),
 *      default-ignorable characters removed (soft hyphen, zero-width space/joiners), control
 *      characters removed (tab/newline become spaces), LUMP (dash variants, curly single
 *      quotes). Arabic-Indic and Extended Arabic-Indic digits become ASCII digits.
 *   3. Arabic/Urdu letter variants are unified: Arabic kaf, yeh, alef maksura and heh are
 *      read as Urdu keheh, farsi yeh and heh goal (ك→ک, ي/ى→ی, ه→ہ), so text typed on an
 *      Arabic keyboard matches Urdu text.
 *   4. Apostrophes and quotation marks of every kind (' ’ ‘ ` ´ " “ ” „ « » ʼ ʻ ʾ ʿ ′ ″) are
 *      removed ("Writers’" = "writers"); "&" reads as "and"; every other punctuation mark,
 *      symbol, emoji, dash and space variant is a word separator. Runs of separators collapse
 *      to one space; the result is trimmed.
 *   5. Dotted abbreviations made of single letters join up ("N.A.P." = "nap"); any other
 *      dot separates ("Dr.Ahmed" = "dr ahmed", "3.5" = "3 5").
 *   6. A leading English article ("the", "a", "an") followed by another word is dropped.
 *      Person names (grade_text with is_person_name) keep it, so "A. K. Brohi" keeps its "a".
 *   Letters of every script survive; Urdu/Arabic script is normalised like any other.
 *
 * Edit distance (grade_distance): true Damerau-Levenshtein (Lowrance-Wagner) on code points:
 *   insertion, deletion, substitution and transposition of adjacent code points, each cost 1.
 *
 * Typo budget (grade_typo_budget), by target length in code points (spaces included):
 *   0 edits up to 3, 1 up to 7, 2 up to 12, 3 beyond.
 *
 * Text (grade_text)
 *   - CORRECT (1) if the normalised answer equals the normalised canonical answer or any
 *     accepted alternative.
 *   - Else CORRECT (1) if the smallest edit distance to one of them is within the typo
 *     budget of that target, with feedback giving the canonical spelling. Restrictions:
 *       * the digits must match exactly: the sequence of numbers in answer and target must be
 *         identical ("1948" vs "1949" is wrong; no typo tolerance on digits);
 *       * when answer and target have the same number of words, each word may differ by at
 *         most max(1, budget(word length)) edits, so all edits cannot pile into one short
 *         word ("Ali Shah" is not a typo of "Ali Khan", though the total is within budget);
 *       * a target containing an acronym (an all-capitals word of two or more letters in
 *         the raw text, e.g. "CMKP", "NAP") is matched exactly only: "MKP" is a different
 *         party from "CMKP", one edit away. (Tuning against the 0/1/2/3 budget: without
 *         this, 4-letter party abbreviations would accept each other.)
 *   - is_person_name: titles (comrade, major, general, sufi, mian, maulana, syed, begum,
 *     dr, mr ...; see person_titles[]) are ignored in answer and targets (unless nothing
 *     else is left). An answer whose words each match a different word of the canonical
 *     name or of an accepted alternative (exactly or within that word's typo budget) but
 *     which is not the full name - a proper subset such as the surname alone ("Zaheer",
 *     "Qazi", "Khan"), or the full name in another order - is NEAR (0.5):
 *     "Nearly: the full name is Sajjad Zaheer".
 *   - Otherwise WRONG (0), feedback giving the canonical answer.
 *
 * Dates (grade_parse_date, grade_date_answer)
 *   Accepted forms (any case, optional filler words in/on/the/of/around/about/circa/c.):
 *   1948; 6 March 1948; 6th March 1948; 6th of March, 1948; March 6, 1948; Mar 6 1948;
 *   6-Mar-1948; 1948-03-06; 1948/3/6; 1948-03; March 1948; 3/1948; 1960s; 1960's;
 *   mid-1960s; early 2010s; late 2009; Urdu month names (۶ مارچ ۱۹۴۸). Years have 4 digits.
 *   Numeric day/month/year (6/3/1948, 03/06/1948, 6.3.1948, 6-3-1948) is never guessed:
 *   parse returns -1 and grading is UNCLEAR, asking for "6 March 1948" or "1948-03-06".
 *   It is accepted when only one reading is a date (13/3/1948 = 13 March; 3/13/1948 =
 *   March 13) or both readings agree (6/6/1948). Two-digit years/decades ("6/3/48", "60s")
 *   and ranges ("1948-49") are also -1 with a hint. A day must exist (leap years checked).
 *   A day and month without a year is not a date.
 *   Parts: early = years 0-3 of a decade, mid = 3-7, late = 6-9 (they overlap on purpose);
 *   for a part of a year: early = months 1-4, mid = 4-9, late = 8-12.
 *   Grading is to the precision of the fact; wrong year is WRONG:
 *     fact day (6 March 1948): same y/m/d CORRECT; same year otherwise (year alone, right
 *       month with wrong/missing day, wrong month) NEAR 0.5 with the full date.
 *     fact month (March 1948): same year and month CORRECT (a day is not checked); same
 *       year otherwise NEAR.
 *     fact year (1948): same year CORRECT, whatever else the answer adds.
 *     fact part of a year (late 2009): year 2009 CORRECT, unless the answer names another
 *       part ("early 2009") or a month outside the part ("March 2009"): NEAR.
 *     fact decade (1960s): any year, part or the decade itself within 1960-1969 CORRECT.
 *     fact part of a decade (mid-1960s): a year in the part (1963-1967) or "mid-1960s"
 *       CORRECT; the decade alone, another part of it or a year of the decade outside the
 *       part NEAR; outside the decade WRONG.
 *     an answer less precise than a year-or-finer fact (a decade, "late 1940s" for 1948)
 *       is NEAR when its range contains the year, else WRONG.
 *   Feedback states the fact at its own precision only ("mid-1960s", never "1965").
 *
 * Numbers (grade_number)
 *   Accepted: 3000, 3,000, 3 000 (also thin/no-break spaces), lakh grouping 3,00,000,
 *   +/- sign, decimals with a point (2.5), a leading approximator (about, approximately,
 *   approx., around, roughly, nearly, some, circa, c., ~, ≈), a multiplier (k, thousand,
 *   lakh/lac, million/mn, crore, billion/bn), "%" and trailing unit words ("3000 members").
 *   "3.000" is three (a point is always a decimal point). A comma group that is not a
 *   thousands/lakh group ("3,5", "30,00") and more than one number ("3000-4000") are UNCLEAR.
 *   Spelled-out numbers ("three thousand") are not read (WRONG).
 *   approximate: within 10% of the value CORRECT, within 25% NEAR (0.5), else WRONG;
 *   otherwise the number must be equal (to 1e-9 relative).
 *
 * Choices (grade_parse_choices)
 *   Letters a-z or numbers 1..n, any case (full-width forms too), separated by spaces,
 *   commas, semicolons, slashes, "+", "&" or "and"; brackets and dots are ignored ("(b)",
 *   "b."); a run of letters is a run of choices ("cabd"). Duplicates collapse; order of first
 *   appearance is kept (so the result also feeds grade_order). Anything else (out of range,
 *   "or", "-", other words) makes the list invalid: -1.
 *
 * Multiple answer (grade_set): score = max(0, (right picks - wrong picks) / n_correct);
 *   all right and nothing wrong CORRECT; score > 0 NEAR; else WRONG. Feedback lists the
 *   answer, what was missed and what was wrongly chosen. Choices are labelled A, B, ...
 *   (1, 2, ... beyond 26 choices).
 *
 * Ordering (grade_order): score = fraction of item pairs whose relative order is right
 *   (Kendall; an item left out gets none of its pairs right); exact order CORRECT,
 *   score >= 0.5 NEAR, else WRONG (the score is kept as partial credit).
 */

#include "grade.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

typedef utf8proc_int32_t cp_t;

/* ------------------------------------------------------------------ small helpers */

static int ascii_digit(int c) { return c >= '0' && c <= '9'; }
static int ascii_lower(int c) { return c >= 'a' && c <= 'z'; }
static int ascii_space(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
static double dabs(double x) { return x < 0 ? -x : x; }

/* Cut a possibly truncated UTF-8 string back to its last complete character. */
static void utf8_trim_tail(char *s)
{
    size_t n = strlen(s), j;
    cp_t c;
    if (n == 0)
        return;
    j = n - 1;
    while (j > 0 && n - j < 4 && ((unsigned char)s[j] & 0xC0) == 0x80)
        j--;
    if (utf8proc_iterate((const utf8proc_uint8_t *)s + j, (utf8proc_ssize_t)(n - j), &c) != (utf8proc_ssize_t)(n - j))
        s[j] = '\0';
}

static void set_result(grade_result *r, grade_verdict v, double score, const char *fmt, ...)
{
    va_list ap;
    r->verdict = v;
    r->score = score;
    va_start(ap, fmt);
    vsnprintf(r->feedback, sizeof r->feedback, fmt, ap);
    va_end(ap);
    utf8_trim_tail(r->feedback);
}

static grade_result empty_result(void)
{
    grade_result r;
    r.verdict = GRADE_WRONG;
    r.score = 0.0;
    r.feedback[0] = '\0';
    return r;
}

static int is_letter_cat(utf8proc_category_t c)
{
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

/* Decode UTF-8; each invalid byte becomes one U+FFFD. */
static cp_t *decode(const char *s, size_t len, size_t *n_out)
{
    cp_t *v = malloc((len + 1) * sizeof *v);
    size_t n = 0, i = 0;
    if (!v)
        return NULL;
    while (i < len) {
        cp_t c;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &c);
        if (k <= 0) {
            c = 0xFFFD;
            k = 1;
        }
        v[n++] = c;
        i += (size_t)k;
    }
    *n_out = n;
    return v;
}

static size_t cp_count(const char *s, size_t len)
{
    size_t n = 0, i = 0;
    while (i < len) {
        cp_t c;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &c);
        i += k > 0 ? (size_t)k : 1;
        n++;
    }
    return n;
}

/* ------------------------------------------------------------------ folding and normalisation */

#define FOLD_OPTIONS                                                                                    \
    ((utf8proc_option_t)(UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |     \
                         UTF8PROC_STRIPMARK | UTF8PROC_IGNORE | UTF8PROC_STRIPCC | UTF8PROC_LUMP))

/* utf8proc custom mapping: Arabic-Indic digits and separators to ASCII. */
static cp_t fold_digits(cp_t c, void *data)
{
    (void)data;
    if (c >= 0x0660 && c <= 0x0669)
        return '0' + (c - 0x0660);
    if (c >= 0x06F0 && c <= 0x06F9)
        return '0' + (c - 0x06F0);
    if (c == 0x066B) /* ARABIC DECIMAL SEPARATOR */
        return '.';
    if (c == 0x066C) /* ARABIC THOUSANDS SEPARATOR */
        return ',';
    return c;
}

/* NFKC + casefold + marks stripped + ignorables/controls removed + LUMP, on valid UTF-8
 * (invalid bytes become spaces first). malloc'd; NULL only when memory runs out. */
static char *fold(const char *s)
{
    size_t len = s ? strlen(s) : 0, i = 0, j = 0;
    char *clean = malloc(len + 1);
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t r;
    if (!clean)
        return NULL;
    while (i < len) {
        cp_t c;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &c);
        if (k <= 0) {
            clean[j++] = ' ';
            i++;
        } else {
            memcpy(clean + j, s + i, (size_t)k);
            j += (size_t)k;
            i += (size_t)k;
        }
    }
    clean[j] = '\0';
    r = utf8proc_map_custom((const utf8proc_uint8_t *)clean, (utf8proc_ssize_t)j, &out, FOLD_OPTIONS, fold_digits, NULL);
    free(clean);
    if (r < 0) {
        free(out);
        return NULL;
    }
    return (char *)out;
}

static cp_t unify_arabic_letter(cp_t c)
{
    switch (c) {
    case 0x0643: return 0x06A9; /* ARABIC KAF -> KEHEH */
    case 0x0649:                /* ALEF MAKSURA */
    case 0x064A: return 0x06CC; /* ARABIC YEH -> FARSI YEH */
    case 0x0647: return 0x06C1; /* HEH -> HEH GOAL */
    default: return c;
    }
}

static int is_quote(cp_t c)
{
    utf8proc_category_t cat;
    if (c == '"' || c == '\'' || c == '`' || c == 0x00B4 || (c >= 0x02B9 && c <= 0x02BF) ||
        (c >= 0x2018 && c <= 0x201F) || (c >= 0x2032 && c <= 0x2037))
        return 1;
    cat = utf8proc_category(c);
    return cat == UTF8PROC_CATEGORY_PI || cat == UTF8PROC_CATEGORY_PF;
}

/* One space-free token of the intermediate string, dots resolved; appended to out. */
static void emit_token(const char *tok, size_t len, char *out, size_t *ol)
{
    size_t i, nonempty = 0, start;
    int all_single = 1, has_dot = memchr(tok, '.', len) != NULL;
    if (!has_dot) {
        if (*ol)
            out[(*ol)++] = ' ';
        memcpy(out + *ol, tok, len);
        *ol += len;
        return;
    }
    for (start = 0, i = 0; i <= len; i++) {
        if (i == len || tok[i] == '.') {
            if (i > start) {
                cp_t c;
                utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)tok + start, (utf8proc_ssize_t)(i - start), &c);
                nonempty++;
                if (k != (utf8proc_ssize_t)(i - start) || !is_letter_cat(utf8proc_category(c)))
                    all_single = 0;
            }
            start = i + 1;
        }
    }
    if (nonempty == 0)
        return;
    if (*ol)
        out[(*ol)++] = ' ';
    for (start = 0, i = 0; i <= len; i++) {
        if (i == len || tok[i] == '.') {
            if (i > start) {
                if (!(nonempty >= 2 && all_single) && *ol > 0 && out[*ol - 1] != ' ')
                    out[(*ol)++] = ' ';
                memcpy(out + *ol, tok + start, i - start);
                *ol += i - start;
            }
            start = i + 1;
        }
    }
}

static void drop_leading_article(char *s)
{
    static const char *const articles[] = {"the ", "a ", "an "};
    size_t i;
    for (i = 0; i < sizeof articles / sizeof *articles; i++) {
        size_t n = strlen(articles[i]);
        if (strncmp(s, articles[i], n) == 0 && s[n] != '\0') {
            memmove(s, s + n, strlen(s + n) + 1);
            return;
        }
    }
}

static char *normalize_impl(const char *s, int drop_article)
{
    char *f = fold(s), *t, *r;
    size_t flen, tl = 0, i = 0, rl = 0;
    if (!f)
        return NULL;
    flen = strlen(f);
    t = malloc(flen * 5 + 1);
    if (!t) {
        free(f);
        return NULL;
    }
    while (i < flen) {
        cp_t c;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)f + i, (utf8proc_ssize_t)(flen - i), &c);
        if (k <= 0) { /* cannot happen after fold; be safe */
            t[tl++] = ' ';
            i++;
            continue;
        }
        i += (size_t)k;
        c = unify_arabic_letter(c);
        if (is_quote(c))
            continue;
        if (c == '&') {
            memcpy(t + tl, " and ", 5);
            tl += 5;
        } else if (c == '.') {
            t[tl++] = '.';
        } else {
            utf8proc_category_t cat = utf8proc_category(c);
            if ((cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO))
                tl += (size_t)utf8proc_encode_char(c, (utf8proc_uint8_t *)t + tl);
            else
                t[tl++] = ' ';
        }
    }
    t[tl] = '\0';
    free(f);
    r = malloc(tl + 1);
    if (!r) {
        free(t);
        return NULL;
    }
    for (i = 0; i < tl;) {
        size_t j;
        while (i < tl && t[i] == ' ')
            i++;
        for (j = i; j < tl && t[j] != ' '; j++)
            ;
        if (j > i)
            emit_token(t + i, j - i, r, &rl);
        i = j;
    }
    r[rl] = '\0';
    free(t);
    if (drop_article)
        drop_leading_article(r);
    return r;
}

char *grade_normalize(const char *s)
{
    return normalize_impl(s ? s : "", 1);
}

/* ------------------------------------------------------------------ edit distance */

static int cmp_cp(const void *a, const void *b)
{
    cp_t x = *(const cp_t *)a, y = *(const cp_t *)b;
    return (x > y) - (x < y);
}

/* True Damerau-Levenshtein (Lowrance-Wagner). -1 if too long or out of memory. */
static int dl_distance(const cp_t *a, size_t n, const cp_t *b, size_t m)
{
    size_t i, j, na = 0, w = m + 2;
    cp_t *alpha;
    int *ia, *ib, *da, *h, maxd, result;
    if (n > GRADE_MAX_DISTANCE_CODEPOINTS || m > GRADE_MAX_DISTANCE_CODEPOINTS)
        return -1;
    if (n == 0)
        return (int)m;
    if (m == 0)
        return (int)n;
    alpha = malloc((n + m) * sizeof *alpha);
    ia = malloc(n * sizeof *ia);
    ib = malloc(m * sizeof *ib);
    h = malloc((n + 2) * w * sizeof *h);
    da = calloc(n + m, sizeof *da);
    if (!alpha || !ia || !ib || !h || !da) {
        free(alpha), free(ia), free(ib), free(h), free(da);
        return -1;
    }
    /* map code points to a dense alphabet so "last row where c was seen" is an array */
    memcpy(alpha, a, n * sizeof *a);
    memcpy(alpha + n, b, m * sizeof *b);
    qsort(alpha, n + m, sizeof *alpha, cmp_cp);
    for (i = 0; i < n + m; i++)
        if (na == 0 || alpha[na - 1] != alpha[i])
            alpha[na++] = alpha[i];
    for (i = 0; i < n; i++)
        ia[i] = (int)((cp_t *)bsearch(&a[i], alpha, na, sizeof *alpha, cmp_cp) - alpha);
    for (j = 0; j < m; j++)
        ib[j] = (int)((cp_t *)bsearch(&b[j], alpha, na, sizeof *alpha, cmp_cp) - alpha);

#define H(r, c) h[(r) * w + (c)]
    maxd = (int)(n + m);
    H(0, 0) = maxd;
    for (i = 0; i <= n; i++) {
        H(i + 1, 0) = maxd;
        H(i + 1, 1) = (int)i;
    }
    for (j = 0; j <= m; j++) {
        H(0, j + 1) = maxd;
        H(1, j + 1) = (int)j;
    }
    for (i = 1; i <= n; i++) {
        size_t db = 0;
        for (j = 1; j <= m; j++) {
            size_t i1 = (size_t)da[ib[j - 1]], j1 = db;
            int cost = 1, best;
            if (ia[i - 1] == ib[j - 1]) {
                cost = 0;
                db = j;
            }
            best = H(i, j) + cost;
            if (H(i + 1, j) + 1 < best)
                best = H(i + 1, j) + 1;
            if (H(i, j + 1) + 1 < best)
                best = H(i, j + 1) + 1;
            if (H(i1, j1) + (int)(i - i1 - 1) + 1 + (int)(j - j1 - 1) < best)
                best = H(i1, j1) + (int)(i - i1 - 1) + 1 + (int)(j - j1 - 1);
            H(i + 1, j + 1) = best;
        }
        da[ia[i - 1]] = (int)i;
    }
    result = H(n + 1, m + 1);
#undef H
    free(alpha), free(ia), free(ib), free(h), free(da);
    return result;
}

int grade_distance(const char *a, const char *b)
{
    size_t n, m;
    cp_t *ca, *cb;
    int d;
    if (!a || !b || cp_count(a, strlen(a)) > GRADE_MAX_DISTANCE_CODEPOINTS ||
        cp_count(b, strlen(b)) > GRADE_MAX_DISTANCE_CODEPOINTS)
        return -1;
    ca = decode(a, strlen(a), &n);
    cb = decode(b, strlen(b), &m);
    d = (ca && cb) ? dl_distance(ca, n, cb, m) : -1;
    free(ca);
    free(cb);
    return d;
}

int grade_typo_budget(size_t codepoints)
{
    if (codepoints <= 3)
        return 0;
    if (codepoints <= 7)
        return 1;
    if (codepoints <= 12)
        return 2;
    return 3;
}

/* ------------------------------------------------------------------ text */

typedef struct {
    const char *s;
    size_t len;
} span;

#define MAX_NAME_WORDS 16

/* Split a normalised string (single spaces) into words; returns the total count, fills at most max. */
static size_t split_words(const char *s, span *w, size_t max)
{
    size_t n = 0;
    while (*s) {
        const char *e;
        while (*s == ' ')
            s++;
        if (!*s)
            break;
        for (e = s; *e && *e != ' '; e++)
            ;
        if (n < max) {
            w[n].s = s;
            w[n].len = (size_t)(e - s);
        }
        n++;
        s = e;
    }
    return n;
}

/* The numbers in s, in order ("a 12 b 3" -> "12|3|"): digits must match exactly. */
static int same_digits(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t i = 0, j = 0;
    for (;;) {
        while (i < alen && !ascii_digit(a[i]))
            i++;
        while (j < blen && !ascii_digit(b[j]))
            j++;
        if (i == alen || j == blen)
            return i == alen && j == blen;
        while (i < alen && j < blen && ascii_digit(a[i]) && ascii_digit(b[j]) && a[i] == b[j])
            i++, j++;
        if ((i < alen && ascii_digit(a[i])) || (j < blen && ascii_digit(b[j])))
            return 0; /* runs differ */
    }
}

static int span_distance(span a, span b)
{
    size_t n, m;
    cp_t *ca = decode(a.s, a.len, &n), *cb = decode(b.s, b.len, &m);
    int d = (ca && cb) ? dl_distance(ca, n, cb, m) : -1;
    free(ca);
    free(cb);
    return d;
}

/* Number of edits if answer a is an acceptable misspelling of target t, else -1. */
static int typo_edits(const char *a, const char *t)
{
    size_t alen = strlen(a), tlen = strlen(t), na, nt, nwa, nwt, k;
    int budget, d;
    span wa[MAX_NAME_WORDS], wt[MAX_NAME_WORDS];
    nt = cp_count(t, tlen);
    na = cp_count(a, alen);
    budget = grade_typo_budget(nt);
    if (budget == 0 || (na > nt ? na - nt : nt - na) > (size_t)budget)
        return -1;
    if (!same_digits(a, alen, t, tlen))
        return -1;
    d = span_distance((span){a, alen}, (span){t, tlen});
    if (d < 0 || d > budget)
        return -1;
    nwa = split_words(a, wa, MAX_NAME_WORDS);
    nwt = split_words(t, wt, MAX_NAME_WORDS);
    if (nwa == nwt && nwa > 1 && nwa <= MAX_NAME_WORDS) {
        for (k = 0; k < nwa; k++) {
            int wb = grade_typo_budget(cp_count(wt[k].s, wt[k].len)), dw;
            if (wb < 1)
                wb = 1;
            dw = span_distance(wa[k], wt[k]);
            if (dw < 0 || dw > wb)
                return -1;
        }
    }
    return d;
}

/* An all-capitals word of two or more letters in the raw text: match such targets exactly. */
static int has_acronym(const char *raw)
{
    size_t len = strlen(raw), i = 0, run = 0;
    int upper = 1;
    while (i <= len) {
        cp_t c = 0;
        utf8proc_ssize_t k = 1;
        utf8proc_category_t cat = UTF8PROC_CATEGORY_CN;
        if (i < len) {
            k = utf8proc_iterate((const utf8proc_uint8_t *)raw + i, (utf8proc_ssize_t)(len - i), &c);
            if (k <= 0)
                k = 1;
            else
                cat = utf8proc_category(c);
        }
        if (i < len && is_letter_cat(cat)) {
            run++;
            if (cat != UTF8PROC_CATEGORY_LU)
                upper = 0;
        } else {
            if (run >= 2 && upper)
                return 1;
            run = 0;
            upper = 1;
        }
        i += (size_t)k;
    }
    return 0;
}

static const char *const person_titles[] = {
    "comrade", "com", "major", "maj", "general", "gen", "colonel", "col", "captain", "capt",
    "brigadier", "brig", "lieutenant", "lt", "marshal", "sufi", "mian", "maulana", "mawlana",
    "maulvi", "mufti", "pir", "hazrat", "allama", "syed", "sayyid", "sayed", "begum", "shaheed",
    "sahib", "sahab", "mr", "mrs", "ms", "miss", "dr", "doctor", "prof", "professor", "sir",
};

static int is_title(span w)
{
    size_t i;
    for (i = 0; i < sizeof person_titles / sizeof *person_titles; i++)
        if (strlen(person_titles[i]) == w.len && memcmp(person_titles[i], w.s, w.len) == 0)
            return 1;
    return 0;
}

/* Remove title words in place, unless only titles would be left. */
static void strip_titles(char *s)
{
    size_t len = strlen(s), ol = 0, kept = 0;
    char *out = malloc(len + 1);
    const char *p = s;
    if (!out)
        return;
    while (*p) {
        span w;
        const char *e;
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        for (e = p; *e && *e != ' '; e++)
            ;
        w.s = p;
        w.len = (size_t)(e - p);
        if (!is_title(w)) {
            if (ol)
                out[ol++] = ' ';
            memcpy(out + ol, p, w.len);
            ol += w.len;
            kept++;
        }
        p = e;
    }
    out[ol] = '\0';
    if (kept)
        memcpy(s, out, ol + 1);
    free(out);
}

static int word_matches(span a, span w)
{
    int d;
    if (a.len == w.len && memcmp(a.s, w.s, a.len) == 0)
        return 1;
    if (!same_digits(a.s, a.len, w.s, w.len))
        return 0;
    d = span_distance(a, w);
    return d >= 0 && d <= grade_typo_budget(cp_count(w.s, w.len));
}

/* Bipartite matching by augmenting paths (Kuhn): polynomial, unlike naive backtracking,
 * which is exponential on answers like "ab ab ... ab xyz". */
static int augment(int m[MAX_NAME_WORDS][MAX_NAME_WORDS], size_t nw, size_t u, int *owner, unsigned *seen)
{
    size_t j;
    for (j = 0; j < nw; j++) {
        if (!m[u][j] || (*seen & (1u << j)))
            continue;
        *seen |= 1u << j;
        if (owner[j] < 0 || augment(m, nw, (size_t)owner[j], owner, seen)) {
            owner[j] = (int)u;
            return 1;
        }
    }
    return 0;
}

static int assign_words(int m[MAX_NAME_WORDS][MAX_NAME_WORDS], size_t na, size_t nw)
{
    int owner[MAX_NAME_WORDS];
    size_t i;
    for (i = 0; i < nw; i++)
        owner[i] = -1;
    for (i = 0; i < na; i++) {
        unsigned seen = 0;
        if (!augment(m, nw, i, owner, &seen))
            return 0;
    }
    return 1;
}

/* Each answer word matches a different word of the name, and the name has two or more words. */
static int partial_name(const char *a, const char *t)
{
    span wa[MAX_NAME_WORDS], wt[MAX_NAME_WORDS];
    int m[MAX_NAME_WORDS][MAX_NAME_WORDS];
    size_t na = split_words(a, wa, MAX_NAME_WORDS), nt = split_words(t, wt, MAX_NAME_WORDS), i, j;
    if (na == 0 || nt < 2 || na > nt || nt > MAX_NAME_WORDS)
        return 0;
    for (i = 0; i < na; i++)
        for (j = 0; j < nt; j++)
            m[i][j] = word_matches(wa[i], wt[j]);
    return assign_words(m, na, nt);
}

static char *text_form(const char *s, int person)
{
    char *n = normalize_impl(s, !person);
    if (n && person)
        strip_titles(n);
    return n;
}

grade_result grade_text(const char *answer, const char *canonical, const char *const *accepted,
                        size_t n_accepted, int is_person_name)
{
    grade_result r = empty_result();
    const char *canon = canonical ? canonical : "";
    char *a, **targets;
    size_t nt = 1 + (accepted ? n_accepted : 0), i;
    int best = -1, partial = 0, exact = 0;

    if (!answer)
        answer = "";
    if (strlen(answer) > GRADE_MAX_ANSWER_BYTES) {
        set_result(&r, GRADE_WRONG, 0.0, "Answer too long: the answer is %s", canon);
        return r;
    }
    a = text_form(answer, is_person_name);
    if (!a || !*a) {
        set_result(&r, GRADE_WRONG, 0.0, "No answer: the answer is %s", canon);
        free(a);
        return r;
    }
    targets = calloc(nt, sizeof *targets);
    if (!targets) {
        free(a);
        set_result(&r, GRADE_WRONG, 0.0, "Wrong: the answer is %s", canon);
        return r;
    }
    for (i = 0; i < nt; i++) {
        const char *raw = i == 0 ? canonical : accepted[i - 1];
        targets[i] = raw ? text_form(raw, is_person_name) : NULL;
        if (targets[i] && *targets[i] && strcmp(a, targets[i]) == 0)
            exact = 1;
    }
    if (!exact) {
        for (i = 0; i < nt; i++) {
            const char *raw = i == 0 ? canonical : accepted[i - 1];
            int d;
            if (!targets[i] || !*targets[i] || has_acronym(raw))
                continue;
            d = typo_edits(a, targets[i]);
            if (d >= 0 && (best < 0 || d < best))
                best = d;
        }
    }
    if (!exact && best < 0 && is_person_name)
        for (i = 0; i < nt && !partial; i++)
            if (targets[i] && *targets[i])
                partial = partial_name(a, targets[i]);

    if (exact)
        set_result(&r, GRADE_CORRECT, 1.0, "Correct: %s", canon);
    else if (best >= 0)
        set_result(&r, GRADE_CORRECT, 1.0, "Correct (spelling: %s)", canon);
    else if (partial)
        set_result(&r, GRADE_NEAR, 0.5, "Nearly: the full name is %s", canon);
    else
        set_result(&r, GRADE_WRONG, 0.0, "Wrong: the answer is %s", canon);

    for (i = 0; i < nt; i++)
        free(targets[i]);
    free(targets);
    free(a);
    return r;
}

/* ------------------------------------------------------------------ dates */

static const char *const month_names[12] = {"January", "February", "March",     "April",   "May",      "June",
                                            "July",    "August",   "September", "October", "November", "December"};
static const char *const urdu_months[12] = {"جنوری", "فروری", "مارچ",  "اپریل", "مئی",   "جون",
                                            "جولائی", "اگست", "ستمبر", "اکتوبر", "نومبر", "دسمبر"};
static const char *const part_names[4] = {"", "early", "mid", "late"};

static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int days_in_month(int y, int m)
{
    static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    return m == 2 && is_leap(y) ? 29 : d[m - 1];
}

static int word_is(const char *w, size_t len, const char *lit)
{
    return strlen(lit) == len && memcmp(w, lit, len) == 0;
}

/* 1..12 for a month name (English, full or abbreviated, or Urdu), else 0. */
static int month_number(const char *w, size_t len)
{
    static const char *const full[12] = {"january", "february", "march",     "april",   "may",      "june",
                                         "july",    "august",   "september", "october", "november", "december"};
    static const char *const abbr[12] = {"jan", "feb", "mar", "apr", "may", "jun",
                                         "jul", "aug", "sep", "oct", "nov", "dec"};
    int m;
    size_t i;
    int ascii = 1;
    for (i = 0; i < len; i++)
        if ((unsigned char)w[i] >= 0x80)
            ascii = 0;
    if (ascii) { /* w is case-folded already */
        for (m = 0; m < 12; m++)
            if (word_is(w, len, full[m]) || word_is(w, len, abbr[m]))
                return m + 1;
        return word_is(w, len, "sept") ? 9 : 0;
    }
    {
        char *word = malloc(len + 1), *nw;
        int found = 0;
        if (!word)
            return 0;
        memcpy(word, w, len);
        word[len] = '\0';
        nw = normalize_impl(word, 0);
        free(word);
        for (m = 0; nw && m < 12 && !found; m++) {
            char *nm = normalize_impl(urdu_months[m], 0);
            if (nm && strcmp(nm, nw) == 0)
                found = m + 1;
            free(nm);
        }
        free(nw);
        return found;
    }
}

static int part_number(const char *w, size_t len)
{
    if (word_is(w, len, "early"))
        return GRADE_PART_EARLY;
    if (word_is(w, len, "mid") || word_is(w, len, "middle"))
        return GRADE_PART_MID;
    if (word_is(w, len, "late"))
        return GRADE_PART_LATE;
    return 0;
}

static int is_date_filler(const char *w, size_t len)
{
    static const char *const fillers[] = {"in", "on", "the", "of", "around", "about", "circa", "c", "ca",
                                          "approx", "approximately", "year", "ad", "ce", "sometime", "roughly"};
    size_t i;
    for (i = 0; i < sizeof fillers / sizeof *fillers; i++)
        if (word_is(w, len, fillers[i]))
            return 1;
    return 0;
}

enum { TK_NUM, TK_WORD, TK_SEP };

typedef struct {
    int kind;
    long val;       /* TK_NUM */
    int ndig;       /* TK_NUM */
    int ordinal;    /* TK_NUM followed by st/nd/rd/th */
    int decade;     /* TK_NUM followed by s or 's */
    char sep;       /* TK_SEP: one of - / . , ' and ' ' */
    const char *w;  /* TK_WORD */
    size_t wlen;
    int dropped;
} dtok;

#define MAX_DATE_TOKENS 32

static void say(char *why, size_t whylen, const char *fmt, ...)
{
    va_list ap;
    if (!why || whylen == 0)
        return;
    va_start(ap, fmt);
    vsnprintf(why, whylen, fmt, ap);
    va_end(ap);
    utf8_trim_tail(why);
}

/* Tokenise folded text. Returns the count, or -1 when there are too many tokens. */
static int date_tokens(const char *f, dtok *t)
{
    size_t len = strlen(f), i = 0;
    int n = 0;
    while (i < len) {
        unsigned char ch = (unsigned char)f[i];
        cp_t c;
        utf8proc_ssize_t k;
        if (n >= MAX_DATE_TOKENS)
            return -1;
        memset(&t[n], 0, sizeof t[n]);
        if (ascii_digit(ch)) {
            size_t j = i;
            t[n].kind = TK_NUM;
            while (j < len && ascii_digit(f[j])) {
                if (t[n].ndig < 9)
                    t[n].val = t[n].val * 10 + (f[j] - '0');
                t[n].ndig++;
                j++;
            }
            i = j;
            n++;
            continue;
        }
        k = utf8proc_iterate((const utf8proc_uint8_t *)f + i, (utf8proc_ssize_t)(len - i), &c);
        if (k <= 0)
            k = 1, c = 0xFFFD;
        if (is_letter_cat(utf8proc_category(c))) {
            size_t j = i;
            while (j < len) {
                cp_t d;
                utf8proc_ssize_t kk = utf8proc_iterate((const utf8proc_uint8_t *)f + j, (utf8proc_ssize_t)(len - j), &d);
                utf8proc_category_t cat;
                if (kk <= 0)
                    break;
                cat = utf8proc_category(d);
                if (!is_letter_cat(cat) && !(cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME))
                    break;
                j += (size_t)kk;
            }
            t[n].kind = TK_WORD;
            t[n].w = f + i;
            t[n].wlen = j - i;
            i = j;
            n++;
            continue;
        }
        t[n].kind = TK_SEP;
        t[n].sep = (ch == '-' || ch == '/' || ch == '.' || ch == ',' || ch == '\'') ? (char)ch : ' ';
        i += (size_t)k;
        if (t[n].sep == ' ' && n > 0 && t[n - 1].kind == TK_SEP && t[n - 1].sep == ' ')
            continue; /* collapse blanks */
        n++;
    }
    return n;
}

static int valid_ymd(int y, int m, int d)
{
    return y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

/* Numeric-only dates: 1948-03-06, 1948-03, 6/3/1948, 3/1948 ... */
static int parse_numeric_date(const dtok *t, int n, grade_date *out, char *why, size_t whylen)
{
    const dtok *num[3];
    char seps[3] = {0, 0, 0};
    int nn = 0, i;
    for (i = 0; i < n; i++) {
        if (t[i].kind == TK_NUM) {
            if (nn == 3 || t[i].ordinal || t[i].decade)
                return 0;
            num[nn++] = &t[i];
        } else if (t[i].kind == TK_SEP && t[i].sep != ' ' && nn > 0 && nn < 3) {
            if (t[i].sep == ',' || t[i].sep == '\'' || (seps[nn] && seps[nn] != t[i].sep))
                return 0;
            seps[nn] = t[i].sep;
        }
    }
    if (nn < 2)
        return 0;
    if (num[0]->ndig == 4) { /* year first */
        int y = (int)num[0]->val, m = (int)num[1]->val, d = nn == 3 ? (int)num[2]->val : 1;
        if (num[1]->ndig > 2 || (nn == 3 && num[2]->ndig > 2)) {
            if (nn == 2 && num[1]->ndig == 4) {
                say(why, whylen, "Give one year or date, e.g. %d or %d-03-06.", y, y);
                return -1;
            }
            return 0;
        }
        if (nn == 2 && m > 12) {
            say(why, whylen, "Give one year or date, e.g. %d or %d-03-06.", y, y);
            return -1;
        }
        if (!valid_ymd(y, m, d))
            return 0;
        out->year = y;
        out->month = m;
        out->day = nn == 3 ? d : 0;
        return 1;
    }
    if (num[nn - 1]->ndig == 4 && num[0]->ndig <= 2 && (nn == 2 || num[1]->ndig <= 2)) { /* year last */
        int y = (int)num[nn - 1]->val;
        if (nn == 2) {
            int m = (int)num[0]->val;
            if (!valid_ymd(y, m, 1))
                return 0;
            out->year = y;
            out->month = m;
            return 1;
        } else {
            int a = (int)num[0]->val, b = (int)num[1]->val;
            int dm = valid_ymd(y, b, a), md = valid_ymd(y, a, b); /* day-month, month-day */
            if (dm && md && a != b) {
                char s = seps[1] ? seps[1] : ' ';
                say(why, whylen,
                    "%d%c%d%c%d could be %d %s or %d %s %d: write it as \"%d %s %d\" or \"%d-%02d-%02d\".", a, s, b,
                    s, y, a, month_names[b - 1], b, month_names[a - 1], y, a, month_names[b - 1], y, y, b, a);
                return -1;
            }
            if (!dm && !md)
                return 0;
            out->year = y;
            out->month = dm ? b : a;
            out->day = dm ? a : b;
            return 1;
        }
    }
    if (nn == 3 && num[2]->ndig == 2 && num[0]->ndig <= 2 && num[1]->ndig <= 2) {
        say(why, whylen, "Write the year in full, e.g. \"6 March 1948\" or \"1948-03-06\".");
        return -1;
    }
    return 0;
}

int grade_parse_date(const char *answer, grade_date *out, char *why, size_t whylen)
{
    dtok t[MAX_DATE_TOKENS];
    char atoms[MAX_DATE_TOKENS + 1];
    const dtok *at[MAX_DATE_TOKENS];
    int n, i, na = 0, words = 0, nums = 0, result = 0;
    grade_date d = {0, 0, 0, 0, 0};
    char *f;

    if (why && whylen)
        why[0] = '\0';
    if (out)
        *out = d;
    if (!answer || strlen(answer) > GRADE_MAX_ANSWER_BYTES)
        return 0;
    f = fold(answer);
    if (!f)
        return 0;
    n = date_tokens(f, t);
    if (n <= 0)
        goto done;

    /* attach ordinal and decade suffixes, drop filler words */
    for (i = 0; i < n; i++) {
        if (t[i].kind != TK_WORD)
            continue;
        if (i > 0 && t[i - 1].kind == TK_NUM &&
            (word_is(t[i].w, t[i].wlen, "st") || word_is(t[i].w, t[i].wlen, "nd") ||
             word_is(t[i].w, t[i].wlen, "rd") || word_is(t[i].w, t[i].wlen, "th"))) {
            t[i - 1].ordinal = 1;
            t[i].dropped = 1;
        } else if (word_is(t[i].w, t[i].wlen, "s") && i > 0 && t[i - 1].kind == TK_NUM) {
            t[i - 1].decade = 1;
            t[i].dropped = 1;
        } else if (word_is(t[i].w, t[i].wlen, "s") && i > 1 && t[i - 1].kind == TK_SEP && t[i - 1].sep == '\'' &&
                   t[i - 2].kind == TK_NUM) {
            t[i - 2].decade = 1;
            t[i].dropped = 1;
            t[i - 1].dropped = 1;
        } else if (is_date_filler(t[i].w, t[i].wlen)) {
            t[i].dropped = 1;
        } else {
            words++;
        }
    }
    for (i = 0; i < n; i++)
        if (t[i].kind == TK_NUM)
            nums++;
    if (nums == 0)
        goto done;

    if (words == 0 && nums >= 2) {
        dtok kept[MAX_DATE_TOKENS];
        int nk = 0;
        for (i = 0; i < n; i++)
            if (!t[i].dropped)
                kept[nk++] = t[i];
        result = parse_numeric_date(kept, nk, &d, why, whylen);
        goto done;
    }

    for (i = 0; i < n; i++) {
        if (t[i].dropped || t[i].kind == TK_SEP)
            continue;
        if (t[i].kind == TK_WORD) {
            int m = month_number(t[i].w, t[i].wlen), p = part_number(t[i].w, t[i].wlen);
            if (!m && !p)
                goto done;
            atoms[na] = m ? 'M' : 'P';
        } else if (t[i].decade) {
            if (t[i].ndig == 2) {
                say(why, whylen, "Write the decade in full, e.g. \"1960s\".");
                result = -1;
                goto done;
            }
            if (t[i].ndig != 4 || t[i].val % 10 != 0 || t[i].ordinal)
                goto done;
            atoms[na] = 'S';
        } else if (t[i].ndig == 4 && !t[i].ordinal) {
            atoms[na] = 'Y';
        } else if (t[i].ndig <= 2) {
            atoms[na] = 'D';
        } else {
            goto done;
        }
        at[na++] = &t[i];
    }
    atoms[na] = '\0';

#define NUMV(k) ((int)at[k]->val)
#define MONV(k) month_number(at[k]->w, at[k]->wlen)
#define PARTV(k) part_number(at[k]->w, at[k]->wlen)
    if (strcmp(atoms, "Y") == 0) {
        d.year = NUMV(0);
    } else if (strcmp(atoms, "PY") == 0) {
        d.year = NUMV(1);
        d.part = PARTV(0);
    } else if (strcmp(atoms, "S") == 0) {
        d.decade = NUMV(0);
    } else if (strcmp(atoms, "PS") == 0) {
        d.decade = NUMV(1);
        d.part = PARTV(0);
    } else if (strcmp(atoms, "DMY") == 0) {
        d.day = NUMV(0), d.month = MONV(1), d.year = NUMV(2);
    } else if (strcmp(atoms, "MDY") == 0) {
        d.month = MONV(0), d.day = NUMV(1), d.year = NUMV(2);
    } else if (strcmp(atoms, "MY") == 0 || strcmp(atoms, "PMY") == 0) {
        d.month = MONV(na - 2), d.year = NUMV(na - 1);
    } else if (strcmp(atoms, "DMD") == 0 || strcmp(atoms, "MDD") == 0) {
        say(why, whylen, "Write the year in full, e.g. \"6 March 1948\".");
        result = -1;
        goto done;
    } else {
        goto done;
    }
#undef NUMV
#undef MONV
#undef PARTV
    if ((d.year && (d.year < 1000 || d.year > 9999)) ||
        (d.month && !valid_ymd(d.year, d.month, d.day ? d.day : 1)))
        goto done;
    result = 1;

done:
    free(f);
    if (result == 1 && out)
        *out = d;
    if (result == 0 && why && whylen)
        why[0] = '\0';
    return result;
}

char *grade_format_date(const grade_date *f, char *buf, size_t buflen)
{
    if (!buf || buflen == 0)
        return buf;
    buf[0] = '\0';
    if (!f)
        return buf;
    if (f->decade) {
        if (f->part >= 1 && f->part <= 3) /* "mid-1960s", "early 2010s" */
            snprintf(buf, buflen, "%s%s%ds", part_names[f->part], f->part == GRADE_PART_MID ? "-" : " ", f->decade);
        else
            snprintf(buf, buflen, "%ds", f->decade);
    } else if (f->month >= 1 && f->month <= 12 && f->day > 0) {
        snprintf(buf, buflen, "%d %s %d", f->day, month_names[f->month - 1], f->year);
    } else if (f->month >= 1 && f->month <= 12) {
        snprintf(buf, buflen, "%s %d", month_names[f->month - 1], f->year);
    } else if (f->part >= 1 && f->part <= 3) {
        snprintf(buf, buflen, "%s %d", part_names[f->part], f->year);
    } else {
        snprintf(buf, buflen, "%d", f->year);
    }
    return buf;
}

/* Decade digit ranges of a part: early 0-3, mid 3-7, late 6-9. */
static int part_has_digit(int part, int digit)
{
    static const int lo[4] = {0, 0, 3, 6}, hi[4] = {9, 3, 7, 9};
    return part >= 0 && part <= 3 && digit >= lo[part] && digit <= hi[part];
}

/* Month ranges of a part of a year: early 1-4, mid 4-9, late 8-12. */
static int part_has_month(int part, int month)
{
    static const int lo[4] = {1, 1, 4, 8}, hi[4] = {12, 4, 9, 12};
    return part >= 0 && part <= 3 && month >= lo[part] && month <= hi[part];
}

static grade_verdict date_verdict(const grade_date *a, const grade_date *f)
{
    if (f->decade) {
        int D = f->decade;
        if (a->decade) {
            if (a->decade != D)
                return GRADE_WRONG;
            return (!f->part || a->part == f->part) ? GRADE_CORRECT : GRADE_NEAR;
        }
        if (a->year < D || a->year > D + 9)
            return GRADE_WRONG;
        return part_has_digit(f->part, a->year - D) ? GRADE_CORRECT : GRADE_NEAR;
    }
    if (a->decade) { /* a decade answer to a year-or-finer fact */
        if (f->year < a->decade || f->year > a->decade + 9 || !part_has_digit(a->part, f->year - a->decade))
            return GRADE_WRONG;
        return GRADE_NEAR;
    }
    if (a->year != f->year)
        return GRADE_WRONG;
    if (f->month && f->day)
        return (a->month == f->month && a->day == f->day) ? GRADE_CORRECT : GRADE_NEAR;
    if (f->month)
        return a->month == f->month ? GRADE_CORRECT : GRADE_NEAR;
    if (f->part) {
        if (a->part && a->part != f->part)
            return GRADE_NEAR;
        if (a->month && !part_has_month(f->part, a->month))
            return GRADE_NEAR;
    }
    return GRADE_CORRECT;
}

static int blank(const char *s)
{
    char *n = grade_normalize(s);
    int b = !n || !*n;
    free(n);
    return b;
}

grade_result grade_date_answer(const char *answer, const grade_date *fact)
{
    grade_result r = empty_result();
    char fx[64], why[GRADE_FEEDBACK_SIZE];
    grade_date a;
    int p;
    if (!fact || (!fact->year && !fact->decade)) {
        set_result(&r, GRADE_WRONG, 0.0, "Wrong: no date to compare with");
        return r;
    }
    grade_format_date(fact, fx, sizeof fx);
    if (!answer)
        answer = "";
    if (strlen(answer) > GRADE_MAX_ANSWER_BYTES) {
        set_result(&r, GRADE_WRONG, 0.0, "Answer too long: the answer is %s", fx);
        return r;
    }
    if (blank(answer)) {
        set_result(&r, GRADE_WRONG, 0.0, "No answer: the answer is %s", fx);
        return r;
    }
    p = grade_parse_date(answer, &a, why, sizeof why);
    if (p < 0) {
        set_result(&r, GRADE_UNCLEAR, 0.0, "%s", why);
        return r;
    }
    if (p == 0) {
        set_result(&r, GRADE_WRONG, 0.0, "Wrong (not a date): the answer is %s", fx);
        return r;
    }
    switch (date_verdict(&a, fact)) {
    case GRADE_CORRECT: set_result(&r, GRADE_CORRECT, 1.0, "Correct: %s", fx); break;
    case GRADE_NEAR: set_result(&r, GRADE_NEAR, 0.5, "Nearly: the answer is %s", fx); break;
    default: set_result(&r, GRADE_WRONG, 0.0, "Wrong: the answer is %s", fx); break;
    }
    return r;
}

/* ------------------------------------------------------------------ numbers */

static int is_number_filler(const char *w, size_t len)
{
    static const char *const fillers[] = {"about", "approximately", "approx", "around", "roughly", "nearly",
                                          "some",  "circa",         "c",      "ca",     "almost",  "estimated",
                                          "est"};
    size_t i;
    for (i = 0; i < sizeof fillers / sizeof *fillers; i++)
        if (word_is(w, len, fillers[i]))
            return 1;
    return 0;
}

static double multiplier(const char *w, size_t len)
{
    static const struct {
        const char *w;
        double m;
    } mult[] = {{"k", 1e3},       {"thousand", 1e3}, {"thousands", 1e3}, {"lakh", 1e5},      {"lakhs", 1e5},
                {"lac", 1e5},     {"lacs", 1e5},     {"million", 1e6},   {"millions", 1e6},  {"mn", 1e6},
                {"crore", 1e7},   {"crores", 1e7},   {"billion", 1e9},   {"billions", 1e9},  {"bn", 1e9}};
    size_t i;
    for (i = 0; i < sizeof mult / sizeof *mult; i++)
        if (word_is(w, len, mult[i].w))
            return mult[i].m;
    return 0;
}

/* 1 ok, 0 not a number, -1 unclear (why says so). Input is folded text. */
static int parse_number(const char *f, double *out, char *why, size_t whylen)
{
    const char *p = f;
    char buf[64];
    size_t bl = 0;
    int neg = 0;
    for (;;) { /* leading approximators */
        while (ascii_space(*p))
            p++;
        if (ascii_lower(*p)) {
            const char *e = p;
            while (ascii_lower(*e))
                e++;
            if (!is_number_filler(p, (size_t)(e - p)))
                return 0;
            p = e;
            if (*p == '.')
                p++;
        } else if (*p == '~') {
            p++;
        } else if (strncmp(p, "\xE2\x89\x88", 3) == 0) { /* U+2248 ALMOST EQUAL TO */
            p += 3;
        } else {
            break;
        }
    }
    if (*p == '+' || *p == '-') {
        neg = *p == '-';
        p++;
        while (ascii_space(*p))
            p++;
    }
    if (!ascii_digit(*p) && !(*p == '.' && ascii_digit(p[1])))
        return 0;
    /* integer part, optionally grouped: 3,000 / 3,00,000 (lakh) / 3 000 */
    {
        size_t first = 0, g, last = 0;
        char gsep = 0;
        while (ascii_digit(p[first]))
            first++;
        if (first >= sizeof buf - 2)
            return 0;
        memcpy(buf, p, first);
        bl = first;
        p += first;
        for (;;) {
            char s = *p;
            if (s != ',' && s != ' ')
                break;
            for (g = 0; ascii_digit(p[1 + g]); g++)
                ;
            if (s == ' ' && (g != 3 || first > 3 || gsep == ','))
                break; /* not a digit group: the number ended */
            if (s == ',' && g == 0)
                break; /* "3000, ..." */
            if (s == ',' && (first > 3 || gsep == ' ' || (g != 2 && g != 3))) {
                say(why, whylen, "Write the number like 3000, 3,000 or 2.5.");
                return -1;
            }
            if (bl + g >= sizeof buf - 2)
                return 0;
            memcpy(buf + bl, p + 1, g);
            bl += g;
            gsep = s;
            last = g;
            p += 1 + g;
        }
        if (gsep == ',' && last != 3) {
            say(why, whylen, "Write the number like 3000, 3,000 or 2.5.");
            return -1;
        }
    }
    if (*p == '.' && ascii_digit(p[1])) {
        const char *q = p + 1;
        buf[bl++] = '.';
        while (ascii_digit(*q)) {
            if (bl >= sizeof buf - 2)
                return 0;
            buf[bl++] = *q++;
        }
        p = q;
    }
    buf[bl] = '\0';
    *out = strtod(buf, NULL);
    /* multiplier, percent, unit words; no further numbers */
    while (ascii_space(*p))
        p++;
    if (ascii_lower(*p)) {
        const char *e = p;
        double m;
        while (ascii_lower(*e))
            e++;
        m = multiplier(p, (size_t)(e - p));
        if (m > 0) {
            *out *= m;
            p = e;
        }
    }
    for (; *p; p++)
        if (ascii_digit(*p)) {
            say(why, whylen, "Give a single number.");
            return -1;
        }
    if (neg)
        *out = -*out;
    return 1;
}

/* value for feedback: integers with thousands commas, otherwise up to 10 significant digits. */
static void format_number(double v, char *buf, size_t len)
{
    if (v == (double)(long long)v && dabs(v) < 1e15) {
        char digits[32], out[48];
        long long x = (long long)v;
        int nd, i, o = 0;
        nd = snprintf(digits, sizeof digits, "%lld", x < 0 ? -x : x);
        if (x < 0)
            out[o++] = '-';
        for (i = 0; i < nd; i++) {
            if (i > 0 && (nd - i) % 3 == 0)
                out[o++] = ',';
            out[o++] = digits[i];
        }
        out[o] = '\0';
        snprintf(buf, len, "%s", out);
    } else {
        snprintf(buf, len, "%.10g", v);
    }
}

grade_result grade_number(const char *answer, double value, int approximate)
{
    grade_result r = empty_result();
    char vx[64], why[GRADE_FEEDBACK_SIZE], *f;
    const char *about = approximate ? "about " : "";
    double a = 0;
    int p;
    format_number(value, vx, sizeof vx);
    if (!answer)
        answer = "";
    if (strlen(answer) > GRADE_MAX_ANSWER_BYTES) {
        set_result(&r, GRADE_WRONG, 0.0, "Answer too long: the answer is %s%s", about, vx);
        return r;
    }
    if (blank(answer)) {
        set_result(&r, GRADE_WRONG, 0.0, "No answer: the answer is %s%s", about, vx);
        return r;
    }
    f = fold(answer);
    why[0] = '\0';
    p = f ? parse_number(f, &a, why, sizeof why) : 0;
    free(f);
    if (p < 0) {
        set_result(&r, GRADE_UNCLEAR, 0.0, "%s", why);
        return r;
    }
    if (p == 0) {
        set_result(&r, GRADE_WRONG, 0.0, "Wrong (not a number): the answer is %s%s", about, vx);
        return r;
    }
    if (approximate) {
        double err = value != 0 ? dabs(a - value) / dabs(value) : dabs(a);
        if (err <= 0.10 + 1e-12)
            set_result(&r, GRADE_CORRECT, 1.0, "Correct: about %s", vx);
        else if (err <= 0.25 + 1e-12)
            set_result(&r, GRADE_NEAR, 0.5, "Nearly: about %s", vx);
        else
            set_result(&r, GRADE_WRONG, 0.0, "Wrong: the answer is about %s", vx);
    } else {
        double tol = 1e-9 * (dabs(value) > 1 ? dabs(value) : 1);
        if (dabs(a - value) <= tol)
            set_result(&r, GRADE_CORRECT, 1.0, "Correct: %s", vx);
        else
            set_result(&r, GRADE_WRONG, 0.0, "Wrong: the answer is %s", vx);
    }
    return r;
}

/* ------------------------------------------------------------------ choices */

static int add_choice(int idx, int n_choices, int *out, int max_out, int *count)
{
    int i;
    if (idx < 0 || idx >= n_choices)
        return -1;
    for (i = 0; i < *count; i++)
        if (out[i] == idx)
            return 0;
    if (*count >= max_out)
        return -1;
    out[(*count)++] = idx;
    return 0;
}

int grade_parse_choices(const char *answer, int n_choices, int *out, int max_out)
{
    char *f;
    const char *p;
    int count = 0, bad = 0;
    if (!answer || n_choices <= 0 || max_out < 0 || (!out && max_out > 0) || strlen(answer) > GRADE_MAX_ANSWER_BYTES)
        return -1;
    f = fold(answer);
    if (!f)
        return -1;
    for (p = f; *p && !bad;) {
        if (ascii_lower(*p)) {
            const char *e = p;
            while (ascii_lower(*e))
                e++;
            if (word_is(p, (size_t)(e - p), "or"))
                bad = 1; /* a hedge, not a list */
            else if (!word_is(p, (size_t)(e - p), "and"))
                for (; p < e && !bad; p++)
                    bad = add_choice(*p - 'a', n_choices, out, max_out, &count) < 0;
            p = e;
        } else if (ascii_digit(*p)) {
            long v = 0;
            int nd = 0;
            while (ascii_digit(*p)) {
                if (nd < 9)
                    v = v * 10 + (*p - '0');
                nd++;
                p++;
            }
            bad = nd > 9 || add_choice((int)v - 1, n_choices, out, max_out, &count) < 0;
        } else if (ascii_space(*p) || strchr(",;/+&().:[]", *p)) {
            p++;
        } else {
            bad = 1;
        }
    }
    free(f);
    return bad ? -1 : count;
}

/* ------------------------------------------------------------------ sets and orderings */

static void choice_label(int idx, int n_choices, char *buf, size_t len)
{
    if (n_choices <= 26 && idx >= 0 && idx < 26)
        snprintf(buf, len, "%c", 'A' + idx);
    else
        snprintf(buf, len, "%d", idx + 1);
}

static void append(char *buf, size_t size, const char *fmt, ...)
{
    size_t l = strlen(buf);
    va_list ap;
    if (l + 1 >= size)
        return;
    va_start(ap, fmt);
    vsnprintf(buf + l, size - l, fmt, ap);
    va_end(ap);
}

static void append_list(char *buf, size_t size, const int *v, int n, int n_choices)
{
    int i;
    for (i = 0; i < n; i++) {
        char lab[16];
        choice_label(v[i], n_choices, lab, sizeof lab);
        append(buf, size, "%s%s", i ? ", " : "", lab);
    }
    if (n == 0)
        append(buf, size, "none");
}

static int contains(const int *v, int n, int x)
{
    int i;
    for (i = 0; i < n; i++)
        if (v[i] == x)
            return 1;
    return 0;
}

static int int_cmp(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* Sorted distinct copy of v (count in *nd). */
static int *distinct(const int *v, int n, int *nd)
{
    int *d = malloc((size_t)(n > 0 ? n : 1) * sizeof *d), i, k = 0;
    if (!d)
        return NULL;
    if (v && n > 0) {
        memcpy(d, v, (size_t)n * sizeof *d);
        qsort(d, (size_t)n, sizeof *d, int_cmp);
        for (i = 0; i < n; i++)
            if (k == 0 || d[k - 1] != d[i])
                d[k++] = d[i];
    }
    *nd = k;
    return d;
}

grade_result grade_set(const int *given, int n_given, const int *correct, int n_correct, int n_choices)
{
    grade_result r = empty_result();
    int ng, nc, i, right = 0, wrong = 0, nmiss = 0, nwrong = 0;
    int *g = distinct(given, given ? n_given : 0, &ng), *c = distinct(correct, correct ? n_correct : 0, &nc);
    int *missed = NULL, *wrongs = NULL;
    char ans[GRADE_FEEDBACK_SIZE] = "", miss[GRADE_FEEDBACK_SIZE] = "", bad[GRADE_FEEDBACK_SIZE] = "";
    double score;
    if (!g || !c || !(missed = malloc((size_t)(nc + 1) * sizeof *missed)) ||
        !(wrongs = malloc((size_t)(ng + 1) * sizeof *wrongs))) {
        free(g), free(c), free(missed), free(wrongs);
        set_result(&r, GRADE_WRONG, 0.0, "Wrong");
        return r;
    }
    for (i = 0; i < ng; i++) {
        if (contains(c, nc, g[i]))
            right++;
        else
            wrongs[nwrong++] = g[i], wrong++;
    }
    for (i = 0; i < nc; i++)
        if (!contains(g, ng, c[i]))
            missed[nmiss++] = c[i];
    score = nc > 0 ? (double)(right - wrong) / nc : (ng == 0 ? 1.0 : 0.0);
    if (score < 0)
        score = 0;
    append_list(ans, sizeof ans, c, nc, n_choices);
    if (nmiss) {
        append(miss, sizeof miss, "; missed ");
        append_list(miss, sizeof miss, missed, nmiss, n_choices);
    }
    if (nwrong) {
        append(bad, sizeof bad, "; wrongly chose ");
        append_list(bad, sizeof bad, wrongs, nwrong, n_choices);
    }
    if (nmiss == 0 && nwrong == 0)
        set_result(&r, GRADE_CORRECT, 1.0, "Correct: %s", ans);
    else if (score > 0)
        set_result(&r, GRADE_NEAR, score, "Partly right: the answer is %s%s%s", ans, miss, bad);
    else
        set_result(&r, GRADE_WRONG, 0.0, "Wrong: the answer is %s%s%s", ans, miss, bad);
    free(g), free(c), free(missed), free(wrongs);
    return r;
}

static int position(const int *v, int n, int x)
{
    int i;
    for (i = 0; i < n; i++)
        if (v[i] == x)
            return i;
    return -1;
}

grade_result grade_order(const int *given, int n_given, const int *correct_order, int n)
{
    grade_result r = empty_result();
    char ans[GRADE_FEEDBACK_SIZE] = "";
    int i, j, exact, *pos;
    double pairs, right = 0, score;
    if (!given)
        n_given = 0;
    if (!correct_order || n <= 0) {
        if (n_given <= 0)
            set_result(&r, GRADE_CORRECT, 1.0, "Correct");
        else
            set_result(&r, GRADE_WRONG, 0.0, "Wrong: there is nothing to order");
        return r;
    }
    append_list(ans, sizeof ans, correct_order, n, n);
    exact = n_given == n;
    for (i = 0; exact && i < n; i++)
        exact = given[i] == correct_order[i];
    pos = malloc((size_t)n * sizeof *pos);
    if (!pos) {
        set_result(&r, GRADE_WRONG, 0.0, "Wrong: the order is %s", ans);
        return r;
    }
    for (i = 0; i < n; i++)
        pos[i] = position(given, n_given > 0 ? n_given : 0, correct_order[i]);
    pairs = (double)n * (n - 1) / 2;
    for (i = 0; i < n; i++)
        for (j = i + 1; j < n; j++)
            if (pos[i] >= 0 && pos[j] >= 0 && pos[i] < pos[j])
                right++;
    free(pos);
    score = exact ? 1.0 : (pairs > 0 ? right / pairs : 0.0);
    if (exact)
        set_result(&r, GRADE_CORRECT, 1.0, "Correct: %s", ans);
    else if (score >= 0.5)
        set_result(&r, GRADE_NEAR, score, "Nearly: the order is %s", ans);
    else
        set_result(&r, GRADE_WRONG, score, "Wrong: the order is %s", ans);
    return r;
}
