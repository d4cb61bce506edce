/* scenario_xml.h — the scenario format for modules that read a scenario's
 * XML themselves (translation keeps the file's own bytes), rather than
 * only its model.
 *
 * Ownership: scenario_load_xmldoc() borrows the document (free it after
 * the scenario or before, the model copies what it needs) and returns a
 * scenario the caller frees with scenario_free(), or NULL.
 */
#ifndef RAPPORT_SCENARIO_XML_H
#define RAPPORT_SCENARIO_XML_H

#include "scenario.h"
#include "xmldoc.h"

/* The scenario format for xmldoc_load_file() and friends: namespace, root,
 * the embedded schema, hints, the size limit. */
xmldoc_format scenario_xml_format(void);
/* Builds and checks the model of a document loaded with that format,
 * reporting to the document's diagnostics; NULL when the document is NULL
 * or has errors. */
scenario *scenario_load_xmldoc(xmldoc *doc);

#endif
