/* grade_date.c: date answers: month names, date tokens, parsing, formatting and grading to the fact's precision. */

/*
 * GRADING POLICY: dates
 * (the rules every grader keeps are in grade_internal.h)
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
 *   A day and month without a year is not a date. What is not a date at all ("hello") is
 *   UNCLEAR too: it is asked again, not marked wrong.
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
 */

#include "grade.h"
#include "grade_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
            if (gr_word_is(w, len, full[m]) || gr_word_is(w, len, abbr[m]))
                return m + 1;
        return gr_word_is(w, len, "sept") ? 9 : 0;
    }
    {
        char *word = malloc(len + 1), *nw;
        int found = 0;
        if (!word)
            return 0;
        memcpy(word, w, len);
        word[len] = '\0';
        nw = gr_normalize_impl(word, 0);
        free(word);
        for (m = 0; nw && m < 12 && !found; m++) {
            char *nm = gr_normalize_impl(urdu_months[m], 0);
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
    if (gr_word_is(w, len, "early"))
        return GRADE_PART_EARLY;
    if (gr_word_is(w, len, "mid") || gr_word_is(w, len, "middle"))
        return GRADE_PART_MID;
    if (gr_word_is(w, len, "late"))
        return GRADE_PART_LATE;
    return 0;
}

static int is_date_filler(const char *w, size_t len)
{
    static const char *const fillers[] = {"in", "on", "the", "of", "around", "about", "circa", "c", "ca",
                                          "approx", "approximately", "year", "ad", "ce", "sometime", "roughly"};
    size_t i;
    for (i = 0; i < sizeof fillers / sizeof *fillers; i++)
        if (gr_word_is(w, len, fillers[i]))
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
        if (gr_ascii_digit(ch)) {
            size_t j = i;
            t[n].kind = TK_NUM;
            while (j < len && gr_ascii_digit(f[j])) {
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
        if (gr_is_letter_cat(utf8proc_category(c))) {
            size_t j = i;
            while (j < len) {
                cp_t d;
                utf8proc_ssize_t kk = utf8proc_iterate((const utf8proc_uint8_t *)f + j, (utf8proc_ssize_t)(len - j), &d);
                utf8proc_category_t cat;
                if (kk <= 0)
                    break;
                cat = utf8proc_category(d);
                if (!gr_is_letter_cat(cat) && !(cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME))
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
                gr_say(why, whylen, "Give one year or date, e.g. %d or %d-03-06.", y, y);
                return -1;
            }
            return 0;
        }
        if (nn == 2 && m > 12) {
            gr_say(why, whylen, "Give one year or date, e.g. %d or %d-03-06.", y, y);
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
                gr_say(why, whylen,
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
        gr_say(why, whylen, "Write the year in full, e.g. \"6 March 1948\" or \"1948-03-06\".");
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
    f = gr_fold(answer);
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
            (gr_word_is(t[i].w, t[i].wlen, "st") || gr_word_is(t[i].w, t[i].wlen, "nd") ||
             gr_word_is(t[i].w, t[i].wlen, "rd") || gr_word_is(t[i].w, t[i].wlen, "th"))) {
            t[i - 1].ordinal = 1;
            t[i].dropped = 1;
        } else if (gr_word_is(t[i].w, t[i].wlen, "s") && i > 0 && t[i - 1].kind == TK_NUM) {
            t[i - 1].decade = 1;
            t[i].dropped = 1;
        } else if (gr_word_is(t[i].w, t[i].wlen, "s") && i > 1 && t[i - 1].kind == TK_SEP && t[i - 1].sep == '\'' &&
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
                gr_say(why, whylen, "Write the decade in full, e.g. \"1960s\".");
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
        gr_say(why, whylen, "Write the year in full, e.g. \"6 March 1948\".");
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

grade_result grade_date_answer(const char *answer, const grade_date *fact)
{
    grade_result r = gr_empty_result();
    char fx[64], why[GRADE_FEEDBACK_SIZE];
    grade_date a;
    int p;
    if (!fact || (!fact->year && !fact->decade)) {
        gr_set_result(&r, GRADE_WRONG, 0.0, "Wrong: no date to compare with");
        return r;
    }
    grade_format_date(fact, fx, sizeof fx);
    if (!answer)
        answer = "";
    if (strlen(answer) > GRADE_MAX_ANSWER_BYTES) {
        gr_set_result(&r, GRADE_WRONG, 0.0, "Answer too long: the answer is %s", fx);
        return r;
    }
    if (gr_blank(answer)) {
        gr_set_result(&r, GRADE_WRONG, 0.0, "No answer: the answer is %s", fx);
        return r;
    }
    p = grade_parse_date(answer, &a, why, sizeof why);
    if (p < 0) {
        gr_set_result(&r, GRADE_UNCLEAR, 0.0, "%s", why);
        return r;
    }
    if (p == 0) {
        gr_set_result(&r, GRADE_UNCLEAR, 0.0, "That is not a date: write one like 1948, March 1948 or 6 March 1948.");
        return r;
    }
    switch (date_verdict(&a, fact)) {
    case GRADE_CORRECT: gr_set_result(&r, GRADE_CORRECT, 1.0, "Correct: %s", fx); break;
    case GRADE_NEAR: gr_set_result(&r, GRADE_NEAR, 0.5, "Nearly: the answer is %s", fx); break;
    default: gr_set_result(&r, GRADE_WRONG, 0.0, "Wrong: the answer is %s", fx); break;
    }
    return r;
}
