/*
 * tokenize_web.c — URLs, bare domains and e-mail addresses as single
 * tokens (called by the tokenizer in tokenize.c).
 *
 * A URL starts with a scheme or "www." and runs to white space or a
 * quotation mark, minus trailing sentence punctuation and unbalanced
 * closing brackets ("(see http://x.org/a_(b))." keeps "_(b)").  A bare
 * domain is a word followed by dotted labels ending in a listed top-level
 * domain (data/dict/tlds.txt).  Look-ahead is bounded by the lengths the
 * RFCs allow, so that text like "aaa.aaa.aaa..." is not rescanned from
 * every word: the tokenizer stays linear on any input.
 */
#include "tokenize.h"
#include "tokenize_chars.h"

/* The rest of a URL from j: to white space or a quotation mark, leaving
 * out trailing sentence punctuation and unbalanced closing brackets. */
static size_t url_rest(const unsigned char *s, size_t body, size_t end)
{
    size_t j = body;
    while (j < end) {
        tok_ch c = ch_at(s, j, end);
        if (c.cp < 0x80 ? (c.cl == CL_SPACE || c.cp == '"' || c.cp == '<' ||
                           c.cp == '>' || c.cp == '`')
                        : !(cl_is_wordch(c.cl) || c.cl == CL_SYMBOL))
            break;
        j += c.len;
    }
    int open = 0;
    for (size_t k = body; k < j; k++)
        open += (s[k] == '(' || s[k] == '[') - (s[k] == ')' || s[k] == ']');
    while (j > body) {
        unsigned char c = s[j - 1];
        if (strchr(".,;:!?'*", c))
            j--;
        else if ((c == ')' || c == ']') && open < 0)
            j--, open++;
        else
            break;
    }
    return j;
}

/* A URL starting at i (http://, https://, ftp://, www.), or 0. */
size_t td_tok_url(const unsigned char *s, size_t i, size_t end)
{
    size_t j;
    if (starts_ci(s, i, end, "https://"))
        j = i + 8;
    else if (starts_ci(s, i, end, "http://"))
        j = i + 7;
    else if (starts_ci(s, i, end, "ftp://"))
        j = i + 6;
    else if (starts_ci(s, i, end, "www.") && i + 4 < end && ascii_alnum(s[i + 4]))
        j = i + 4;
    else
        return 0;
    size_t k = url_rest(s, j, end);
    return k > j ? k : 0;
}

/* A bare domain: the ASCII word s[i..j) then .label... ending in a
 * top-level domain of data/dict/tlds.txt (example.com, bbc.co.uk), with
 * its path if one follows; or 0. */
size_t td_tok_domain(const unsigned char *s, size_t i, size_t j, size_t end,
                     const td_dict *tlds)
{
    size_t k = j, l = 0, m = 0;
    if (j - i > 63)
        return 0;
    for (size_t a = i; a < j; a++)
        if (!(ascii_alnum(s[a]) || s[a] == '-'))
            return 0;
    /* at most 255 bytes of labels: bounded, so scanning stays linear */
    size_t lim = end - k > 255 ? k + 255 : end;
    while (k + 1 < lim && s[k] == '.' && ascii_alnum(s[k + 1])) {
        l = k + 1, m = l;
        while (m < lim && (ascii_alnum(s[m]) || s[m] == '-'))
            m++;
        k = m;
    }
    if (k == j || cl_is_wordch(ch_at(s, k, end).cl) ||
        !td_dict_get_fold(tlds, (const char *)s + l, m - l))
        return 0;
    if (k < end && s[k] == '/')
        k = url_rest(s, k, end);
    return k;
}

static int email_local(unsigned char c)
{
    return ascii_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' ||
           c == '-';
}

/* An e-mail address starting at i, or 0: local@label.label[.label...]. */
size_t td_tok_email(const unsigned char *s, size_t i, size_t end)
{
    /* bounded (RFC 5321: 64-byte local part, 255-byte domain), so that
     * "aaa.aaa.aaa..." is not rescanned from every word: linear overall */
    size_t j = i, lim = end - i > 64 ? i + 64 : end;
    while (j < lim && email_local(s[j]))
        j++;
    if (j == i || j >= end || s[j] != '@')
        return 0;
    size_t k = j + 1;
    lim = end - k > 255 ? k + 255 : end;
    int labels = 0;
    for (;;) {
        size_t l = k;
        while (k < lim && (ascii_alnum(s[k]) || s[k] == '-'))
            k++;
        if (k == l)
            return 0;
        labels++;
        if (k + 1 < end && s[k] == '.' && ascii_alnum(s[k + 1]))
            k++;
        else
            break;
    }
    return labels >= 2 ? k : 0;
}
