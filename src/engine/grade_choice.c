/* grade_choice.c: choice lists, multiple answers (sets) and orderings, with graded credit. */

/*
 * GRADING POLICY: choices, multiple answers, orderings
 * (the rules every grader keeps are in grade_internal.h)
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
#include "grade_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    f = gr_fold(answer);
    if (!f)
        return -1;
    for (p = f; *p && !bad;) {
        if (gr_ascii_lower(*p)) {
            const char *e = p;
            while (gr_ascii_lower(*e))
                e++;
            if (gr_word_is(p, (size_t)(e - p), "or"))
                bad = 1; /* a hedge, not a list */
            else if (!gr_word_is(p, (size_t)(e - p), "and"))
                for (; p < e && !bad; p++)
                    bad = add_choice(*p - 'a', n_choices, out, max_out, &count) < 0;
            p = e;
        } else if (gr_ascii_digit(*p)) {
            long v = 0;
            int nd = 0;
            while (gr_ascii_digit(*p)) {
                if (nd < 9)
                    v = v * 10 + (*p - '0');
                nd++;
                p++;
            }
            bad = nd > 9 || add_choice((int)v - 1, n_choices, out, max_out, &count) < 0;
        } else if (gr_ascii_space(*p) || strchr(",;/+&().:[]", *p)) {
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
    grade_result r = gr_empty_result();
    int ng, nc, i, right = 0, wrong = 0, nmiss = 0, nwrong = 0;
    int *g = distinct(given, given ? n_given : 0, &ng), *c = distinct(correct, correct ? n_correct : 0, &nc);
    int *missed = NULL, *wrongs = NULL;
    char ans[GRADE_FEEDBACK_SIZE] = "", miss[GRADE_FEEDBACK_SIZE] = "", bad[GRADE_FEEDBACK_SIZE] = "";
    double score;
    if (!g || !c || !(missed = malloc((size_t)(nc + 1) * sizeof *missed)) ||
        !(wrongs = malloc((size_t)(ng + 1) * sizeof *wrongs))) {
        free(g), free(c), free(missed), free(wrongs);
        gr_set_result(&r, GRADE_WRONG, 0.0, "Wrong");
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
        gr_set_result(&r, GRADE_CORRECT, 1.0, "Correct: %s", ans);
    else if (score > 0)
        gr_set_result(&r, GRADE_NEAR, score, "Partly right: the answer is %s%s%s", ans, miss, bad);
    else
        gr_set_result(&r, GRADE_WRONG, 0.0, "Wrong: the answer is %s%s%s", ans, miss, bad);
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
    grade_result r = gr_empty_result();
    char ans[GRADE_FEEDBACK_SIZE] = "";
    int i, j, exact, *pos;
    double pairs, right = 0, score;
    if (!given)
        n_given = 0;
    if (!correct_order || n <= 0) {
        if (n_given <= 0)
            gr_set_result(&r, GRADE_CORRECT, 1.0, "Correct");
        else
            gr_set_result(&r, GRADE_WRONG, 0.0, "Wrong: there is nothing to order");
        return r;
    }
    append_list(ans, sizeof ans, correct_order, n, n);
    exact = n_given == n;
    for (i = 0; exact && i < n; i++)
        exact = given[i] == correct_order[i];
    pos = malloc((size_t)n * sizeof *pos);
    if (!pos) {
        gr_set_result(&r, GRADE_WRONG, 0.0, "Wrong: the order is %s", ans);
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
        gr_set_result(&r, GRADE_CORRECT, 1.0, "Correct: %s", ans);
    else if (score >= 0.5)
        gr_set_result(&r, GRADE_NEAR, score, "Nearly: the order is %s", ans);
    else
        gr_set_result(&r, GRADE_WRONG, score, "Wrong: the order is %s", ans);
    return r;
}
