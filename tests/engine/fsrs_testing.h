/* fsrs_testing.h: what the FSRS tests share (tests/engine/test_fsrs.c, tests/bindings/test_lua_fsrs.c). */
#ifndef HALQA_FSRS_TESTING_H
#define HALQA_FSRS_TESTING_H

#include <math.h>

#include "fsrs.h"

#define TOL 1e-9

/* cmocka 1.1.5 only compares floats; this keeps double precision and shows both values. */
#define assert_near(actual, expected, tol)                                                    \
    do {                                                                                       \
        double a_ = (actual), e_ = (expected);                                                 \
        if (!(fabs(a_ - e_) <= (tol))) {                                                       \
            print_error("%s = %.12g, expected %.12g (tol %g)\n", #actual, a_, e_, (double)(tol)); \
            fail();                                                                            \
        }                                                                                      \
    } while (0)

static inline fsrs_params defaults(void)
{
    fsrs_params p;
    fsrs_default_params(&p);
    return p;
}

#endif
