/* fsrs_dual.h: forward-mode automatic differentiation over the 21 FSRS weights, for the
 * optimizer — a value and its partial derivatives by w0..w20, carried through each formula. */
#ifndef HALQA_FSRS_DUAL_H
#define HALQA_FSRS_DUAL_H

#include <math.h>

#include "fsrs.h"

typedef struct dual {
    double v;
    double d[FSRS_NUM_WEIGHTS];
} dual;

static inline dual dconst(double v)
{
    dual r = {v, {0}};
    return r;
}

/* Weight i as a variable: d/dw_i = 1. */
static inline dual dvar(const double *w, int i)
{
    dual r = dconst(w[i]);
    r.d[i] = 1.0;
    return r;
}

static inline dual dadd(dual a, dual b)
{
    a.v += b.v;
    for (int i = 0; i < FSRS_NUM_WEIGHTS; i++)
        a.d[i] += b.d[i];
    return a;
}

static inline dual daddc(dual a, double c)
{
    a.v += c;
    return a;
}

static inline dual dsub(dual a, dual b)
{
    a.v -= b.v;
    for (int i = 0; i < FSRS_NUM_WEIGHTS; i++)
        a.d[i] -= b.d[i];
    return a;
}

static inline dual dmul(dual a, dual b)
{
    dual r;
    r.v = a.v * b.v;
    for (int i = 0; i < FSRS_NUM_WEIGHTS; i++)
        r.d[i] = a.d[i] * b.v + a.v * b.d[i];
    return r;
}

static inline dual dscale(dual a, double c)
{
    a.v *= c;
    for (int i = 0; i < FSRS_NUM_WEIGHTS; i++)
        a.d[i] *= c;
    return a;
}

/* f(a) with f'(a) = fp. */
static inline dual dchain(dual a, double f, double fp)
{
    a.v = f;
    for (int i = 0; i < FSRS_NUM_WEIGHTS; i++)
        a.d[i] *= fp;
    return a;
}

static inline dual dexp(dual a)
{
    double e = exp(a.v);
    return dchain(a, e, e);
}

static inline dual dlog(dual a)
{
    return dchain(a, log(a.v), 1.0 / a.v);
}

static inline dual ddiv(dual a, dual b)
{
    return dmul(a, dchain(b, 1.0 / b.v, -1.0 / (b.v * b.v)));
}

/* a^b for a > 0: e^(b ln a). */
static inline dual dpow(dual a, dual b)
{
    return dexp(dmul(b, dlog(a)));
}

/* Clamping stops the gradient, as autodiff's clamp does. */
static inline dual dclamp(dual a, double lo, double hi)
{
    if (a.v < lo)
        return dconst(lo);
    if (a.v > hi)
        return dconst(hi);
    return a;
}

static inline dual dmin(dual a, dual b)
{
    return a.v <= b.v ? a : b;
}

static inline dual dmax(dual a, dual b)
{
    return a.v >= b.v ? a : b;
}

#endif
