/* grade_internal.h: what the grade_*.c files share: the grading policy, a code point type and grade_fold.c's helpers. */
#ifndef HALQA_GRADE_INTERNAL_H
#define HALQA_GRADE_INTERNAL_H

#include <stddef.h>

#include <utf8proc.h>

#include "grade.h"

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
 * Each grader's own rules open its file: normalisation, edit distance and the typo budget in
 * grade_fold.c, text in grade_text.c, dates in grade_date.c, numbers in grade_number.c,
 * choices, multiple answers and orderings in grade_choice.c.
 */

/* A Unicode code point, as utf8proc decodes it. */
typedef utf8proc_int32_t cp_t;

/* grade_fold.c: the small helpers */

/* c is an ASCII digit '0'..'9'. */
int gr_ascii_digit(int c);
/* c is an ASCII lower-case letter 'a'..'z'. */
int gr_ascii_lower(int c);
/* c is ASCII white space: space, tab, newline, CR, FF or VT. */
int gr_ascii_space(int c);
/* Sets verdict, score and printf-style feedback, cut back to its last complete character. */
void gr_set_result(grade_result *r, grade_verdict v, double score, const char *fmt, ...);
/* WRONG, score 0, no feedback: where every grader starts. */
grade_result gr_empty_result(void);
/* c is a letter category (Lu, Ll, Lt, Lm or Lo). */
int gr_is_letter_cat(utf8proc_category_t c);
/* The code points of len bytes of s, malloc'd (count in *n_out); an invalid byte is one U+FFFD. */
cp_t *gr_decode(const char *s, size_t len, size_t *n_out);
/* How many code points len bytes of s hold, an invalid byte counting as one. */
size_t gr_cp_count(const char *s, size_t len);
/* The len bytes at w are exactly the word lit. */
int gr_word_is(const char *w, size_t len, const char *lit);
/* printf-style "why" text for an UNCLEAR answer, cut on a character; why may be NULL. */
void gr_say(char *why, size_t whylen, const char *fmt, ...);
/* Nothing is left of s once it is normalised. */
int gr_blank(const char *s);

/* grade_fold.c: folding, normalisation and distance */

/* NFKC, case folding, marks stripped, invalid bytes as spaces; malloc'd, NULL when memory runs out. */
char *gr_fold(const char *s);
/* grade_normalize's form of s; a leading article is dropped only when drop_article is set. */
char *gr_normalize_impl(const char *s, int drop_article);
/* Damerau-Levenshtein distance between code point arrays; -1 if too long or out of memory. */
int gr_dl_distance(const cp_t *a, size_t n, const cp_t *b, size_t m);

#endif
