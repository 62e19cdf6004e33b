/*
 * test_json.c — the JSON writer (escaping, commas, pretty printing), the
 * reader, and the dictionary loader the stages share.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "util/dict.h"
#include "util/json.h"

static void test_writer_structure(void)
{
    td_buf b;
    td_buf_init(&b);
    td_json_writer w;
    td_jw_init(&w, &b);
    td_jw_object(&w);
    td_jw_key(&w, "a");
    td_jw_int(&w, 1);
    td_jw_key(&w, "list");
    td_jw_array(&w);
    td_jw_null(&w);
    td_jw_bool(&w, 1);
    td_jw_double(&w, 2.5, 2);
    td_jw_object(&w);
    td_jw_object_end(&w);
    td_jw_array_end(&w);
    td_jw_key(&w, "s");
    td_jw_cstring(&w, NULL);
    td_jw_object_end(&w);
    CHECK_EQ_STR(b.data, "{\"a\":1,\"list\":[null,true,2.50,{}],\"s\":null}");
    td_buf_free(&b);
}

static void test_escaping(void)
{
    td_buf b;
    td_buf_init(&b);
    const char in[] = "q\"b\\n\n\t\x01 \xe2\x80\x9c ok \xff\xc3";
    td_json_escape(&b, in, sizeof in - 1);
    CHECK_EQ_STR(b.data, "q\\\"b\\\\n\\n\\t\\u0001 \xe2\x80\x9c ok \\ufffd\\ufffd");
    td_buf_free(&b);
}

static void test_round_trip(void)
{
    td_buf b;
    td_buf_init(&b);
    td_json_writer w;
    td_jw_init(&w, &b);
    const char tricky[] = "line\none \"quoted\" \\ \xc4\x8d \xf0\x9f\x98\x80";
    td_jw_object(&w);
    td_jw_key(&w, "text");
    td_jw_string(&w, tricky, sizeof tricky - 1);
    td_jw_object_end(&w);
    td_arena a;
    td_arena_init(&a);
    char err[128];
    td_json_value *v = td_json_parse(&a, b.data, b.len, err, sizeof err);
    CHECK(v != NULL);
    CHECK_EQ_STR(td_json_get_string(v, "text"), tricky);
    td_arena_release(&a);
    td_buf_free(&b);
}

static void test_parse_values_and_errors(void)
{
    td_arena a;
    td_arena_init(&a);
    char err[128];
    const char *ok = " {\"n\": -12.5e1, \"a\": [1, \"x\", null, false], \"u\": \"\\u00e9\\ud83d\\ude00\"} ";
    td_json_value *v = td_json_parse(&a, ok, strlen(ok), err, sizeof err);
    CHECK(v && v->type == TD_JSON_OBJECT);
    const td_json_value *n = td_json_get(v, "n");
    CHECK(n && n->type == TD_JSON_NUMBER && n->number == -125.0);
    const td_json_value *arr = td_json_get(v, "a");
    CHECK(arr && arr->type == TD_JSON_ARRAY && arr->length == 4);
    CHECK_EQ_STR(td_json_get_string(v, "u"), "\xc3\xa9\xf0\x9f\x98\x80");
    static const char *const bad[] = {"", "{", "{\"a\" 1}", "[1,]", "\"abc", "{} x",
                                      "tru", "[\"\\x\"]", "01a", NULL};
    for (size_t i = 0; bad[i]; i++) {
        err[0] = 0;
        CHECK(td_json_parse(&a, bad[i], strlen(bad[i]), err, sizeof err) == NULL);
        CHECK(strstr(err, "invalid JSON at byte") == err);
    }
    /* nesting is bounded, not a stack overflow */
    char deep[1000];
    memset(deep, '[', sizeof deep);
    CHECK(td_json_parse(&a, deep, sizeof deep, err, sizeof err) == NULL);
    CHECK(strstr(err, "deeply") != NULL);
    td_arena_release(&a);
}

static void test_pretty(void)
{
    const char *in = "{\"a\":[1,2],\"b\":{},\"c\":\"x,{y}\"}";
    char *p = td_json_pretty(in, strlen(in), NULL);
    CHECK_EQ_STR(p, "{\n  \"a\": [1, 2],\n  \"b\": {},\n  \"c\": \"x,{y}\"\n}");
    free(p);
    /* short arrays of scalars stay on one line, containers inside do not */
    const char *pairs = "{\"t\":[[0,5],[6,9]],\"s\":[\"a]\",1]}";
    p = td_json_pretty(pairs, strlen(pairs), NULL);
    CHECK_EQ_STR(p, "{\n  \"t\": [\n    [0, 5],\n    [6, 9]\n  ],\n  \"s\": [\"a]\", 1]\n}");
    free(p);
}

static void test_dict(void)
{
    const char text[] = "# comment\nU.S.\nSerbian\tSRB\r\n\nKosovo Force \n";
    td_dict *d = td_dict_parse(text, sizeof text - 1);
    CHECK_EQ_INT(td_dict_size(d), 3);
    CHECK_EQ_STR(td_dict_get(d, "U.S.", 4), "");
    CHECK_EQ_STR(td_dict_get(d, "Serbian", 7), "SRB");
    CHECK(td_dict_get(d, "serbian", 7) == NULL);
    CHECK_EQ_STR(td_dict_get_fold(d, "SERBIAN", 7), "SRB");
    CHECK_EQ_STR(td_dict_get(d, "Kosovo Force", 12), "");
    CHECK(td_dict_get(d, "# comment", 9) == NULL);
    CHECK(td_dict_get(NULL, "x", 1) == NULL);
    CHECK_EQ_INT(td_dict_max_key(d), 12);
    td_dict_free(d);
}

int main(void)
{
    RUN(test_writer_structure);
    RUN(test_escaping);
    RUN(test_round_trip);
    RUN(test_parse_values_and_errors);
    RUN(test_pretty);
    RUN(test_dict);
    return CHECK_REPORT();
}
