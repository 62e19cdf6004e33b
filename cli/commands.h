/*
 * commands.h — the subcommands of the tidings command line.
 *
 * Each subcommand is one file cli/cmd_NAME.c exporting
 * `int cmd_NAME(int argc, char **argv)` (argv[0] is the subcommand's name)
 * that returns the exit status: 0 success, 1 bad input, 2 bad usage.
 * main.c holds the table that maps names to functions.
 */
#ifndef TD_COMMANDS_H
#define TD_COMMANDS_H

enum { EXIT_OK = 0, EXIT_BAD_INPUT = 1, EXIT_USAGE = 2 };

int cmd_read(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_tag(int argc, char **argv);
int cmd_train(int argc, char **argv);

#endif
