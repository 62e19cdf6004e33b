/*
 * inputs.h — the list of input files a command was given, with folders
 * expanded to the files inside them.
 */
#ifndef TD_INPUTS_H
#define TD_INPUTS_H

#include <stddef.h>

typedef struct input_list {
    char **paths; /* malloc'ed strings */
    size_t n, cap;
} input_list;

/* Adds each argument: a folder adds every regular file below it (hidden
 * files and folders skipped, in sorted order, so runs are repeatable);
 * anything else is added as it is, to be opened and reported later.
 * A folder with no file in it is reported on stderr and counts as a
 * failure in *failed. */
void inputs_expand(input_list *list, char **args, int nargs, int *failed);
void inputs_free(input_list *list);

#endif
