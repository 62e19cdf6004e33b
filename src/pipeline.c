/*
 * pipeline.c — runs the stages in DESIGN.md's order on one document.
 *
 * Readers (text, HTML, feeds, WARC) produce documents; td_analyse takes
 * each one as far as the caller asked.  Stages are called here and nowhere
 * else, so the order of the pipeline can be read in one place.
 */
#include <stdarg.h>
#include <stdio.h>

#include "engine.h"
#include "stages.h"

void td_errorf(char *err, size_t errlen, const char *fmt, ...)
{
    if (!err || !errlen)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

void td_analyse(td_doc *doc, td_depth depth)
{
    if (!doc->has_anatomy)
        td_anatomy_text(doc);
    if (depth < TD_DEPTH_LANGUAGE)
        return;
    td_tokenize(doc);
    if (depth < TD_DEPTH_FULL)
        return;
    td_entities(doc);
}
