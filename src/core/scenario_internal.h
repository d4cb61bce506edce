/* scenario_internal.h — what the scenario module's files share: the
 * scenario format for xmldoc (scenario_load.c builds the model from it;
 * scenario_chars.c reads the file again for positions). Not for other
 * modules. */
#ifndef RAPPORT_SCENARIO_INTERNAL_H
#define RAPPORT_SCENARIO_INTERNAL_H

#include "xmldoc.h"

xmldoc_format scenario_xml_format(void);

#endif
