/* grade.h - answer grading core for halqa: normalisation, typo tolerance, dates, numbers, choices (pure C11, utf8proc). */
#ifndef HALQA_GRADE_H
#define HALQA_GRADE_H

#include <stddef.h>

/* Answers longer than this many bytes are WRONG without further work. */
#define GRADE_MAX_ANSWER_BYTES 1000
/* grade_distance refuses operands longer than this many code points (returns -1). */
#define GRADE_MAX_DISTANCE_CODEPOINTS 1024
/* Size of grade_result.feedback, including the terminating NUL. */
#define GRADE_FEEDBACK_SIZE 256

typedef enum {
    GRADE_WRONG,
    GRADE_NEAR,
    GRADE_CORRECT,
    GRADE_UNCLEAR /* the answer cannot be graded as written (e.g. 6/3/1948); ask again */
} grade_verdict;

typedef struct {
    grade_verdict verdict;
    double score;                        /* 0..1 */
    char feedback[GRADE_FEEDBACK_SIZE];  /* NUL-terminated UTF-8, never cut inside a character */
} grade_result;

typedef enum { GRADE_PART_NONE = 0, GRADE_PART_EARLY = 1, GRADE_PART_MID = 2, GRADE_PART_LATE = 3 } grade_part;

/* A date at some precision; 0 means "not given / unknown".
 * Day precision {1948,3,6,0,0}; month {1990,12,0,0,0}; year {1951,0,0,0,0};
 * part of a year {2009,0,0,0,3} ("late 2009"); part of a decade {1965,0,0,1960,2}
 * ("mid-1960s"; year is only a nearest-year hint and is ignored when decade != 0);
 * a decade {0 or 1965,0,0,1960,0} ("1960s"). */
typedef struct {
    int year, month, day; /* 0 = unknown */
    int decade;           /* 0 or a multiple of 10, e.g. 1960 */
    int part;             /* grade_part: 0 none, 1 early, 2 mid, 3 late */
} grade_date;

/* Normalised comparison form of s (see the policy in grade_fold.c). malloc'd; the caller frees.
 * Returns "" (allocated) for NULL; invalid UTF-8 bytes act as separators.
 * Returns NULL only when memory runs out. */
char *grade_normalize(const char *s);

/* Damerau-Levenshtein distance (insertions, deletions, substitutions and transpositions of
 * adjacent code points) between the code points of a and b as given (no normalisation;
 * each invalid UTF-8 byte counts as one U+FFFD). -1 if an operand is NULL, longer than
 * GRADE_MAX_DISTANCE_CODEPOINTS code points, or memory runs out. */
int grade_distance(const char *a, const char *b);

/* Number of edits tolerated in a target of this many code points. */
int grade_typo_budget(size_t codepoints);

/* Free-text answer. accepted may be NULL when n_accepted is 0; NULL entries are skipped. */
grade_result grade_text(const char *answer, const char *canonical, const char *const *accepted,
                        size_t n_accepted, int is_person_name);

/* 1: parsed into *out; 0: not a date; -1: ambiguous or incomplete, why (if given) says how to
 * write it. why may be NULL; whylen includes the NUL. */
int grade_parse_date(const char *answer, grade_date *out, char *why, size_t whylen);

/* fact as text at its own precision, e.g. "6 March 1948", "late 2009", "mid-1960s". Returns buf. */
char *grade_format_date(const grade_date *fact, char *buf, size_t buflen);

grade_result grade_date_answer(const char *answer, const grade_date *fact);

/* approximate != 0: within 10% CORRECT, within 25% NEAR; otherwise exact. */
grade_result grade_number(const char *answer, double value, int approximate);

/* "b", "B", "a,c", "a c", "1 3", "a and c", "cabd" -> 0-based indices in order of first
 * appearance, duplicates collapsed. Returns the count (0 for an empty answer), or -1 if the
 * answer is not a valid choice list, names a choice outside 0..n_choices-1, or has more
 * than max_out distinct choices. */
int grade_parse_choices(const char *answer, int n_choices, int *out, int max_out);

/* Multiple answer: score = max(0, (right picks - wrong picks) / n_correct). */
grade_result grade_set(const int *given, int n_given, const int *correct, int n_correct, int n_choices);

/* Ordering: score = fraction of item pairs in the right relative order (Kendall). */
grade_result grade_order(const int *given, int n_given, const int *correct_order, int n);

#endif
