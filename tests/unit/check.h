/*
 * check.h — the project's minimal unit-test harness.
 *
 * A test program defines `static void test_x(void)` functions that use
 * CHECK / CHECK_EQ_INT / CHECK_EQ_STR / CHECK_SPAN, and a main() that runs
 * them with RUN(test_x) and returns CHECK_REPORT().  A test passes when none
 * of its checks failed.  Each program prints one line
 * "NAME: N passed, N failed"; tests/run.sh adds them up.
 *
 * The harness keeps its counters in one static struct: that is test code,
 * not the library, which has no global state.
 */
#ifndef TD_CHECK_H
#define TD_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tidings.h"

static struct {
    int passed, failed, current_failed;
    const char *current;
} check_state;

#define CHECK(cond)                                                            \
    do {                                                                       \
        if (!(cond)) {                                                         \
            check_state.current_failed++;                                      \
            fprintf(stderr, "%s:%d: %s: check failed: %s\n", __FILE__,         \
                    __LINE__, check_state.current, #cond);                     \
        }                                                                      \
    } while (0)

#define CHECK_EQ_INT(got, want)                                                \
    do {                                                                       \
        long long g_ = (long long)(got), w_ = (long long)(want);               \
        if (g_ != w_) {                                                        \
            check_state.current_failed++;                                      \
            fprintf(stderr, "%s:%d: %s: %s is %lld, want %lld\n", __FILE__,    \
                    __LINE__, check_state.current, #got, g_, w_);              \
        }                                                                      \
    } while (0)

#define CHECK_EQ_STR(got, want)                                                \
    do {                                                                       \
        const char *g_ = (got), *w_ = (want);                                  \
        if (!g_ || !w_ ? g_ != w_ : strcmp(g_, w_) != 0) {                     \
            check_state.current_failed++;                                      \
            fprintf(stderr, "%s:%d: %s: %s is \"%s\", want \"%s\"\n",          \
                    __FILE__, __LINE__, check_state.current, #got,             \
                    g_ ? g_ : "(null)", w_ ? w_ : "(null)");                   \
        }                                                                      \
    } while (0)

/* The text of span sp in text equals want. */
#define CHECK_SPAN(text, sp, want)                                             \
    do {                                                                       \
        const char *w_ = (want);                                               \
        size_t n_ = (sp).end - (sp).start;                                     \
        if (n_ != strlen(w_) || memcmp((text) + (sp).start, w_, n_) != 0) {    \
            check_state.current_failed++;                                      \
            fprintf(stderr, "%s:%d: %s: span is \"%.*s\", want \"%s\"\n",      \
                    __FILE__, __LINE__, check_state.current, (int)n_,          \
                    (text) + (sp).start, w_);                                  \
        }                                                                      \
    } while (0)

#define RUN(fn)                                                                \
    do {                                                                       \
        check_state.current = #fn;                                             \
        check_state.current_failed = 0;                                        \
        fn();                                                                  \
        if (check_state.current_failed)                                        \
            check_state.failed++;                                              \
        else                                                                   \
            check_state.passed++;                                              \
    } while (0)

/* The engine a test program runs with (opt NULL: the build's data and
 * models), or the program stops with the reason. */
static inline td_engine *check_engine(const td_engine_options *opt)
{
    char err[512];
    td_engine *engine = td_engine_new(opt, err, sizeof err);
    if (!engine) {
        fprintf(stderr, "engine: %s\n", err);
        exit(1);
    }
    return engine;
}

#define CHECK_REPORT()                                                         \
    (printf("%s: %d passed, %d failed\n", __FILE__, check_state.passed,        \
            check_state.failed),                                               \
     check_state.failed ? 1 : 0)

#endif
