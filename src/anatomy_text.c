/* anatomy_text.c — PLACEHOLDER until the plain-text anatomy lands: every
 * non-empty paragraph is body. */
#include "stages.h"

void td_anatomy_text(td_doc *doc)
{
    size_t i = 0;
    while (i < doc->len) {
        while (i < doc->len && (doc->text[i] == '\n' || doc->text[i] == ' '))
            i++;
        size_t s = i;
        while (i < doc->len && doc->text[i] != '\n')
            i++;
        if (i > s)
            td_doc_add_part(doc, TD_PART_BODY, s, i, "placeholder");
    }
}
