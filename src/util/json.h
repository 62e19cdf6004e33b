/*
 * json.h — a streaming JSON writer and a small JSON reader.
 *
 * The writer appends to a td_buf and places commas itself: callers say
 * what comes next (a key, a value, an object) and never punctuation.
 * Strings are escaped per RFC 8259; bytes that are not valid UTF-8 become
 * U+FFFD so the output is always valid JSON.  td_json_pretty() re-indents
 * a compact document for humans.
 *
 * The reader parses one JSON text into a tree allocated from an arena
 * (td_json_parse); it rejects trailing garbage and nesting deeper than
 * TD_JSON_MAX_DEPTH, and never reads past the given length.
 */
#ifndef TD_JSON_H
#define TD_JSON_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "buf.h"

#define TD_JSON_MAX_DEPTH 64

typedef struct td_json_writer {
    td_buf *out;
    int depth;
    uint64_t has_items; /* bit d: the container at depth d has an item */
    int after_key;
} td_json_writer;

void td_jw_init(td_json_writer *w, td_buf *out);
void td_jw_object(td_json_writer *w);
void td_jw_object_end(td_json_writer *w);
void td_jw_array(td_json_writer *w);
void td_jw_array_end(td_json_writer *w);
void td_jw_key(td_json_writer *w, const char *key);
void td_jw_string(td_json_writer *w, const char *s, size_t n);
void td_jw_cstring(td_json_writer *w, const char *s); /* NULL writes null */
void td_jw_int(td_json_writer *w, long long v);
void td_jw_double(td_json_writer *w, double v, int decimals);
void td_jw_bool(td_json_writer *w, int v);
void td_jw_null(td_json_writer *w);

/* Appends s[0..n) escaped, without the quotes. */
void td_json_escape(td_buf *out, const char *s, size_t n);

/* Re-indents compact JSON (two spaces a level).  Returns malloc'ed text. */
char *td_json_pretty(const char *json, size_t len, size_t *out_len);

typedef enum td_json_type {
    TD_JSON_NULL, TD_JSON_FALSE, TD_JSON_TRUE, TD_JSON_NUMBER,
    TD_JSON_STRING, TD_JSON_ARRAY, TD_JSON_OBJECT
} td_json_type;

typedef struct td_json_value td_json_value;
struct td_json_value {
    td_json_type type;
    double number;
    char *string;      /* strings (decoded, NUL-terminated) */
    size_t length;     /* string length, or number of items / members */
    char **keys;       /* objects: member names */
    td_json_value **items; /* arrays: items; objects: member values */
};

/* Parses text[0..len).  Returns NULL and a message in err on bad input. */
td_json_value *td_json_parse(td_arena *a, const char *text, size_t len,
                             char *err, size_t errlen);
/* Member of an object by name, or NULL. */
const td_json_value *td_json_get(const td_json_value *obj, const char *key);
/* String member of an object, or NULL if absent or not a string. */
const char *td_json_get_string(const td_json_value *obj, const char *key);

#endif
