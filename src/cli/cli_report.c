/* cli_report.c — rapport report DIR... : a class report. */
#include "cli.h"

int cli_report(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return CLI_USAGE;
}
