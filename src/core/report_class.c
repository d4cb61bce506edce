/* report_class.c — class sessions in the class report: their records, and
 * a section of the HTML page with one row per session and each group's
 * scores side by side. */
#define _POSIX_C_SOURCE 200809L
#include "i18n.h"
#include "report.h"
#include "report_internal.h"
#include "words.h"

#include <stdlib.h>
#include <string.h>

int report_add_class(report *r, class_record *rec, diag_list *diags)
{
    if (!r || !rec) {
        class_record_free(rec);
        diag_add(diags, DIAG_ERROR, "report", 0, 0, "no report or record");
        return -1;
    }
    class_record **grown =
        realloc(r->classes, (r->class_count + 1) * sizeof *grown);
    if (!grown) {
        class_record_free(rec);
        diag_add(diags, DIAG_ERROR, "report", 0, 0, "out of memory");
        return -1;
    }
    r->classes = grown;
    r->classes[r->class_count++] = rec;
    return 0;
}

size_t report_class_count(const report *r) { return r ? r->class_count : 0; }

static int report_class_cmp(const void *pa, const void *pb)
{
    const class_record *a = *(const class_record *const *)pa;
    const class_record *b = *(const class_record *const *)pb;
    if (a->started_ms != b->started_ms) {
        return a->started_ms < b->started_ms ? -1 : 1;
    }
    return strcmp(a->scenario_id, b->scenario_id);
}

void report_h_classes(result_html *h, xmlNodePtr body, const report *r)
{
    if (!r || r->class_count == 0) {
        return;
    }
    const class_record **v = malloc(r->class_count * sizeof *v);
    if (!v) {
        h->failed = true;
        return;
    }
    memcpy(v, r->classes, r->class_count * sizeof *v);
    qsort(v, r->class_count, sizeof *v, report_class_cmp);
    result_h_el(h, body, "h2", _("Class sessions"));
    result_h_elf(h, body, "p",
                 P_("%zu class session played for a whole room (rapport "
                    "class). The groups are the class and its teams, never "
                    "trainees: they count in none of the figures above.",
                    "%zu class sessions played for a whole room (rapport "
                    "class). The groups are the class and its teams, never "
                    "trainees: they count in none of the figures above.",
                    r->class_count),
                 r->class_count);
    xmlNodePtr table = result_h_el(h, body, "table", NULL);
    xmlNodePtr tr = result_h_el(h, table, "tr", NULL);
    const char *const heads[] = {_("Date (UTC)"),
                                 _("Scenario"),
                                 _("Group"),
                                 words_dim_label(SCENARIO_DIM_EMPATHY),
                                 words_dim_label(SCENARIO_DIM_HONESTY),
                                 words_dim_label(SCENARIO_DIM_PROMPTNESS),
                                 words_dim_label(SCENARIO_DIM_COUNT),
                                 C_("score label", "Passed"),
                                 _("Outcome"),
                                 _("Turns split")};
    for (size_t i = 0; i < sizeof heads / sizeof *heads; i++) {
        result_h_el(h, tr, "th", heads[i]);
    }
    for (size_t i = 0; i < r->class_count; i++) {
        const class_record *c = v[i];
        char date[32];
        result_utc_time(c->started_ms, "%Y-%m-%d %H:%M", date, sizeof date);
        for (size_t g = 0; g < c->group_count; g++) {
            const class_record_group *gr = &c->groups[g];
            tr = result_h_el(h, table, "tr", NULL);
            result_h_el(h, tr, "td", g == 0 ? date : "");
            result_h_el(h, tr, "td", g == 0 ? c->scenario_title : "");
            result_h_el(h, tr, "td",
                        g == 0 ? (c->mode == CLASS_TEAMS ? _("the call")
                                                         : _("the class"))
                               : gr->name);
            for (int d = 0; d < SCENARIO_DIM_COUNT; d++) {
                result_h_elf(h, tr, "td", "%d", gr->dim[d]);
            }
            result_h_elf(h, tr, "td", "%d", gr->overall);
            result_h_el(h, tr, "td", gr->passed ? _("yes") : _("no"));
            result_h_el(h, tr, "td",
                        g > 0            ? ""
                        : !c->complete   ? _("incomplete")
                        : c->has_outcome ? words_outcome(c->outcome)
                                         : "");
            if (g == 0) {
                result_h_elf(h, tr, "td", _("%zu of %zu"), c->split_turns,
                             c->turn_count);
            } else {
                result_h_el(h, tr, "td", "");
            }
        }
    }
    free(v);
}
