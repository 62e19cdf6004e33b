/* entities.c — PLACEHOLDER until the entity stage lands. */
#include "stages.h"

void td_entities(td_doc *doc)
{
    (void)doc;
}
