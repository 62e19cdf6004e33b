/* cmd_train.c — PLACEHOLDER until the trainer lands. */
#include <stdio.h>

#include "commands.h"

int cmd_train(int argc, char **argv)
{
    (void)argc, (void)argv;
    fprintf(stderr, "tidings train: not available yet\n");
    return EXIT_USAGE;
}
