/* grade_testing.h: what the test_grade_*.c files share: result checks, a seeded generator, garbage inputs. */
#ifndef HALQA_GRADE_TESTING_H
#define HALQA_GRADE_TESTING_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "grade.h"

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

static const char *const verdict_names[] = {"WRONG", "NEAR", "CORRECT", "UNCLEAR"};

/* ------------------------------------------------------------------ helpers */

static inline int valid_utf8(const char *s)
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

static inline void check_feedback_sane(const grade_result *r, const char *label)
{
    if (memchr(r->feedback, '\0', sizeof r->feedback) == NULL)
        fail_msg("%s: feedback not NUL-terminated", label);
    if (!valid_utf8(r->feedback))
        fail_msg("%s: feedback is not valid UTF-8", label);
    if (r->score < 0.0 || r->score > 1.0)
        fail_msg("%s: score %f outside 0..1", label, r->score);
}

static inline void check_result(const grade_result *r, const char *label, size_t i, grade_verdict v, double score)
{
    check_feedback_sane(r, label);
    if (r->verdict != v || r->score < score - 1e-9 || r->score > score + 1e-9)
        fail_msg("case %zu [%s]: got %s %.4f (\"%s\"), want %s %.4f", i, label, verdict_names[r->verdict], r->score,
                 r->feedback, verdict_names[v], score);
}

static inline void check_contains(const char *hay, const char *needle, const char *label, size_t i)
{
    if (strstr(hay, needle) == NULL)
        fail_msg("case %zu [%s]: \"%s\" does not contain \"%s\"", i, label, hay, needle);
}

/* deterministic xorshift for garbage inputs (each test executable starts from this seed) */
static uint32_t rng_state = 2463534242u;
static inline uint32_t rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

/* NUL-free random bytes, malloc'd */
static inline char *random_bytes(size_t len)
{
    char *s = malloc(len + 1);
    size_t i;
    assert_non_null(s);
    for (i = 0; i < len; i++)
        s[i] = (char)(1 + rng() % 255);
    s[len] = '\0';
    return s;
}

static inline char *repeat(const char *unit, size_t total)
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

#endif
