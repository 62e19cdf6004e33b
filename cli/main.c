/*
 * main.c — the tidings command: picks the subcommand and hands it argv.
 *
 * The command line is a thin layer over libtidings: each subcommand parses
 * its options, calls the library and prints.  Exit status 0 is success,
 * 1 bad input (one line on stderr naming the file), 2 bad usage.
 */
#include <stdio.h>
#include <string.h>

#include "commands.h"

static const struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} commands[] = {
    {"read", cmd_read, "analyse documents, write JSON Lines or GDELT TSV"},
    {"extract", cmd_extract, "page anatomy and body_text only"},
    {"tag", cmd_tag, "append predicted IOB2 entity tags to CoNLL lines"},
    {"train", cmd_train, "train a model (tidings train ner ...)"},
};

static void usage(FILE *out)
{
    fprintf(out, "usage: tidings COMMAND [OPTIONS] [FILE...]\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\n'tidings COMMAND --help' describes one command.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") ||
        !strcmp(argv[1], "help")) {
        usage(stdout);
        return EXIT_OK;
    }
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (!strcmp(argv[1], commands[i].name))
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "tidings: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return EXIT_USAGE;
}
