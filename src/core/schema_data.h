/* schema_data.h — the scenario XSD, embedded at build time from
 * scenarios/rapport-scenario-1.xsd (so validation never depends on the
 * working directory). Read-only; NUL-terminated; _len excludes the NUL. */
#ifndef RAPPORT_SCHEMA_DATA_H
#define RAPPORT_SCHEMA_DATA_H

extern const unsigned char rapport_schema_xsd[];
extern const unsigned long rapport_schema_xsd_len;

#endif
