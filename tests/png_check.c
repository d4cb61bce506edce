/* png_check.c — checks screenshots written by `rapport play --script`.
 *
 *   png_check shots DIR COUNT WIDTH HEIGHT
 *       DIR holds at least COUNT PNG files, each WIDTH × HEIGHT and none
 *       blank (the pixels vary: standard deviation of the grey level
 *       above a threshold, and more than a handful of distinct colours).
 *   png_check compare EXPECTED ACTUAL TOLERANCE MAX_PERMILLE
 *       same size, and at most MAX_PERMILLE ‰ of the pixels differ by
 *       more than TOLERANCE on any channel.
 *
 * Exit status 0 when the check passes, 1 otherwise (with a message). */
#include <dirent.h>
#include <math.h>
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    unsigned char *rgb;
    unsigned w;
    unsigned h;
} png_check_image;

static int png_check_read(const char *path, png_check_image *img)
{
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&image, path)) {
        fprintf(stderr, "%s: %s\n", path, image.message);
        return -1;
    }
    image.format = PNG_FORMAT_RGB;
    img->w = image.width;
    img->h = image.height;
    img->rgb = malloc(PNG_IMAGE_SIZE(image));
    if (!img->rgb) {
        png_image_free(&image);
        return -1;
    }
    if (!png_image_finish_read(&image, NULL, img->rgb, 0, NULL)) {
        fprintf(stderr, "%s: %s\n", path, image.message);
        free(img->rgb);
        img->rgb = NULL;
        return -1;
    }
    return 0;
}

static int png_check_not_blank(const char *path, const png_check_image *img)
{
    size_t n = (size_t)img->w * img->h;
    double sum = 0.0;
    double sum2 = 0.0;
    unsigned seen[64];
    size_t distinct = 0;
    for (size_t i = 0; i < n; i++) {
        const unsigned char *p = &img->rgb[i * 3];
        double grey = 0.299 * p[0] + 0.587 * p[1] + 0.114 * p[2];
        sum += grey;
        sum2 += grey * grey;
        unsigned c = (unsigned)p[0] << 16 | (unsigned)p[1] << 8 | p[2];
        size_t k = 0;
        while (k < distinct && seen[k] != c) {
            k++;
        }
        if (k == distinct && distinct < 64) {
            seen[distinct++] = c;
        }
    }
    double mean = sum / (double)n;
    double sd = sqrt(sum2 / (double)n - mean * mean);
    if (sd < 8.0 || distinct < 16) {
        fprintf(stderr, "%s: looks blank (grey level sd %.2f, %zu colours)\n",
                path, sd, distinct);
        return -1;
    }
    return 0;
}

static int png_check_shots(const char *dir, int count, unsigned w, unsigned h)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "%s: cannot open\n", dir);
        return 1;
    }
    int found = 0;
    int bad = 0;
    struct dirent *ent;
    while ((ent = readdir(d)) != NULL) {
        size_t len = strlen(ent->d_name);
        if (len < 5 || strcmp(ent->d_name + len - 4, ".png") != 0) {
            continue;
        }
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, ent->d_name);
        png_check_image img;
        if (png_check_read(path, &img) != 0) {
            bad++;
            continue;
        }
        found++;
        if (img.w != w || img.h != h) {
            fprintf(stderr, "%s: %ux%u, expected %ux%u\n", path, img.w, img.h,
                    w, h);
            bad++;
        } else if (png_check_not_blank(path, &img) != 0) {
            bad++;
        }
        free(img.rgb);
    }
    closedir(d);
    if (found < count) {
        fprintf(stderr, "%s: %d PNG files, expected at least %d\n", dir, found,
                count);
        return 1;
    }
    printf("%d screenshots checked, %d bad\n", found, bad);
    return bad ? 1 : 0;
}

static int png_check_compare(const char *expected, const char *actual,
                             int tolerance, int max_permille)
{
    png_check_image a;
    png_check_image b;
    if (png_check_read(expected, &a) != 0) {
        return 1;
    }
    if (png_check_read(actual, &b) != 0) {
        free(a.rgb);
        return 1;
    }
    int rc = 0;
    if (a.w != b.w || a.h != b.h) {
        fprintf(stderr, "%s is %ux%u but %s is %ux%u\n", actual, b.w, b.h,
                expected, a.w, a.h);
        rc = 1;
    } else {
        size_t n = (size_t)a.w * a.h;
        size_t differ = 0;
        for (size_t i = 0; i < n; i++) {
            for (int c = 0; c < 3; c++) {
                int d = (int)a.rgb[i * 3 + c] - (int)b.rgb[i * 3 + c];
                if (abs(d) > tolerance) {
                    differ++;
                    break;
                }
            }
        }
        double permille = 1000.0 * (double)differ / (double)n;
        if (permille > max_permille) {
            fprintf(stderr,
                    "%s differs from %s in %zu pixels (%.2f per mille, at "
                    "most %d allowed)\n",
                    actual, expected, differ, permille, max_permille);
            rc = 1;
        }
    }
    free(a.rgb);
    free(b.rgb);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc == 6 && strcmp(argv[1], "shots") == 0) {
        return png_check_shots(argv[2], atoi(argv[3]), (unsigned)atoi(argv[4]),
                               (unsigned)atoi(argv[5]));
    }
    if (argc == 6 && strcmp(argv[1], "compare") == 0) {
        return png_check_compare(argv[2], argv[3], atoi(argv[4]),
                                 atoi(argv[5]));
    }
    fprintf(stderr, "usage: png_check shots DIR COUNT WIDTH HEIGHT\n"
                    "       png_check compare EXPECTED ACTUAL TOLERANCE "
                    "MAX_PERMILLE\n");
    return 2;
}
