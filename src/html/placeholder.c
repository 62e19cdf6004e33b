/* html/placeholder.c — PLACEHOLDER until the HTML, feed and WARC readers land. */
#include "stages.h"

int td_feed_read(const td_engine *engine, const char *bytes, size_t len,
                 const td_input *input, td_doc_fn fn, void *ctx)
{
    (void)engine, (void)bytes, (void)len, (void)input;
    fn(ctx, NULL, "feeds are not supported yet");
    return 1;
}

int td_warc_read(const td_engine *engine, const char *bytes, size_t len,
                 const td_input *input, td_doc_fn fn, void *ctx)
{
    (void)engine, (void)bytes, (void)len, (void)input;
    fn(ctx, NULL, "WARC files are not supported yet");
    return 1;
}
