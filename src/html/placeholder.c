/* html/placeholder.c — PLACEHOLDER until the HTML, feed and WARC readers land. */
#include "stages.h"

td_doc *td_html_read(const td_engine *engine, const char *bytes, size_t len,
                     const char *charset, const td_input *input, char *err,
                     size_t errlen)
{
    (void)engine, (void)bytes, (void)len, (void)charset, (void)input;
    td_errorf(err, errlen, "HTML input is not supported yet");
    return NULL;
}

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
