/*
 * tidings.h — the public interface of libtidings.
 *
 * tidings turns world-news articles (plain text, HTML pages, RSS/Atom feeds,
 * WARC archives) into data: the page's anatomy, sentences and tokens,
 * entities, places, dates, amounts, quotes, CAMEO events, tone and framing.
 * Every fact points at a byte span of the document's normalized text.
 *
 * The interface is deliberately small:
 *   - a td_engine holds everything loaded once (models, gazetteers,
 *     dictionaries).  It is immutable after td_engine_new() and may be shared
 *     by any number of threads.
 *   - td_read() turns the bytes of one input (a file, stdin) into zero or
 *     more documents (a WARC or a feed holds many) and hands each, analysed,
 *     to a callback.  A document that cannot be read is reported to the same
 *     callback with an error message, and reading goes on with the next one.
 *   - td_doc_json() writes a document as one line of schema-1 JSON.
 *
 * No function keeps global mutable state; a td_doc belongs to the thread
 * that is handed it, and td_doc_free() releases all of its memory.
 */
#ifndef TIDINGS_H
#define TIDINGS_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TD_SCHEMA_VERSION 1

/* The largest document tidings accepts, in bytes of input.  Larger inputs
 * are reported as errors (WARC and feed files may be larger as a whole:
 * the limit applies to each record or item). */
#define TD_MAX_DOC_BYTES (16u << 20)

typedef struct td_engine td_engine;
typedef struct td_doc td_doc;

/* What kind of input the bytes are; TD_KIND_AUTO detects it from them. */
typedef enum td_kind {
    TD_KIND_AUTO = 0,
    TD_KIND_TEXT,
    TD_KIND_HTML,
    TD_KIND_FEED,
    TD_KIND_WARC,
    TD_KIND_JSONL
} td_kind;

/* How far to analyse: anatomy only (tidings extract) or everything. */
typedef enum td_depth {
    TD_DEPTH_ANATOMY = 0,
    TD_DEPTH_LANGUAGE, /* + sentences and tokens */
    TD_DEPTH_FULL
} td_depth;

/* Facts known about an input from outside it.  All fields may be NULL. */
typedef struct td_input {
    const char *name;   /* file name, for ids and error messages ("-" = stdin) */
    const char *id;     /* document id; default: base name without extensions */
    const char *url;
    const char *source; /* outlet name */
    const char *date;   /* document date, YYYY-MM-DD */
    td_kind kind;
    td_depth depth;
} td_input;

typedef struct td_engine_options {
    const char *data_dir;  /* dictionaries and gazetteers; NULL = built-in default */
    const char *model_dir; /* trained models; NULL = built-in default */
} td_engine_options;

/* Loads what analysis needs.  Returns NULL and writes a one-line message to
 * err (of errlen bytes) on failure. */
td_engine *td_engine_new(const td_engine_options *opt, char *err, size_t errlen);
void td_engine_free(td_engine *engine);

/* Receives each document read from an input, in order.  Exactly one of doc
 * and error is non-NULL.  The callback owns doc and must td_doc_free() it.
 * error is a one-line message without the file name.  Returning non-zero
 * stops reading. */
typedef int (*td_doc_fn)(void *ctx, td_doc *doc, const char *error);

/* Reads the bytes of one input, analyses each document in it to the depth
 * asked for, and hands each to fn.  Returns the number of documents that
 * failed (0 when all went well). */
int td_read(const td_engine *engine, const char *bytes, size_t len,
            const td_input *input, td_doc_fn fn, void *ctx);

/* Writes doc as schema-1 JSON (one line unless pretty).  The string is
 * malloc'ed, NUL-terminated, and belongs to the caller. */
typedef enum td_json_shape {
    TD_JSON_FULL = 0, /* tidings read */
    TD_JSON_EXTRACT   /* tidings extract: id, metadata, anatomy, body_text */
} td_json_shape;
char *td_doc_json(const td_doc *doc, td_json_shape shape, int pretty, size_t *len);

const char *td_doc_id(const td_doc *doc);
void td_doc_free(td_doc *doc);

/* The name of a kind ("text", "html", ...) and back; -1 if unknown. */
const char *td_kind_name(td_kind kind);
int td_kind_parse(const char *name);

#ifdef __cplusplus
}
#endif
#endif
