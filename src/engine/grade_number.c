/* grade_number.c: number answers: grouped, decimal, approximate and multiplied forms, exact or within tolerance. */

/*
 * GRADING POLICY: numbers
 * (the rules every grader keeps are in grade_internal.h)
 *
 * Numbers (grade_number)
 *   Accepted: 3000, 3,000, 3 000 (also thin/no-break spaces), lakh grouping 3,00,000,
 *   +/- sign, decimals with a point (2.5), a leading approximator (about, approximately,
 *   approx., around, roughly, nearly, some, circa, c., ~, ≈), a multiplier (k, thousand,
 *   lakh/lac, million/mn, crore, billion/bn), "%" and trailing unit words ("3000 members").
 *   "3.000" is three (a point is always a decimal point). A comma group that is not a
 *   thousands/lakh group ("3,5", "30,00") and more than one number ("3000-4000") are UNCLEAR.
 *   Spelled-out numbers ("three thousand") and anything else that is not a number are
 *   not read: UNCLEAR, so the session asks again rather than marking it wrong.
 *   approximate: within 10% of the value CORRECT, within 25% NEAR (0.5), else WRONG;
 *   otherwise the number must be equal (to 1e-9 relative).
 */

#include "grade.h"
#include "grade_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ numbers */

static double dabs(double x) { return x < 0 ? -x : x; }

static int is_number_filler(const char *w, size_t len)
{
    static const char *const fillers[] = {"about", "approximately", "approx", "around", "roughly", "nearly",
                                          "some",  "circa",         "c",      "ca",     "almost",  "estimated",
                                          "est"};
    size_t i;
    for (i = 0; i < sizeof fillers / sizeof *fillers; i++)
        if (gr_word_is(w, len, fillers[i]))
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
        if (gr_word_is(w, len, mult[i].w))
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
        while (gr_ascii_space(*p))
            p++;
        if (gr_ascii_lower(*p)) {
            const char *e = p;
            while (gr_ascii_lower(*e))
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
        while (gr_ascii_space(*p))
            p++;
    }
    if (!gr_ascii_digit(*p) && !(*p == '.' && gr_ascii_digit(p[1])))
        return 0;
    /* integer part, optionally grouped: 3,000 / 3,00,000 (lakh) / 3 000 */
    {
        size_t first = 0, g, last = 0;
        char gsep = 0;
        while (gr_ascii_digit(p[first]))
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
            for (g = 0; gr_ascii_digit(p[1 + g]); g++)
                ;
            if (s == ' ' && (g != 3 || first > 3 || gsep == ','))
                break; /* not a digit group: the number ended */
            if (s == ',' && g == 0)
                break; /* "3000, ..." */
            if (s == ',' && (first > 3 || gsep == ' ' || (g != 2 && g != 3))) {
                gr_say(why, whylen, "Write the number like 3000, 3,000 or 2.5.");
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
            gr_say(why, whylen, "Write the number like 3000, 3,000 or 2.5.");
            return -1;
        }
    }
    if (*p == '.' && gr_ascii_digit(p[1])) {
        const char *q = p + 1;
        buf[bl++] = '.';
        while (gr_ascii_digit(*q)) {
            if (bl >= sizeof buf - 2)
                return 0;
            buf[bl++] = *q++;
        }
        p = q;
    }
    buf[bl] = '\0';
    *out = strtod(buf, NULL);
    /* multiplier, percent, unit words; no further numbers */
    while (gr_ascii_space(*p))
        p++;
    if (gr_ascii_lower(*p)) {
        const char *e = p;
        double m;
        while (gr_ascii_lower(*e))
            e++;
        m = multiplier(p, (size_t)(e - p));
        if (m > 0) {
            *out *= m;
            p = e;
        }
    }
    for (; *p; p++)
        if (gr_ascii_digit(*p)) {
            gr_say(why, whylen, "Give a single number.");
            return -1;
        }
    if (neg)
        *out = -*out;
    return 1;
}

/* value for feedback: integers with thousands commas from 10,000 up (a year such as 1995 and a
 * four-digit count stay as written, as the question's answer shows them; lib/quiz/question.lua
 * writes answers the same way), otherwise up to 10 significant digits. */
static void format_number(double v, char *buf, size_t len)
{
    /* the range first: casting a double beyond long long (1e300, nan) is undefined */
    if (dabs(v) < 1e4 && v == (double)(long long)v) {
        snprintf(buf, len, "%lld", (long long)v);
    } else if (dabs(v) < 1e15 && v == (double)(long long)v) {
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
    grade_result r = gr_empty_result();
    char vx[64], why[GRADE_FEEDBACK_SIZE], *f;
    const char *about = approximate ? "about " : "";
    double a = 0;
    int p;
    format_number(value, vx, sizeof vx);
    if (!answer)
        answer = "";
    if (strlen(answer) > GRADE_MAX_ANSWER_BYTES) {
        gr_set_result(&r, GRADE_WRONG, 0.0, "Answer too long: the answer is %s%s", about, vx);
        return r;
    }
    if (gr_blank(answer)) {
        gr_set_result(&r, GRADE_WRONG, 0.0, "No answer: the answer is %s%s", about, vx);
        return r;
    }
    f = gr_fold(answer);
    why[0] = '\0';
    p = f ? parse_number(f, &a, why, sizeof why) : 0;
    free(f);
    if (p < 0) {
        gr_set_result(&r, GRADE_UNCLEAR, 0.0, "%s", why);
        return r;
    }
    if (p == 0) {
        gr_set_result(&r, GRADE_UNCLEAR, 0.0, "That is not a number: write it in digits, e.g. 1995 or 3,000.");
        return r;
    }
    if (approximate) {
        double err = value != 0 ? dabs(a - value) / dabs(value) : dabs(a);
        if (err <= 0.10 + 1e-12)
            gr_set_result(&r, GRADE_CORRECT, 1.0, "Correct: about %s", vx);
        else if (err <= 0.25 + 1e-12)
            gr_set_result(&r, GRADE_NEAR, 0.5, "Nearly: about %s", vx);
        else
            gr_set_result(&r, GRADE_WRONG, 0.0, "Wrong: the answer is about %s", vx);
    } else {
        double tol = 1e-9 * (dabs(value) > 1 ? dabs(value) : 1);
        if (dabs(a - value) <= tol)
            gr_set_result(&r, GRADE_CORRECT, 1.0, "Correct: %s", vx);
        else
            gr_set_result(&r, GRADE_WRONG, 0.0, "Wrong: the answer is %s", vx);
    }
    return r;
}
