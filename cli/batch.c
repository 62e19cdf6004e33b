/*
 * batch.c — many files, all cores, output in input order.
 *
 * Worker threads take the next file index from a shared counter, read and
 * analyse the file, and leave its JSON lines and error messages in that
 * file's slot.  The main thread prints slots strictly in order, so output
 * is the same whatever the number of threads.  Workers may run at most a
 * window of files ahead of the printer, which bounds memory on long lists.
 *
 * Files are mapped, not copied, when they can be (WARC files run to GBs).
 */
#include "batch.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "util/buf.h"

typedef struct slot {
    td_buf out, errors;
    size_t docs, bytes;
    int failed, done;
    int index;
} slot;

typedef struct batch {
    const td_engine *engine;
    const batch_options *opt;
    char **files;
    int nfiles;
    slot *slots;
    pthread_mutex_t lock;
    pthread_cond_t slot_done, window_moved;
    int next, printed;
} batch;

typedef struct doc_sink {
    batch *b;
    slot *s;
    const char *file;
} doc_sink;

/* The bytes of a file: mapped when regular, read otherwise. */
typedef struct file_bytes {
    char *data;
    size_t len;
    int mapped;
} file_bytes;

static int read_all(int fd, file_bytes *fb, char *err, size_t errlen)
{
    size_t cap = 1 << 16;
    fb->data = malloc(cap);
    fb->len = 0;
    if (!fb->data)
        return snprintf(err, errlen, "out of memory"), -1;
    for (;;) {
        if (fb->len == cap) {
            if (cap >= ((size_t)1 << 34)) {
                snprintf(err, errlen, "input is too large");
                return -1;
            }
            char *p = realloc(fb->data, cap * 2);
            if (!p)
                return snprintf(err, errlen, "out of memory"), -1;
            fb->data = p;
            cap *= 2;
        }
        ssize_t n = read(fd, fb->data + fb->len, cap - fb->len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return snprintf(err, errlen, "cannot read: %s", strerror(errno)), -1;
        if (n == 0)
            return 0;
        fb->len += (size_t)n;
    }
}

static int file_open(const char *path, file_bytes *fb, char *err, size_t errlen)
{
    memset(fb, 0, sizeof *fb);
    if (!strcmp(path, "-"))
        return read_all(0, fb, err, errlen);
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return snprintf(err, errlen, "cannot open: %s", strerror(errno)), -1;
    struct stat st;
    int rc = 0;
    if (fstat(fd, &st) < 0) {
        rc = -1;
        snprintf(err, errlen, "cannot stat: %s", strerror(errno));
    } else if (S_ISDIR(st.st_mode)) {
        rc = -1;
        snprintf(err, errlen, "is a directory");
    } else if (S_ISREG(st.st_mode) && st.st_size > 0) {
        void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (p == MAP_FAILED) {
            rc = read_all(fd, fb, err, errlen);
        } else {
            fb->data = p;
            fb->len = (size_t)st.st_size;
            fb->mapped = 1;
        }
    } else {
        rc = read_all(fd, fb, err, errlen);
    }
    close(fd);
    return rc;
}

static void file_close(file_bytes *fb)
{
    if (fb->mapped)
        munmap(fb->data, fb->len);
    else
        free(fb->data);
}

static void print_slot(slot *s);

/* A file with many documents (WARC, JSON Lines) would otherwise pile up
 * its whole output: once the slot is large, and every earlier file has
 * been printed, it is written out now.  The printer thread is then waiting
 * for this very slot, so nobody else touches it. */
enum { SLOT_FLUSH_BYTES = 1 << 20 };

static void slot_flush_if_head(batch *b, slot *s)
{
    int threaded = b->opt->jobs > 1;
    if (threaded)
        pthread_mutex_lock(&b->lock);
    int head = b->printed == s->index;
    if (threaded)
        pthread_mutex_unlock(&b->lock);
    if (head)
        print_slot(s);
}

static int sink_doc(void *ctx, td_doc *doc, const char *error)
{
    doc_sink *k = ctx;
    if (error) {
        td_buf_printf(&k->s->errors, "tidings: %s: %s\n", k->file, error);
        k->s->failed++;
        return 0;
    }
    size_t n;
    char *json = td_doc_json(doc, k->b->opt->shape, k->b->opt->pretty, &n);
    td_buf_add(&k->s->out, json, n);
    td_buf_addc(&k->s->out, '\n');
    free(json);
    k->s->docs++;
    td_doc_free(doc);
    if (k->s->out.len > SLOT_FLUSH_BYTES)
        slot_flush_if_head(k->b, k->s);
    return 0;
}

static void process_file(batch *b, int i)
{
    slot *s = &b->slots[i];
    file_bytes fb;
    char err[512];
    if (file_open(b->files[i], &fb, err, sizeof err)) {
        td_buf_printf(&s->errors, "tidings: %s: %s\n", b->files[i], err);
        s->failed++;
        file_close(&fb);
        return;
    }
    td_input in = b->opt->input;
    in.name = b->files[i];
    doc_sink k = {b, s, b->files[i]};
    s->bytes = fb.len;
    td_read(b->engine, fb.data ? fb.data : "", fb.len, &in, sink_doc, &k);
    file_close(&fb);
}

enum { WINDOW_PER_JOB = 8 };

static void *worker(void *arg)
{
    batch *b = arg;
    int window = WINDOW_PER_JOB * (b->opt->jobs > 0 ? b->opt->jobs : 1);
    for (;;) {
        pthread_mutex_lock(&b->lock);
        while (b->next < b->nfiles && b->next - b->printed >= window)
            pthread_cond_wait(&b->window_moved, &b->lock);
        int i = b->next < b->nfiles ? b->next++ : -1;
        pthread_mutex_unlock(&b->lock);
        if (i < 0)
            return NULL;
        process_file(b, i);
        pthread_mutex_lock(&b->lock);
        b->slots[i].done = 1;
        pthread_cond_broadcast(&b->slot_done);
        pthread_mutex_unlock(&b->lock);
    }
}

static void print_slot(slot *s)
{
    if (s->out.len)
        fwrite(s->out.data, 1, s->out.len, stdout);
    else if (!s->errors.len)
        return;
    if (s->errors.len) {
        fflush(stdout);
        fwrite(s->errors.data, 1, s->errors.len, stderr);
    }
    td_buf_clear(&s->out);
    td_buf_clear(&s->errors);
}

static void slot_release(slot *s)
{
    td_buf_free(&s->out);
    td_buf_free(&s->errors);
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double cpu_seconds(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
           (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
}

int batch_run(const td_engine *engine, char **files, int nfiles,
              const batch_options *opt)
{
    batch b = {.engine = engine, .opt = opt, .files = files, .nfiles = nfiles};
    b.slots = calloc((size_t)nfiles, sizeof *b.slots);
    if (!b.slots) {
        fprintf(stderr, "tidings: out of memory\n");
        return 1;
    }
    for (int i = 0; i < nfiles; i++)
        b.slots[i].index = i;
    double t0 = now_seconds(), c0 = cpu_seconds();
    int jobs = opt->jobs > 0 ? opt->jobs : (int)sysconf(_SC_NPROCESSORS_ONLN);
    if (jobs < 1)
        jobs = 1;
    if (jobs > nfiles)
        jobs = nfiles;
    batch_options o = *opt; /* with the number of threads really used */
    o.jobs = jobs;
    b.opt = &o;
    size_t docs = 0, bytes = 0;
    int failed = 0;
    if (jobs <= 1) {
        for (int i = 0; i < nfiles; i++) {
            b.printed = i;
            process_file(&b, i);
            docs += b.slots[i].docs, bytes += b.slots[i].bytes;
            failed += b.slots[i].failed;
            print_slot(&b.slots[i]);
            slot_release(&b.slots[i]);
        }
    } else {
        pthread_mutex_init(&b.lock, NULL);
        pthread_cond_init(&b.slot_done, NULL);
        pthread_cond_init(&b.window_moved, NULL);
        pthread_t *threads = calloc((size_t)jobs, sizeof *threads);
        int started = 0;
        for (int t = 0; threads && t < jobs; t++)
            if (pthread_create(&threads[t], NULL, worker, &b) == 0)
                started++;
        if (!started) /* no threads to be had: do the work here */
            worker(&b);
        for (int i = 0; i < nfiles; i++) {
            pthread_mutex_lock(&b.lock);
            while (!b.slots[i].done)
                pthread_cond_wait(&b.slot_done, &b.lock);
            pthread_mutex_unlock(&b.lock);
            docs += b.slots[i].docs, bytes += b.slots[i].bytes;
            failed += b.slots[i].failed;
            print_slot(&b.slots[i]);
            slot_release(&b.slots[i]);
            pthread_mutex_lock(&b.lock);
            b.printed = i + 1;
            pthread_cond_broadcast(&b.window_moved);
            pthread_mutex_unlock(&b.lock);
        }
        for (int t = 0; t < started; t++)
            pthread_join(threads[t], NULL);
        free(threads);
        pthread_mutex_destroy(&b.lock);
        pthread_cond_destroy(&b.slot_done);
        pthread_cond_destroy(&b.window_moved);
    }
    fflush(stdout);
    if (opt->stats) {
        double wall = now_seconds() - t0, cpu = cpu_seconds() - c0;
        struct rusage ru;
        getrusage(RUSAGE_SELF, &ru);
        fprintf(stderr,
                "stats: files=%d docs=%zu failed=%d bytes=%zu wall=%.3fs cpu=%.3fs "
                "docs_per_cpu_s=%.1f mb_per_cpu_s=%.2f peak_rss_mb=%.1f\n",
                nfiles, docs, failed, bytes, wall, cpu, cpu > 0 ? (double)docs / cpu : 0,
                cpu > 0 ? (double)bytes / 1e6 / cpu : 0, (double)ru.ru_maxrss / 1024.0);
    }
    free(b.slots);
    return failed ? 1 : 0;
}
