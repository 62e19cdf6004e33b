/*
 * stages.h — the internal interface between the pipeline's stages.
 *
 * Each stage lives in its own file (or folder) and exposes one or two
 * functions here.  pipeline.c calls them in order; tests call them one by
 * one.  A stage reads what earlier stages left in the td_doc and adds its
 * own results; it never removes anything.
 */
#ifndef TD_STAGES_H
#define TD_STAGES_H

#include <stddef.h>

#include "doc.h"
#include "util/buf.h"

/* ---- ingest (reader.c, detect.c) ------------------------------------- */

/* Decodes raw bytes to UTF-8 NFC text with \n line ends: UTF-8 (BOM
 * dropped), UTF-16 LE/BE with BOM, else Windows-1252 when the bytes are not
 * valid UTF-8.  Returns 0, or -1 with a one-line message in err (empty,
 * binary or oversized input). */
int td_decode_text(const char *bytes, size_t len, td_buf *out, char *err,
                   size_t errlen);

/* Like td_decode_text for bytes whose charset is known (from HTTP headers,
 * <meta charset> or an XML declaration): "utf-8", "windows-1252",
 * "iso-8859-1", "utf-16le"... NULL or unknown falls back to detection. */
int td_decode_charset(const char *bytes, size_t len, const char *charset,
                      td_buf *out, char *err, size_t errlen);

/* Conversions to UTF-8 without any checking or normalization, for readers
 * that decide the charset themselves (HTML): Windows-1252 (a superset of
 * ISO-8859-1's printable range), and any charset glibc's iconv knows
 * (bytes that do not convert become U+FFFD; -1 if the name is unknown). */
void td_from_cp1252(const char *bytes, size_t len, td_buf *out);
int td_from_charset(const char *charset, const char *bytes, size_t len, td_buf *out);
/* Whether a charset label (any case) names UTF-8, or Windows-1252 /
 * ISO-8859-1 / ASCII. */
int td_charset_is_utf8(const char *charset);
int td_charset_is_latin1(const char *charset);

/* Unicode NFC and line-end normalization of valid UTF-8. */
int td_normalize_utf8(const char *s, size_t len, td_buf *out);

/* Guesses the kind of input from its first bytes. */
td_kind td_detect_kind(const char *bytes, size_t len);

/* ---- anatomy ---------------------------------------------------------- */

/* Plain text: labels each line or paragraph of doc->text (anatomy_text.c). */
void td_anatomy_text(td_doc *doc);

/* HTML page → document whose text is the extracted article and whose
 * anatomy and metadata are filled (html/).  Returns NULL with a message in
 * err when the page cannot be read. */
td_doc *td_html_read(const td_engine *engine, const char *bytes, size_t len,
                     const char *charset, const td_input *input, char *err,
                     size_t errlen);

/* Feeds and WARC files: each item or response record becomes a document
 * handed to fn, as td_read does (feed.c, warc.c).  Return the number of
 * records that failed. */
int td_feed_read(const td_engine *engine, const char *bytes, size_t len,
                 const td_input *input, td_doc_fn fn, void *ctx);
int td_warc_read(const td_engine *engine, const char *bytes, size_t len,
                 const td_input *input, td_doc_fn fn, void *ctx);

/* ---- language --------------------------------------------------------- */

/* Splits every analysed part (td_part_is_analysed) into sentences and
 * tokens (tokenize.c, sentence.c). */
void td_tokenize(td_doc *doc);

/* ---- entities --------------------------------------------------------- */

/* Tags tokens with the NER model and builds linked entities (ner/, entities.c). */
void td_entities(td_doc *doc);

/* ---- the pipeline ----------------------------------------------------- */

/* Runs the stages after ingest, up to depth (pipeline.c). */
void td_analyse(td_doc *doc, td_depth depth);

/* Writes a one-line message into err (printf style); helpers for readers. */
void td_errorf(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
