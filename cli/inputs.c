/*
 * inputs.c — folders on the command line become the files inside them.
 *
 * Users point tidings at a corpus: `tidings read pages/` should read every
 * page below pages/, in a stable order (depth first, names sorted), without
 * a shell glob that breaks on a hundred thousand names.  fts walks the
 * tree; symbolic links inside it are not followed, so a link cycle cannot
 * loop, and hidden files and folders are skipped.
 */
#include "inputs.h"

#include <fts.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void list_add(input_list *list, const char *path)
{
    if (list->n == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 64;
        char **p = realloc(list->paths, cap * sizeof *p);
        if (!p) {
            fprintf(stderr, "tidings: out of memory listing inputs\n");
            exit(1);
        }
        list->paths = p;
        list->cap = cap;
    }
    char *copy = strdup(path);
    if (!copy) {
        fprintf(stderr, "tidings: out of memory listing inputs\n");
        exit(1);
    }
    list->paths[list->n++] = copy;
}

static int by_name(const FTSENT **a, const FTSENT **b)
{
    return strcmp((*a)->fts_name, (*b)->fts_name);
}

/* Adds the regular files below folder, depth first, siblings by name. */
static int walk_folder(input_list *list, char *folder)
{
    char *roots[] = {folder, NULL};
    FTS *fts = fts_open(roots, FTS_PHYSICAL | FTS_NOCHDIR, by_name);
    if (!fts)
        return -1;
    FTSENT *e;
    int rc = 0;
    while ((e = fts_read(fts))) {
        if (e->fts_level > 0 && e->fts_name[0] == '.') {
            if (e->fts_info == FTS_D)
                fts_set(fts, e, FTS_SKIP);
            continue;
        }
        if (e->fts_info == FTS_F)
            list_add(list, e->fts_path);
        else if (e->fts_info == FTS_DNR || e->fts_info == FTS_ERR)
            rc = -1;
    }
    fts_close(fts);
    return rc;
}

void inputs_expand(input_list *list, char **args, int nargs, int *failed)
{
    for (int i = 0; i < nargs; i++) {
        struct stat st;
        if (strcmp(args[i], "-") && stat(args[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            size_t before = list->n;
            if (walk_folder(list, args[i])) {
                fprintf(stderr, "tidings: %s: cannot read all of the folder\n", args[i]);
                (*failed)++;
            }
            if (list->n == before) {
                fprintf(stderr, "tidings: %s: no files in the folder\n", args[i]);
                (*failed)++;
            }
            continue;
        }
        list_add(list, args[i]);
    }
}

void inputs_free(input_list *list)
{
    for (size_t i = 0; i < list->n; i++)
        free(list->paths[i]);
    free(list->paths);
    list->paths = NULL;
    list->n = list->cap = 0;
}
