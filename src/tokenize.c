/* tokenize.c — PLACEHOLDER until the tokenizer lands. */
#include "stages.h"

void td_tokenize(td_doc *doc)
{
    (void)doc;
}
