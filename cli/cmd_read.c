/*
 * cmd_read.c — `tidings read` and `tidings extract`.
 *
 *   tidings read [--date YYYY-MM-DD] [--url U] [--source NAME] [--id ID]
 *                [--format json] [--kind K] [--pretty] [-j N] [--stats] FILE...|-
 *   tidings extract [same options] FILE...|-
 *
 * Both read every file (or standard input; a folder stands for every file
 * below it), detect its kind, and print one
 * JSON object per document per line.  `extract` stops after the anatomy
 * and prints body_text; `read` runs the whole pipeline.
 */
#include <ctype.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "commands.h"
#include "inputs.h"

static void read_usage(FILE *out, const char *cmd)
{
    fprintf(out,
            "usage: tidings %s [OPTIONS] FILE|FOLDER...|-\n"
            "  --date YYYY-MM-DD  document date (relative dates resolve against it)\n"
            "  --url U            document URL\n"
            "  --source NAME      outlet name\n"
            "  --id ID            document id (default: file name without extensions)\n"
            "  --kind K           text, html, feed, warc or jsonl (default: detected)\n"
            "  --format F         json (GDELT formats: not yet)\n"
            "  --pretty           indented JSON\n"
            "  -j, --jobs N       worker threads (default: all cores)\n"
            "  --stats            throughput and peak memory on stderr\n"
            "Inputs may be gzip-compressed.  Each document is at most %u bytes.\n",
            cmd, TD_MAX_DOC_BYTES);
}

static int valid_date(const char *s)
{
    static const char shape[] = "dddd-dd-dd";
    if (strlen(s) != sizeof shape - 1)
        return 0;
    for (size_t i = 0; shape[i]; i++)
        if (shape[i] == 'd' ? !isdigit((unsigned char)s[i]) : s[i] != shape[i])
            return 0;
    int month = atoi(s + 5), day = atoi(s + 8);
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

static int run_read(int argc, char **argv, td_depth depth, td_json_shape shape)
{
    static const struct option longopts[] = {
        {"date", required_argument, NULL, 'd'},  {"url", required_argument, NULL, 'u'},
        {"source", required_argument, NULL, 's'}, {"id", required_argument, NULL, 'i'},
        {"kind", required_argument, NULL, 'k'},  {"format", required_argument, NULL, 'f'},
        {"pretty", no_argument, NULL, 'p'},      {"jobs", required_argument, NULL, 'j'},
        {"stats", no_argument, NULL, 'S'},       {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *cmd = argv[0];
    batch_options opt;
    memset(&opt, 0, sizeof opt);
    opt.input.depth = depth;
    opt.shape = shape;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "j:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'd':
            if (!valid_date(optarg)) {
                fprintf(stderr, "tidings %s: --date wants YYYY-MM-DD, not '%s'\n", cmd, optarg);
                return EXIT_USAGE;
            }
            opt.input.date = optarg;
            break;
        case 'u': opt.input.url = optarg; break;
        case 's': opt.input.source = optarg; break;
        case 'i': opt.input.id = optarg; break;
        case 'k': {
            int k = td_kind_parse(optarg);
            if (k < 0) {
                fprintf(stderr, "tidings %s: unknown --kind '%s'\n", cmd, optarg);
                return EXIT_USAGE;
            }
            opt.input.kind = (td_kind)k;
            break;
        }
        case 'f':
            if (strcmp(optarg, "json")) {
                fprintf(stderr, "tidings %s: --format %s is not available yet (json is)\n",
                        cmd, optarg);
                return EXIT_USAGE;
            }
            break;
        case 'p': opt.pretty = 1; break;
        case 'j': {
            char *end;
            long n = strtol(optarg, &end, 10);
            if (*end || n < 1 || n > 1024) {
                fprintf(stderr, "tidings %s: -j wants a number from 1 to 1024\n", cmd);
                return EXIT_USAGE;
            }
            opt.jobs = (int)n;
            break;
        }
        case 'S': opt.stats = 1; break;
        case 'h': read_usage(stdout, cmd); return EXIT_OK;
        default: read_usage(stderr, cmd); return EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "tidings %s: no input (name files, or - for standard input)\n", cmd);
        read_usage(stderr, cmd);
        return EXIT_USAGE;
    }
    if (opt.input.id && argc - optind > 1) {
        fprintf(stderr, "tidings %s: --id names one document; %d files given\n", cmd,
                argc - optind);
        return EXIT_USAGE;
    }
    char err[512];
    td_engine *engine = td_engine_new(NULL, err, sizeof err);
    if (!engine) {
        fprintf(stderr, "tidings %s: %s\n", cmd, err);
        return EXIT_BAD_INPUT;
    }
    input_list inputs = {0};
    int failed = 0;
    inputs_expand(&inputs, argv + optind, argc - optind, &failed);
    int rc = inputs.n ? batch_run(engine, inputs.paths, (int)inputs.n, &opt) : 0;
    inputs_free(&inputs);
    td_engine_free(engine);
    return rc || failed ? EXIT_BAD_INPUT : EXIT_OK;
}

int cmd_read(int argc, char **argv)
{
    return run_read(argc, argv, TD_DEPTH_FULL, TD_JSON_FULL);
}

int cmd_extract(int argc, char **argv)
{
    return run_read(argc, argv, TD_DEPTH_ANATOMY, TD_JSON_EXTRACT);
}
