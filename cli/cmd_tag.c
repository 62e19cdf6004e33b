/* cmd_tag.c — PLACEHOLDER until the NER tagger lands. */
#include <stdio.h>

#include "commands.h"

int cmd_tag(int argc, char **argv)
{
    (void)argc, (void)argv;
    fprintf(stderr, "tidings tag: not available yet\n");
    return EXIT_USAGE;
}
