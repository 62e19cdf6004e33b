/*
 * json.c — JSON writer, pretty-printer and reader (see json.h).
 *
 * The writer tracks, per nesting level, whether a container already holds
 * an item, which is all it needs to place commas.  Escaping validates UTF-8
 * as it goes: tidings' text is normalized UTF-8 already, but metadata from
 * web pages and WARC headers is not guaranteed to be, and the output must
 * always parse.
 *
 * The reader is a recursive-descent parser bounded in depth, building a
 * tree in an arena.  It is small because tidings reads only small JSON
 * (JSON Lines inputs, sentences for `tidings code`).
 */
#include "json.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- writer ----------------------------------------------------------- */

void td_jw_init(td_json_writer *w, td_buf *out)
{
    w->out = out;
    w->depth = 0;
    w->has_items = 0;
    w->after_key = 0;
}

/* Places the comma before a new value or key, if one is due. */
static void jw_item(td_json_writer *w)
{
    if (w->after_key) {
        w->after_key = 0;
        return;
    }
    uint64_t bit = 1ull << (w->depth & 63);
    if (w->has_items & bit)
        td_buf_addc(w->out, ',');
    w->has_items |= bit;
}

static void jw_open(td_json_writer *w, char c)
{
    jw_item(w);
    td_buf_addc(w->out, c);
    w->depth++;
    w->has_items &= ~(1ull << (w->depth & 63));
}

static void jw_close(td_json_writer *w, char c)
{
    w->depth--;
    td_buf_addc(w->out, c);
}

void td_jw_object(td_json_writer *w) { jw_open(w, '{'); }
void td_jw_object_end(td_json_writer *w) { jw_close(w, '}'); }
void td_jw_array(td_json_writer *w) { jw_open(w, '['); }
void td_jw_array_end(td_json_writer *w) { jw_close(w, ']'); }

void td_jw_key(td_json_writer *w, const char *key)
{
    jw_item(w);
    td_buf_addc(w->out, '"');
    td_json_escape(w->out, key, strlen(key));
    td_buf_add(w->out, "\":", 2);
    w->after_key = 1;
}

void td_jw_string(td_json_writer *w, const char *s, size_t n)
{
    jw_item(w);
    td_buf_addc(w->out, '"');
    td_json_escape(w->out, s, n);
    td_buf_addc(w->out, '"');
}

void td_jw_cstring(td_json_writer *w, const char *s)
{
    if (s)
        td_jw_string(w, s, strlen(s));
    else
        td_jw_null(w);
}

void td_jw_int(td_json_writer *w, long long v)
{
    jw_item(w);
    td_buf_printf(w->out, "%lld", v);
}

void td_jw_double(td_json_writer *w, double v, int decimals)
{
    jw_item(w);
    if (!isfinite(v))
        td_buf_adds(w->out, "null");
    else if (v == floor(v) && fabs(v) < 9e15)
        td_buf_printf(w->out, "%.0f", v);
    else
        td_buf_printf(w->out, "%.*f", decimals, v);
}

void td_jw_bool(td_json_writer *w, int v)
{
    jw_item(w);
    td_buf_adds(w->out, v ? "true" : "false");
}

void td_jw_null(td_json_writer *w)
{
    jw_item(w);
    td_buf_adds(w->out, "null");
}

/* Length of the valid UTF-8 sequence at s (1..4), or 0 if invalid. */
static size_t utf8_valid_len(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    size_t len;
    unsigned min;
    unsigned cp;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2, min = 0x80, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF)
        len = 3, min = 0x800, cp = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4)
        len = 4, min = 0x10000, cp = c & 0x07;
    else
        return 0;
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

void td_json_escape(td_buf *out, const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0, run = 0; /* run: start of bytes copied verbatim */
    td_buf_reserve(out, n + 2);
    while (i < n) {
        unsigned char c = s[i];
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            i++;
            continue;
        }
        size_t ulen = c >= 0x80 ? utf8_valid_len(s + i, n - i) : 0;
        if (ulen) {
            i += ulen;
            continue;
        }
        td_buf_add(out, s + run, i - run);
        switch (c) {
        case '"': td_buf_add(out, "\\\"", 2); break;
        case '\\': td_buf_add(out, "\\\\", 2); break;
        case '\n': td_buf_add(out, "\\n", 2); break;
        case '\r': td_buf_add(out, "\\r", 2); break;
        case '\t': td_buf_add(out, "\\t", 2); break;
        case '\b': td_buf_add(out, "\\b", 2); break;
        case '\f': td_buf_add(out, "\\f", 2); break;
        default:
            if (c < 0x20)
                td_buf_printf(out, "\\u%04x", c);
            else
                td_buf_add(out, "\\ufffd", 6); /* invalid UTF-8 byte */
        }
        i++;
        run = i;
    }
    td_buf_add(out, s + run, n - run);
}

/* If json[i] opens an array of numbers, literals and short strings no
 * longer than 80 bytes in all, its length through the closing ']'; else 0. */
static size_t pretty_flat_array(const char *json, size_t len, size_t i)
{
    int in_string = 0;
    for (size_t k = i + 1; k < len && k - i < 80; k++) {
        char c = json[k];
        if (in_string) {
            if (c == '\\')
                k++;
            else if (c == '"')
                in_string = 0;
            continue;
        }
        if (c == '"')
            in_string = 1;
        else if (c == '[' || c == '{')
            return 0;
        else if (c == ']')
            return k - i + 1;
    }
    return 0;
}

char *td_json_pretty(const char *json, size_t len, size_t *out_len)
{
    td_buf b;
    td_buf_init(&b);
    td_buf_reserve(&b, len + len / 2);
    int depth = 0, in_string = 0;
    for (size_t i = 0; i < len; i++) {
        char c = json[i];
        if (in_string) {
            td_buf_addc(&b, c);
            if (c == '\\' && i + 1 < len)
                td_buf_addc(&b, json[++i]);
            else if (c == '"')
                in_string = 0;
            continue;
        }
        switch (c) {
        case '"':
            in_string = 1;
            td_buf_addc(&b, c);
            break;
        case '{':
        case '[': {
            /* keep empty containers, and short arrays of scalars such as
             * [start, end] pairs, on one line */
            size_t flat = c == '[' ? pretty_flat_array(json, len, i) : 0;
            if (flat) {
                int quoted = 0;
                for (size_t k = i; k < i + flat; k++) {
                    td_buf_addc(&b, json[k]);
                    if (quoted && json[k] == '\\')
                        td_buf_addc(&b, json[++k]);
                    else if (json[k] == '"')
                        quoted = !quoted;
                    else if (!quoted && json[k] == ',')
                        td_buf_addc(&b, ' ');
                }
                i += flat - 1;
                break;
            }
            if (i + 1 < len && (json[i + 1] == '}' || json[i + 1] == ']')) {
                td_buf_addc(&b, c);
                td_buf_addc(&b, json[++i]);
                break;
            }
            td_buf_addc(&b, c);
            depth++;
            td_buf_addc(&b, '\n');
            for (int d = 0; d < depth; d++)
                td_buf_add(&b, "  ", 2);
            break;
        }
        case '}':
        case ']':
            depth--;
            td_buf_addc(&b, '\n');
            for (int d = 0; d < depth; d++)
                td_buf_add(&b, "  ", 2);
            td_buf_addc(&b, c);
            break;
        case ',':
            td_buf_addc(&b, c);
            td_buf_addc(&b, '\n');
            for (int d = 0; d < depth; d++)
                td_buf_add(&b, "  ", 2);
            break;
        case ':':
            td_buf_add(&b, ": ", 2);
            break;
        default:
            td_buf_addc(&b, c);
        }
    }
    return td_buf_take(&b, out_len);
}

/* ---- reader ----------------------------------------------------------- */

typedef struct json_parser {
    td_arena *arena;
    const char *s, *end;
    const char *what; /* the first error found */
    int failed;
} json_parser;

static void jp_fail(json_parser *p, const char *what)
{
    if (!p->failed)
        p->what = what;
    p->failed = 1;
}

static void jp_space(json_parser *p)
{
    while (p->s < p->end &&
           (*p->s == ' ' || *p->s == '\t' || *p->s == '\n' || *p->s == '\r'))
        p->s++;
}

static int jp_hex4(json_parser *p, unsigned *out)
{
    if (p->end - p->s < 4)
        return 0;
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p->s[i];
        v <<= 4;
        if (c >= '0' && c <= '9') v |= (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f') v |= (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') v |= (unsigned)(c - 'A' + 10);
        else return 0;
    }
    p->s += 4;
    *out = v;
    return 1;
}

static void jp_put_utf8(td_buf *b, unsigned cp)
{
    char u[4];
    size_t n;
    if (cp < 0x80) u[0] = (char)cp, n = 1;
    else if (cp < 0x800) u[0] = (char)(0xC0 | cp >> 6), u[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
    else if (cp < 0x10000) u[0] = (char)(0xE0 | cp >> 12), u[1] = (char)(0x80 | ((cp >> 6) & 0x3F)),
                           u[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
    else u[0] = (char)(0xF0 | cp >> 18), u[1] = (char)(0x80 | ((cp >> 12) & 0x3F)),
         u[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), u[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
    td_buf_add(b, u, n);
}

/* Parses a string at p->s (which points at the opening quote). */
static char *jp_string(json_parser *p, size_t *len)
{
    td_buf b;
    td_buf_init(&b);
    p->s++;
    for (;;) {
        if (p->s >= p->end) {
            jp_fail(p, "unterminated string");
            break;
        }
        unsigned char c = (unsigned char)*p->s++;
        if (c == '"')
            break;
        if (c < 0x20) {
            jp_fail(p, "control character in string");
            break;
        }
        if (c != '\\') {
            td_buf_addc(&b, (char)c);
            continue;
        }
        if (p->s >= p->end) {
            jp_fail(p, "unterminated escape");
            break;
        }
        char e = *p->s++;
        unsigned cp;
        switch (e) {
        case '"': td_buf_addc(&b, '"'); break;
        case '\\': td_buf_addc(&b, '\\'); break;
        case '/': td_buf_addc(&b, '/'); break;
        case 'b': td_buf_addc(&b, '\b'); break;
        case 'f': td_buf_addc(&b, '\f'); break;
        case 'n': td_buf_addc(&b, '\n'); break;
        case 'r': td_buf_addc(&b, '\r'); break;
        case 't': td_buf_addc(&b, '\t'); break;
        case 'u':
            if (!jp_hex4(p, &cp)) {
                jp_fail(p, "bad \\u escape");
                break;
            }
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                unsigned lo;
                if (p->end - p->s >= 6 && p->s[0] == '\\' && p->s[1] == 'u') {
                    p->s += 2;
                    if (jp_hex4(p, &lo) && lo >= 0xDC00 && lo <= 0xDFFF)
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    else
                        cp = 0xFFFD;
                } else {
                    cp = 0xFFFD;
                }
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                cp = 0xFFFD;
            }
            jp_put_utf8(&b, cp);
            break;
        default:
            jp_fail(p, "bad escape");
        }
        if (p->failed)
            break;
    }
    char *s = td_arena_strndup(p->arena, b.data ? b.data : "", b.len);
    *len = b.len;
    td_buf_free(&b);
    return s;
}

static td_json_value *jp_value(json_parser *p, int depth);

static td_json_value *jp_container(json_parser *p, int depth, int object)
{
    td_json_value *v = td_arena_alloc(p->arena, sizeof *v);
    v->type = object ? TD_JSON_OBJECT : TD_JSON_ARRAY;
    size_t cap = 0;
    char close = object ? '}' : ']';
    p->s++;
    jp_space(p);
    if (p->s < p->end && *p->s == close) {
        p->s++;
        return v;
    }
    for (;;) {
        char *key = NULL;
        if (object) {
            jp_space(p);
            if (p->s >= p->end || *p->s != '"') {
                jp_fail(p, "expected a member name");
                return NULL;
            }
            size_t klen;
            key = jp_string(p, &klen);
            jp_space(p);
            if (p->failed || p->s >= p->end || *p->s != ':') {
                jp_fail(p, "expected ':'");
                return NULL;
            }
            p->s++;
        }
        td_json_value *item = jp_value(p, depth + 1);
        if (!item)
            return NULL;
        if (v->length == cap) {
            size_t ncap = cap ? cap * 2 : 4;
            v->items = td_arena_grow(p->arena, v->items, cap * sizeof *v->items,
                                     ncap * sizeof *v->items);
            if (object)
                v->keys = td_arena_grow(p->arena, v->keys, cap * sizeof *v->keys,
                                        ncap * sizeof *v->keys);
            cap = ncap;
        }
        if (object)
            v->keys[v->length] = key;
        v->items[v->length++] = item;
        jp_space(p);
        if (p->s < p->end && *p->s == ',') {
            p->s++;
            continue;
        }
        if (p->s < p->end && *p->s == close) {
            p->s++;
            return v;
        }
        jp_fail(p, object ? "expected ',' or '}'" : "expected ',' or ']'");
        return NULL;
    }
}

static td_json_value *jp_number(json_parser *p)
{
    const char *start = p->s;
    if (p->s < p->end && *p->s == '-')
        p->s++;
    if (p->s >= p->end || *p->s < '0' || *p->s > '9') {
        jp_fail(p, "bad number");
        return NULL;
    }
    while (p->s < p->end && ((*p->s >= '0' && *p->s <= '9') || *p->s == '.' ||
                             *p->s == 'e' || *p->s == 'E' || *p->s == '+' ||
                             *p->s == '-'))
        p->s++;
    char tmp[64];
    size_t n = (size_t)(p->s - start);
    if (n >= sizeof tmp) {
        jp_fail(p, "number too long");
        return NULL;
    }
    memcpy(tmp, start, n);
    tmp[n] = '\0';
    char *endp;
    double d = strtod(tmp, &endp);
    if (*endp) {
        jp_fail(p, "bad number");
        return NULL;
    }
    td_json_value *v = td_arena_alloc(p->arena, sizeof *v);
    v->type = TD_JSON_NUMBER;
    v->number = d;
    return v;
}

static td_json_value *jp_literal(json_parser *p, const char *word, td_json_type type)
{
    size_t n = strlen(word);
    if ((size_t)(p->end - p->s) < n || memcmp(p->s, word, n)) {
        jp_fail(p, "unexpected character");
        return NULL;
    }
    p->s += n;
    td_json_value *v = td_arena_alloc(p->arena, sizeof *v);
    v->type = type;
    return v;
}

static td_json_value *jp_value(json_parser *p, int depth)
{
    if (depth > TD_JSON_MAX_DEPTH) {
        jp_fail(p, "nested too deeply");
        return NULL;
    }
    jp_space(p);
    if (p->s >= p->end) {
        jp_fail(p, "unexpected end");
        return NULL;
    }
    switch (*p->s) {
    case '{': return jp_container(p, depth, 1);
    case '[': return jp_container(p, depth, 0);
    case '"': {
        td_json_value *v = td_arena_alloc(p->arena, sizeof *v);
        v->type = TD_JSON_STRING;
        v->string = jp_string(p, &v->length);
        return p->failed ? NULL : v;
    }
    case 't': return jp_literal(p, "true", TD_JSON_TRUE);
    case 'f': return jp_literal(p, "false", TD_JSON_FALSE);
    case 'n': return jp_literal(p, "null", TD_JSON_NULL);
    default: return jp_number(p);
    }
}

td_json_value *td_json_parse(td_arena *a, const char *text, size_t len,
                             char *err, size_t errlen)
{
    json_parser p = {a, text, text + len, NULL, 0};
    td_json_value *v = jp_value(&p, 0);
    if (v && !p.failed) {
        jp_space(&p);
        if (p.s != p.end)
            jp_fail(&p, "trailing characters");
    }
    if (p.failed && err && errlen)
        snprintf(err, errlen, "invalid JSON at byte %zu: %s",
                 (size_t)(p.s - text), p.what);
    return p.failed ? NULL : v;
}

const td_json_value *td_json_get(const td_json_value *obj, const char *key)
{
    if (!obj || obj->type != TD_JSON_OBJECT)
        return NULL;
    for (size_t i = 0; i < obj->length; i++)
        if (!strcmp(obj->keys[i], key))
            return obj->items[i];
    return NULL;
}

const char *td_json_get_string(const td_json_value *obj, const char *key)
{
    const td_json_value *v = td_json_get(obj, key);
    return v && v->type == TD_JSON_STRING ? v->string : NULL;
}
