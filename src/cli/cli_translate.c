/* cli_translate.c — rapport translate export|import: a scenario's texts
 * to an XLIFF 2.0 translation file and back (the core's xlate.h). Static
 * helpers are tr_ (xlate_ is the core's).
 */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "diag.h"
#include "i18n.h"
#include "xlate.h"

static void tr_usage(FILE *out)
{
    fputs(_("Usage: rapport translate export SCENARIO --lang LANG [-o "
            "FILE.xlf] "
            "[--update OLD.xlf]\n"
            "       rapport translate import SCENARIO FILE.xlf [-o OUT.xml] "
            "[--strict] [--check]\n"
            "\n"
            "Translates a scenario through an XLIFF 2.0 file, the standard "
            "format of\ntranslation tools (Okapi Rainbow, OmegaT, Weblate, "
            "memoQ, Trados, Phrase...).\n"
            "\n"
            "  export  writes every text a trainee or trainer sees, one unit "
            "each, with\n"
            "          notes on where it shows and who says it\n"
            "  import  builds the translated scenario: the translations in "
            "place, lang set\n"
            "          to the target language, every other byte as it was; "
            "reports texts\n"
            "          left untranslated or changed since the export\n"
            "\n"
            "rapport translate export --help and import --help list their "
            "options.\n"
            "Exit status: 0 success, 1 errors (nothing written), 2 wrong "
            "usage.\n"),
          out);
}

static void tr_export_usage(FILE *out)
{
    fputs(
        _("Usage: rapport translate export SCENARIO --lang LANG "
          "[OPTIONS]\n"
          "\n"
          "Writes the scenario's texts as an XLIFF 2.0 file for a translator: "
          "the title,\nsummary, objectives, the customer's name and persona, "
          "every line, option,\nfeedback and critical-mistake reason, the "
          "endings' titles, lines and\nfeedback. Each unit's id comes from "
          "where the text is\n(node:ID:choice:2:say); its notes say where it "
          "shows and who says it.\n"
          "\n"
          "Options:\n"
          "  -l, --lang LANG      the target language: es, pt-BR, ar... "
          "(with --update,\n"
          "                       the old file's by default)\n"
          "  -u, --update OLD     keep OLD's translations: a text changed "
          "since keeps its\n"
          "                       old translation marked for review "
          "(state=\"initial\"),\n"
          "                       a new text comes without one; OLD may be "
          "the output\n"
          "  -o, --output FILE    write to FILE (replaced whole) instead of "
          "standard\n"
          "                       output\n"
          "  -h, --help           show this help\n"
          "\n"
          "Exit status: 0 success, 1 errors (nothing written), 2 wrong "
          "usage.\n"),
        out);
}

static void tr_import_usage(FILE *out)
{
    fputs(
        _("Usage: rapport translate import SCENARIO FILE.xlf [OPTIONS]\n"
          "\n"
          "Builds the translated scenario from an XLIFF 2.0 file made by "
          "export: every\ntranslated text in place, lang set to the file's "
          "trgLang, and every other\nbyte of SCENARIO kept (layout, "
          "comments, ids). The result is checked by\nloading it as a "
          "scenario.\n"
          "A text keeps its source words, with a warning, when its unit has "
          "no\ntranslation, when the scenario's text changed since the "
          "export, "
          "or when it\nhas no unit; a translation marked for review "
          "(state=\"initial\") is used,\nwith a warning.\n"
          "\n"
          "Options:\n"
          "  -o, --output FILE    write the translated scenario to FILE "
          "(replaced whole;\n"
          "                       never SCENARIO itself) instead of standard "
          "output\n"
          "  -s, --strict         those warnings are errors: nothing is "
          "written until\n"
          "                       every text is translated and reviewed\n"
          "  -c, --check          report only, write nothing\n"
          "  -h, --help           show this help\n"
          "\n"
          "Exit status: 0 success, 1 errors (nothing written), 2 wrong "
          "usage.\n"),
        out);
}

/* True when both paths name one existing file. */
static bool tr_same_file(const char *a, const char *b)
{
    struct stat sa;
    struct stat sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

static int tr_export(int argc, char **argv)
{
    static const struct option options[] = {
        {"lang", required_argument, NULL, 'l'},
        {"update", required_argument, NULL, 'u'},
        {"output", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    xlate_export_options opt = {NULL, NULL};
    const char *out_path = NULL;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "l:u:o:h", options, NULL)) != -1) {
        switch (c) {
        case 'l':
            if (!xlate_lang_valid(optarg)) {
                fprintf(stderr,
                        _("rapport translate export: --lang must be a "
                          "language code such as es, pt-BR or ar, not "
                          "'%s'\n"),
                        optarg);
                return CLI_USAGE;
            }
            opt.lang = optarg;
            break;
        case 'u':
            opt.update_path = optarg;
            break;
        case 'o':
            out_path = optarg;
            break;
        case 'h':
            tr_export_usage(stdout);
            return cli_finish_output();
        default:
            tr_export_usage(stderr);
            return CLI_USAGE;
        }
    }
    if (optind != argc - 1) {
        fputs(_("rapport translate export: give exactly one SCENARIO\n\n"),
              stderr);
        tr_export_usage(stderr);
        return CLI_USAGE;
    }
    if (!opt.lang && !opt.update_path) {
        fputs(_("rapport translate export: give the target language with "
                "--lang, e.g. --lang es\n\n"),
              stderr);
        tr_export_usage(stderr);
        return CLI_USAGE;
    }
    const char *path = argv[optind];
    if (out_path && tr_same_file(out_path, path)) {
        fprintf(stderr,
                _("rapport translate export: error: %s is the scenario; "
                  "give another file to -o\n"),
                out_path);
        return CLI_FAIL;
    }
    diag_list *diags = diag_list_new();
    if (!diags) {
        fputs(_("rapport: error: out of memory\n"), stderr);
        return CLI_FAIL;
    }
    xlate_stats st;
    char *xliff = xlate_export(path, &opt, &st, diags);
    cli_print_diags(diags);
    diag_list_free(diags);
    if (!xliff) {
        return CLI_FAIL;
    }
    if (opt.update_path) {
        char a[64];
        char b[64];
        char c[96];
        char d[96];
        char e[96];
        char f[96];
        snprintf(a, sizeof a, P_("%zu text", "%zu texts", st.texts), st.texts);
        /* TRANSLATORS: N (texts) translated */
        snprintf(b, sizeof b,
                 P_("%zu translated", "%zu translated", st.translated),
                 st.translated);
        /* TRANSLATORS: N (texts) found under another id */
        snprintf(c, sizeof c,
                 P_("%zu found under another id", "%zu found under another id",
                    st.moved),
                 st.moved);
        /* TRANSLATORS: N of them (the translated texts) changed... */
        snprintf(d, sizeof d,
                 P_("%zu of them changed and marked for review",
                    "%zu of them changed and marked for review", st.changed),
                 st.changed);
        /* TRANSLATORS: N (texts) without a translation */
        snprintf(e, sizeof e,
                 P_("%zu without a translation", "%zu without a translation",
                    st.untranslated),
                 st.untranslated);
        snprintf(
            f, sizeof f,
            P_("%zu old unit dropped", "%zu old units dropped", st.unused),
            st.unused);
        /* TRANSLATORS: FILE: N texts: N translated (N found under another
         * id), N of them changed..., N without a translation; N old units
         * dropped */
        fprintf(stderr, _("%s: %s: %s (%s), %s, %s; %s\n"), path, a, b, c, d,
                e, f);
    } else {
        fprintf(stderr,
                P_("%s: %zu text to translate\n",
                   "%s: %zu texts to translate\n", st.texts),
                path, st.texts);
    }
    int rc = cli_write_whole("translate", out_path ? out_path : "-", xliff,
                             strlen(xliff));
    free(xliff);
    return rc;
}

static int tr_import(int argc, char **argv)
{
    static const struct option options[] = {
        {"output", required_argument, NULL, 'o'},
        {"strict", no_argument, NULL, 's'},
        {"check", no_argument, NULL, 'c'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    xlate_import_options opt = {false};
    const char *out_path = NULL;
    bool check = false;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:sch", options, NULL)) != -1) {
        switch (c) {
        case 'o':
            out_path = optarg;
            break;
        case 's':
            opt.strict = true;
            break;
        case 'c':
            check = true;
            break;
        case 'h':
            tr_import_usage(stdout);
            return cli_finish_output();
        default:
            tr_import_usage(stderr);
            return CLI_USAGE;
        }
    }
    if (optind != argc - 2) {
        fputs(_("rapport translate import: give the SCENARIO and its "
                "translation FILE.xlf\n\n"),
              stderr);
        tr_import_usage(stderr);
        return CLI_USAGE;
    }
    if (check && out_path) {
        fputs(_("rapport translate import: --check writes nothing; leave out "
                "-o\n"),
              stderr);
        return CLI_USAGE;
    }
    const char *path = argv[optind];
    const char *xliff_path = argv[optind + 1];
    if (out_path &&
        (tr_same_file(out_path, path) || tr_same_file(out_path, xliff_path))) {
        fprintf(stderr,
                _("rapport translate import: error: %s is an input; give "
                  "another file to -o\n"),
                out_path);
        return CLI_FAIL;
    }
    diag_list *diags = diag_list_new();
    if (!diags) {
        fputs(_("rapport: error: out of memory\n"), stderr);
        return CLI_FAIL;
    }
    xlate_stats st;
    size_t len = 0;
    char *out = xlate_import(path, xliff_path, &opt, &len, &st, diags);
    cli_print_diags(diags);
    diag_list_free(diags);
    if (st.texts) {
        char a[96];
        char b[64];
        char c[96];
        char d[96];
        snprintf(a, sizeof a,
                 P_("%zu of %zu text translated",
                    "%zu of %zu texts translated", st.texts),
                 st.translated, st.texts);
        /* TRANSLATORS: N (texts) untranslated */
        snprintf(b, sizeof b,
                 P_("%zu untranslated", "%zu untranslated", st.untranslated),
                 st.untranslated);
        /* TRANSLATORS: N (texts) changed since the export */
        snprintf(c, sizeof c,
                 P_("%zu changed since the export",
                    "%zu changed since the export", st.changed),
                 st.changed);
        /* TRANSLATORS: N (texts) marked for review */
        snprintf(
            d, sizeof d,
            P_("%zu marked for review", "%zu marked for review", st.review),
            st.review);
        /* TRANSLATORS: FILE: N of N texts translated; N untranslated, N
         * changed since the export, N marked for review */
        fprintf(stderr, _("%s: %s; %s, %s, %s\n"), xliff_path, a, b, c, d);
    }
    if (!out) {
        return CLI_FAIL;
    }
    int rc = check ? CLI_OK
                   : cli_write_whole("translate", out_path ? out_path : "-",
                                     out, len);
    free(out);
    return rc;
}

int cli_translate(int argc, char **argv)
{
    if (argc < 2) {
        tr_usage(stderr);
        return CLI_USAGE;
    }
    const char *sub = argv[1];
    if (strcmp(sub, "-h") == 0 || strcmp(sub, "--help") == 0 ||
        strcmp(sub, "help") == 0) {
        tr_usage(stdout);
        return cli_finish_output();
    }
    if (strcmp(sub, "export") == 0) {
        return tr_export(argc - 1, argv + 1);
    }
    if (strcmp(sub, "import") == 0) {
        return tr_import(argc - 1, argv + 1);
    }
    fprintf(stderr,
            _("rapport translate: unknown action '%s': export or import\n\n"),
            sub);
    tr_usage(stderr);
    return CLI_USAGE;
}
