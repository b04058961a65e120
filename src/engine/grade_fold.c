/* grade_fold.c: normalisation, edit distance and the typo budget, and the helpers every grader shares. */

/*
 * GRADING POLICY: normalisation, edit distance, typo budget
 * (the rules every grader keeps are in grade_internal.h)
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
 */

#include "grade.h"
#include "grade_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ small helpers */

int gr_ascii_digit(int c) { return c >= '0' && c <= '9'; }
int gr_ascii_lower(int c) { return c >= 'a' && c <= 'z'; }
int gr_ascii_space(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

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

void gr_set_result(grade_result *r, grade_verdict v, double score, const char *fmt, ...)
{
    va_list ap;
    r->verdict = v;
    r->score = score;
    va_start(ap, fmt);
    vsnprintf(r->feedback, sizeof r->feedback, fmt, ap);
    va_end(ap);
    utf8_trim_tail(r->feedback);
}

grade_result gr_empty_result(void)
{
    grade_result r;
    r.verdict = GRADE_WRONG;
    r.score = 0.0;
    r.feedback[0] = '\0';
    return r;
}

int gr_is_letter_cat(utf8proc_category_t c)
{
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

/* Decode UTF-8; each invalid byte becomes one U+FFFD. */
cp_t *gr_decode(const char *s, size_t len, size_t *n_out)
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

size_t gr_cp_count(const char *s, size_t len)
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

int gr_word_is(const char *w, size_t len, const char *lit)
{
    return strlen(lit) == len && memcmp(w, lit, len) == 0;
}

void gr_say(char *why, size_t whylen, const char *fmt, ...)
{
    va_list ap;
    if (!why || whylen == 0)
        return;
    va_start(ap, fmt);
    vsnprintf(why, whylen, fmt, ap);
    va_end(ap);
    utf8_trim_tail(why);
}

int gr_blank(const char *s)
{
    char *n = grade_normalize(s);
    int b = !n || !*n;
    free(n);
    return b;
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
char *gr_fold(const char *s)
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
                if (k != (utf8proc_ssize_t)(i - start) || !gr_is_letter_cat(utf8proc_category(c)))
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

char *gr_normalize_impl(const char *s, int drop_article)
{
    char *f = gr_fold(s), *t, *r;
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
        if (k <= 0) { /* cannot happen after gr_fold; be safe */
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
    return gr_normalize_impl(s ? s : "", 1);
}

/* ------------------------------------------------------------------ edit distance */

static int cmp_cp(const void *a, const void *b)
{
    cp_t x = *(const cp_t *)a, y = *(const cp_t *)b;
    return (x > y) - (x < y);
}

/* True Damerau-Levenshtein (Lowrance-Wagner). -1 if too long or out of memory. */
int gr_dl_distance(const cp_t *a, size_t n, const cp_t *b, size_t m)
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
    if (!a || !b || gr_cp_count(a, strlen(a)) > GRADE_MAX_DISTANCE_CODEPOINTS ||
        gr_cp_count(b, strlen(b)) > GRADE_MAX_DISTANCE_CODEPOINTS)
        return -1;
    ca = gr_decode(a, strlen(a), &n);
    cb = gr_decode(b, strlen(b), &m);
    d = (ca && cb) ? gr_dl_distance(ca, n, cb, m) : -1;
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
