/* grade_text.c: free-text and person-name answers: typos within budget, titles, acronyms, name parts. */

/*
 * GRADING POLICY: text
 * (the rules every grader keeps are in grade_internal.h)
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
 */

#include "grade.h"
#include "grade_internal.h"

#include <stdlib.h>
#include <string.h>

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
        while (i < alen && !gr_ascii_digit(a[i]))
            i++;
        while (j < blen && !gr_ascii_digit(b[j]))
            j++;
        if (i == alen || j == blen)
            return i == alen && j == blen;
        while (i < alen && j < blen && gr_ascii_digit(a[i]) && gr_ascii_digit(b[j]) && a[i] == b[j])
            i++, j++;
        if ((i < alen && gr_ascii_digit(a[i])) || (j < blen && gr_ascii_digit(b[j])))
            return 0; /* runs differ */
    }
}

static int span_distance(span a, span b)
{
    size_t n, m;
    cp_t *ca = gr_decode(a.s, a.len, &n), *cb = gr_decode(b.s, b.len, &m);
    int d = (ca && cb) ? gr_dl_distance(ca, n, cb, m) : -1;
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
    nt = gr_cp_count(t, tlen);
    na = gr_cp_count(a, alen);
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
            int wb = grade_typo_budget(gr_cp_count(wt[k].s, wt[k].len)), dw;
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
        if (i < len && gr_is_letter_cat(cat)) {
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
    return d >= 0 && d <= grade_typo_budget(gr_cp_count(w.s, w.len));
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
    char *n = gr_normalize_impl(s, !person);
    if (n && person)
        strip_titles(n);
    return n;
}

grade_result grade_text(const char *answer, const char *canonical, const char *const *accepted,
                        size_t n_accepted, int is_person_name)
{
    grade_result r = gr_empty_result();
    const char *canon = canonical ? canonical : "";
    char *a, **targets;
    size_t nt = 1 + (accepted ? n_accepted : 0), i;
    int best = -1, partial = 0, exact = 0;

    if (!answer)
        answer = "";
    if (strlen(answer) > GRADE_MAX_ANSWER_BYTES) {
        gr_set_result(&r, GRADE_WRONG, 0.0, "Answer too long: the answer is %s", canon);
        return r;
    }
    a = text_form(answer, is_person_name);
    if (!a || !*a) {
        gr_set_result(&r, GRADE_WRONG, 0.0, "No answer: the answer is %s", canon);
        free(a);
        return r;
    }
    targets = calloc(nt, sizeof *targets);
    if (!targets) {
        free(a);
        gr_set_result(&r, GRADE_WRONG, 0.0, "Wrong: the answer is %s", canon);
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
        gr_set_result(&r, GRADE_CORRECT, 1.0, "Correct: %s", canon);
    else if (best >= 0)
        gr_set_result(&r, GRADE_CORRECT, 1.0, "Correct (spelling: %s)", canon);
    else if (partial)
        gr_set_result(&r, GRADE_NEAR, 0.5, "Nearly: the full name is %s", canon);
    else
        gr_set_result(&r, GRADE_WRONG, 0.0, "Wrong: the answer is %s", canon);

    for (i = 0; i < nt; i++)
        free(targets[i]);
    free(targets);
    free(a);
    return r;
}
