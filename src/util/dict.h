/*
 * dict.h — read-only string dictionaries loaded from plain-text files.
 *
 * Word lists, gazetteers and maps live in data/dict/NAME.txt, one entry a
 * line: `key` or `key<TAB>value`, `#` starts a comment line, blank lines are
 * skipped.  A dictionary is an open-addressing hash table built once and
 * then only read, so any number of threads may look up at once.  Lookups
 * take (pointer, length) so callers can probe spans of a document without
 * copying, exactly or ignoring ASCII case.
 */
#ifndef TD_DICT_H
#define TD_DICT_H

#include <stddef.h>

typedef struct td_dict td_dict;
struct td_engine;

/* Loads path; NULL with a message in err on failure. */
td_dict *td_dict_load(const char *path, char *err, size_t errlen);
/* Builds a dictionary from a memory buffer in the same format. */
td_dict *td_dict_parse(const char *text, size_t len);
void td_dict_free(td_dict *d);
size_t td_dict_size(const td_dict *d);

/* The value of key (""  when the line had none), or NULL if absent.
 * d may be NULL. */
const char *td_dict_get(const td_dict *d, const char *key, size_t n);
/* The same ignoring ASCII case. */
const char *td_dict_get_fold(const td_dict *d, const char *key, size_t n);
/* The longest entry length in bytes (for bounding phrase probes). */
size_t td_dict_max_key(const td_dict *d);

/* The dictionary data/dict/NAME.txt loaded with the engine, or NULL. */
const td_dict *td_engine_dict(const struct td_engine *engine, const char *name);

#endif
