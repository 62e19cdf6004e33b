/*
 * tokenize_chars.h — what kind of character stands at a byte offset, for
 * the tokenizer (tokenize.c, tokenize_web.c).
 *
 * ASCII goes through a 128-entry table; other code points through a switch
 * for the few that news text is full of (curly quotes, dashes, the
 * ellipsis, no-break and zero-width spaces, soft hyphens) and then
 * utf8proc's Unicode category.  Invalid UTF-8 bytes read as one-byte
 * symbols, so every byte ends up in a token or a gap.  Everything here is
 * static inline: these run once or more per byte.
 */
#ifndef TD_TOKENIZE_CHARS_H
#define TD_TOKENIZE_CHARS_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

enum {
    CL_END,    /* past the end of the part */
    CL_SPACE,  /* white space, controls, ignorable format characters */
    CL_UPPER,  /* letters: Lu, Lt */
    CL_LOWER,  /* Ll */
    CL_LETTER, /* Lm, Lo: letters without case */
    CL_MARK,   /* combining marks: part of the word before them */
    CL_DIGIT,  /* Nd */
    CL_JOIN,   /* soft hyphen, ZWJ, ZWNJ: inside a word, else ignorable */
    CL_PUNCT,
    CL_SYMBOL
};

#define SP CL_SPACE
#define UP CL_UPPER
#define LO CL_LOWER
#define DI CL_DIGIT
#define PU CL_PUNCT
#define SY CL_SYMBOL
static const unsigned char tok_ascii[128] = {
    SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP,
    SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP,
    /*  ! " # $ % & ' ( ) * + , - . /  */
    SP, PU, PU, PU, SY, SY, PU, PU, PU, PU, PU, SY, PU, PU, PU, PU,
    /* 0-9 : ; < = > ? */
    DI, DI, DI, DI, DI, DI, DI, DI, DI, DI, PU, PU, SY, SY, SY, PU,
    /* @ A-O */
    PU, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP,
    /* P-Z [ \ ] ^ _ */
    UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, PU, PU, PU, SY, PU,
    /* ` a-o */
    SY, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO,
    /* p-z { | } ~ DEL */
    LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, PU, SY, PU, SY, SP,
};
#undef SP
#undef UP
#undef LO
#undef DI
#undef PU
#undef SY

typedef struct tok_ch {
    int32_t cp;
    uint8_t cl, len;
} tok_ch;

static inline int cl_is_letter(int cl)
{
    return cl >= CL_UPPER && cl <= CL_MARK;
}

static inline int cl_is_wordch(int cl)
{
    return cl >= CL_UPPER && cl <= CL_JOIN;
}

static inline int cp_is_apos(int32_t cp)
{
    return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x201B;
}

static inline int cp_is_dash(int32_t cp)
{
    return cp == '-' || (cp >= 0x2012 && cp <= 0x2015) || cp == 0x2212;
}

static inline tok_ch tok_classify(int32_t cp, int len)
{
    tok_ch c = {cp, CL_SYMBOL, (uint8_t)len};
    switch (cp) {
    case 0x00A0: case 0x202F: case 0x200B: case 0xFEFF: case 0x2060:
        c.cl = CL_SPACE;
        return c;
    case 0x00AD: case 0x200C: case 0x200D:
        c.cl = CL_JOIN;
        return c;
    case 0x2018: case 0x2019: case 0x201C: case 0x201D: case 0x2013:
    case 0x2014: case 0x2026: case 0x2010: case 0x2011:
        c.cl = CL_PUNCT;
        return c;
    default:
        break;
    }
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT:
        c.cl = CL_UPPER; break;
    case UTF8PROC_CATEGORY_LL:
        c.cl = CL_LOWER; break;
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
        c.cl = CL_LETTER; break;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        c.cl = CL_MARK; break;
    case UTF8PROC_CATEGORY_ND:
        c.cl = CL_DIGIT; break;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP: case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
        c.cl = CL_SPACE; break;
    case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS: case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
        c.cl = CL_PUNCT; break;
    default:
        c.cl = CL_SYMBOL; break;
    }
    return c;
}

/* The character at s[i], decoding UTF-8; invalid bytes are one-byte
 * symbols, so every byte ends up in some token or gap. */
static inline tok_ch ch_at(const unsigned char *s, size_t i, size_t end)
{
    tok_ch c;
    if (i >= end) {
        c.cp = 0, c.cl = CL_END, c.len = 0;
        return c;
    }
    if (s[i] < 0x80) {
        c.cp = s[i], c.cl = tok_ascii[s[i]], c.len = 1;
        return c;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(s + i, (utf8proc_ssize_t)(end - i), &cp);
    if (n <= 0) {
        c.cp = 0xFFFD, c.cl = CL_SYMBOL, c.len = 1;
        return c;
    }
    return tok_classify(cp, (int)n);
}

/* The character ending just before i; the part's start reads as a space. */
static inline tok_ch ch_before(const unsigned char *s, size_t lo, size_t i)
{
    if (i <= lo) {
        tok_ch c = {' ', CL_SPACE, 0};
        return c;
    }
    size_t k = i - 1;
    while (k > lo && (s[k] & 0xC0) == 0x80 && i - k < 4)
        k--;
    tok_ch c = ch_at(s, k, i);
    if (k + c.len != i) /* stray continuation bytes */
        c.cp = 0xFFFD, c.cl = CL_SYMBOL;
    return c;
}

static inline int ascii_alnum(unsigned char c)
{
    return c < 0x80 && (tok_ascii[c] == CL_UPPER || tok_ascii[c] == CL_LOWER ||
                        tok_ascii[c] == CL_DIGIT);
}

static inline int ascii_digit(const unsigned char *s, size_t i, size_t end)
{
    return i < end && s[i] >= '0' && s[i] <= '9';
}

static inline unsigned char ascii_lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* s[i..) starts with the ASCII word w, case-insensitively. */
static inline int starts_ci(const unsigned char *s, size_t i, size_t end, const char *w)
{
    size_t n = strlen(w);
    if (end - i < n)
        return 0;
    for (size_t k = 0; k < n; k++)
        if (ascii_lower(s[i + k]) != (unsigned char)w[k])
            return 0;
    return 1;
}

/* A word or number stopped at a character that may go on as an e-mail. */
static inline int tok_email_stop(unsigned char c)
{
    return c == '@' || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

#endif
