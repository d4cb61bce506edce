/* gen_big_scenario_lib.c — tests/gen_big_scenario.c as a function,
 * gen_big_scenario_main(argc, argv), for the session fuzzer
 * (tests/sessionfuzz.c). */
#define main gen_big_scenario_main
int gen_big_scenario_main(int argc, char **argv);
#include "gen_big_scenario.c"
