/*
 * engine.h — what td_engine holds (internal).
 *
 * Everything loaded once and shared read-only by all threads: trained
 * models, gazetteers, dictionaries.  Each stage owns its own resource type
 * and its load/free functions; engine.c only calls them.
 */
#ifndef TD_ENGINE_H
#define TD_ENGINE_H

#include "tidings.h"

struct td_ner_model;
struct td_dict;

typedef struct td_named_dict {
    char *name; /* file name without .txt */
    struct td_dict *dict;
} td_named_dict;

struct td_engine {
    char *data_dir, *model_dir;
    struct td_ner_model *ner;    /* NULL until a model is loaded */
    td_named_dict *dicts;        /* every data/dict/NAME.txt, by name */
    size_t ndicts;
};

#endif
