/* schema_data.h — the XSDs, embedded at build time by cmake/embed.cmake
 * (so validation never depends on the working directory): the scenario
 * schema from scenarios/rapport-scenario-1.xsd, the test plan schema
 * from scenarios/rapport-plan-1.xsd and the XLIFF 2.0 subset of
 * translation files from src/core/xliff-2-rapport.xsd. Read-only;
 * NUL-terminated; _len excludes the NUL. */
#ifndef RAPPORT_SCHEMA_DATA_H
#define RAPPORT_SCHEMA_DATA_H

extern const unsigned char rapport_schema_xsd[];
extern const unsigned long rapport_schema_xsd_len;
extern const unsigned char rapport_plan_xsd[];
extern const unsigned long rapport_plan_xsd_len;
extern const unsigned char rapport_xliff_xsd[];
extern const unsigned long rapport_xliff_xsd_len;

#endif
