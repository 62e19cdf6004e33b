/*
 * engine.c — loading and freeing what all threads share (see engine.h).
 *
 * Data and model folders default to the ones this build was made from
 * (TD_DATA_DIR, TD_MODEL_DIR set by the Makefile), can be moved with the
 * TIDINGS_DATA / TIDINGS_MODELS environment variables, and are overridden
 * by td_engine_options.
 */
#include "engine.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "ner/ner.h"
#include "stages.h"
#include "util/dict.h"

#ifndef TD_DATA_DIR
#define TD_DATA_DIR "data"
#endif
#ifndef TD_MODEL_DIR
#define TD_MODEL_DIR "models"
#endif

static char *engine_dir(const char *given, const char *env, const char *built)
{
    const char *d = given ? given : getenv(env);
    return strdup(d && *d ? d : built);
}

static int dict_by_name(const void *a, const void *b)
{
    return strcmp(((const td_named_dict *)a)->name, ((const td_named_dict *)b)->name);
}

/* Loads every data/dict/NAME.txt.  A missing folder is not an error (the
 * stages then run without their word lists); an unreadable file is. */
static int engine_load_dicts(td_engine *e, char *err, size_t errlen)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/dict", e->data_dir);
    DIR *dir = opendir(path);
    if (!dir)
        return 0;
    size_t cap = 0;
    struct dirent *ent;
    int rc = 0;
    while ((ent = readdir(dir))) {
        size_t n = strlen(ent->d_name);
        if (n < 5 || strcmp(ent->d_name + n - 4, ".txt") || ent->d_name[0] == '.')
            continue;
        if (e->ndicts == cap) {
            cap = cap ? cap * 2 : 16;
            td_named_dict *d = realloc(e->dicts, cap * sizeof *d);
            if (!d) {
                td_errorf(err, errlen, "out of memory");
                rc = -1;
                break;
            }
            e->dicts = d;
        }
        snprintf(path, sizeof path, "%s/dict/%s", e->data_dir, ent->d_name);
        td_dict *dict = td_dict_load(path, err, errlen);
        if (!dict) {
            rc = -1;
            break;
        }
        e->dicts[e->ndicts].name = strndup(ent->d_name, n - 4);
        e->dicts[e->ndicts++].dict = dict;
    }
    closedir(dir);
    if (e->ndicts)
        qsort(e->dicts, e->ndicts, sizeof *e->dicts, dict_by_name);
    return rc;
}

const td_dict *td_engine_dict(const td_engine *e, const char *name)
{
    if (!e || !e->ndicts)
        return NULL;
    td_named_dict key = {(char *)name, NULL};
    const td_named_dict *found =
        bsearch(&key, e->dicts, e->ndicts, sizeof *e->dicts, dict_by_name);
    return found ? found->dict : NULL;
}

td_engine *td_engine_new(const td_engine_options *opt, char *err, size_t errlen)
{
    xmlInitParser(); /* libxml2's globals, once, before threads parse pages */
    td_engine *e = calloc(1, sizeof *e);
    if (!e) {
        td_errorf(err, errlen, "out of memory");
        return NULL;
    }
    e->data_dir = engine_dir(opt ? opt->data_dir : NULL, "TIDINGS_DATA", TD_DATA_DIR);
    e->model_dir = engine_dir(opt ? opt->model_dir : NULL, "TIDINGS_MODELS", TD_MODEL_DIR);
    if (!e->data_dir || !e->model_dir) {
        td_engine_free(e);
        td_errorf(err, errlen, "out of memory");
        return NULL;
    }
    if (engine_load_dicts(e, err, errlen) ||
        td_ner_load_dir(e->model_dir, &e->ner, err, errlen)) {
        td_engine_free(e);
        return NULL;
    }
    return e;
}

void td_engine_free(td_engine *e)
{
    if (!e)
        return;
    for (size_t i = 0; i < e->ndicts; i++) {
        free(e->dicts[i].name);
        td_dict_free(e->dicts[i].dict);
    }
    free(e->dicts);
    td_ner_free(e->ner);
    free(e->data_dir);
    free(e->model_dir);
    free(e);
}
