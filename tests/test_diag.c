/* Unit tests of diag: counting, sorting, printing, the entry cap. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>

#include "check.h"
#include "diag.h"

static char *test_diag_print(diag_list *list)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    diag_print(list, f);
    fclose(f);
    return buf;
}

static void test_counts_and_format(void)
{
    diag_list *list = diag_list_new();
    diag_add(list, DIAG_ERROR, "a.xml", 12, 5, "bad %s", "thing");
    diag_add(list, DIAG_WARNING, "a.xml", 3, 0, "odd");
    diag_add(list, DIAG_ERROR, "a.xml", 0, 0, "whole file\nproblem");
    CHECK_INT(diag_count(list), 3);
    CHECK_INT(diag_error_count(list), 2);
    CHECK_INT(diag_warning_count(list), 1);
    char *text = test_diag_print(list);
    CHECK_STR(text, "a.xml:12:5: error: bad thing\n"
                    "a.xml:3: warning: odd\n"
                    "a.xml: error: whole file problem\n");
    free(text);
    diag_sort(list);
    text = test_diag_print(list);
    CHECK_STR(text, "a.xml: error: whole file problem\n"
                    "a.xml:3: warning: odd\n"
                    "a.xml:12:5: error: bad thing\n");
    free(text);
    diag_list_clear(list);
    CHECK_INT(diag_count(list), 0);
    CHECK_INT(diag_error_count(list), 0);
    diag_list_free(list);
}

static void test_sort_keeps_files_apart(void)
{
    diag_list *list = diag_list_new();
    diag_add(list, DIAG_ERROR, "b.xml", 9, 1, "b9");
    diag_add(list, DIAG_ERROR, "a.xml", 1, 1, "a1");
    diag_add(list, DIAG_ERROR, "b.xml", 2, 7, "b2-7");
    diag_add(list, DIAG_ERROR, "b.xml", 2, 3, "b2-3");
    diag_sort(list);
    CHECK_STR(diag_get(list, 0)->message, "b2-3");
    CHECK_STR(diag_get(list, 1)->message, "b2-7");
    CHECK_STR(diag_get(list, 2)->message, "b9");
    CHECK_STR(diag_get(list, 3)->message, "a1");
    CHECK(diag_get(list, 4) == NULL);
    diag_list_free(list);
}

static void test_cap(void)
{
    diag_list *list = diag_list_new();
    for (int i = 0; i < DIAG_MAX_ENTRIES + 50; i++) {
        diag_add(list, DIAG_ERROR, "x.xml", i + 1, 1, "e%d", i);
    }
    CHECK_INT(diag_count(list), DIAG_MAX_ENTRIES + 1);
    CHECK_INT(diag_error_count(list), DIAG_MAX_ENTRIES + 50);
    CHECK_CONTAINS(diag_get(list, DIAG_MAX_ENTRIES)->message, "too many");
    diag_list_free(list);
}

int main(void)
{
    diag_list_free(NULL);
    diag_sort(NULL);
    CHECK_INT(diag_count(NULL), 0);
    test_counts_and_format();
    test_sort_keeps_files_apart();
    test_cap();
    return check_done("test_diag");
}
