/* gen_big_scenario.c — writes a large synthetic scenario to measure
 * `rapport lint` (see the bench target in tests/CMakeLists.txt):
 *
 *   gen_big_scenario OUT [NODES] [--loops] [--mood] [--seed N]
 *
 * NODES dialogue nodes (default 10,000) in layers of 1, 3, 9, 27, 81, then
 * 200 nodes, so a call lasts about NODES / 200 + 5 turns; every node is
 * linked from the layer before; 2-4 choices each with random ratings and mood
 * changes; four flags set and cleared along the way; options shown only
 * with or without a flag; flag branches; a few early endings; 20 endings.
 * --loops adds choices back to the last few layers (the call can repeat
 * itself); --mood adds branches on the customer's mood (which makes mood
 * part of the state). The same arguments always write the same file. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GEN_WIDTH 200
#define GEN_ENDINGS 20
#define GEN_FLAGS 4

static uint64_t gen_state = UINT64_C(0x243F6A8885A308D3);

static unsigned gen_rand(unsigned n)
{
    gen_state ^= gen_state >> 12;
    gen_state ^= gen_state << 25;
    gen_state ^= gen_state >> 27;
    return (unsigned)(((gen_state * UINT64_C(2685821657736338717)) >> 33) % n);
}

static const char *const gen_outcomes[] = {"resolved", "partial", "escalated",
                                           "lost"};

/* Layers: 1, 3, 9, 27, 81 nodes, then GEN_WIDTH each (the last may be
 * shorter). layer_start[l] is the first node of layer l. */
static long layer_start[1000002];
static long layer_count;

static void gen_layers(long nodes)
{
    long width = 1;
    long n = 0;
    layer_count = 0;
    while (n < nodes) {
        layer_start[layer_count++] = n;
        n += width;
        width = width * 3 > GEN_WIDTH ? GEN_WIDTH : width * 3;
    }
    layer_start[layer_count] = nodes;
}

static long gen_width(long layer)
{
    return layer_start[layer + 1] - layer_start[layer];
}

/* A target in the layer after `layer` (an ending after the last): the
 * k-th child slot when k >= 0 (so every node has a parent), else random. */
static void gen_next(char *buf, size_t size, long layer, long k)
{
    if (layer + 1 >= layer_count) {
        snprintf(buf, size, "e%u", gen_rand(GEN_ENDINGS));
        return;
    }
    long width = gen_width(layer + 1);
    long pick = k >= 0 ? k % width : (long)gen_rand((unsigned)width);
    snprintf(buf, size, "n%ld", layer_start[layer + 1] + pick);
}

int main(int argc, char **argv)
{
    const char *out_path = NULL;
    long nodes = 10000;
    int loops = 0;
    int mood = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--loops") == 0) {
            loops = 1;
        } else if (strcmp(argv[i], "--mood") == 0) {
            mood = 1;
        } else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc) {
            gen_state = strtoull(argv[++i], NULL, 10) | 1u;
        } else if (!out_path) {
            out_path = argv[i];
        } else {
            nodes = strtol(argv[i], NULL, 10);
        }
    }
    if (!out_path || nodes < 1 || nodes > 1000000) {
        fprintf(stderr, "usage: gen_big_scenario OUT [NODES] [--loops] "
                        "[--mood] [--seed N]\n");
        return 2;
    }
    FILE *f = fopen(out_path, "w");
    if (!f) {
        perror(out_path);
        return 1;
    }
    gen_layers(nodes);
    fprintf(f,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<scenario xmlns=\"urn:rapport:scenario:1\" id=\"big-%ld\" "
            "version=\"1\" difficulty=\"3\">\n"
            "  <title>Generated scenario, %ld nodes</title>\n"
            "  <customer name=\"Generated Customer\" mood=\"annoyed\" "
            "patience=\"60\" timeout=\"e0\"/>\n"
            "  <scoring pass-mark=\"70\" empathy-weight=\"2\"/>\n",
            nodes, nodes);
    long layer = 0;
    for (long n = 0; n < nodes; n++) {
        if (n >= layer_start[layer + 1]) {
            layer++;
        }
        long offset = n - layer_start[layer];
        long width = gen_width(layer);
        /* child slots this node must cover so the next layer is linked */
        long next_width = layer + 1 < layer_count ? gen_width(layer + 1) : 0;
        long slots = (next_width + width - 1) / width;
        fprintf(f,
                "  <node id=\"n%ld\">\n"
                "    <line>This is what the customer says at node %ld, "
                "about the bill.</line>\n",
                n, n);
        unsigned choices = 2 + gen_rand(3);
        if ((long)choices < slots) {
            choices = (unsigned)slots;
        }
        for (unsigned c = 0; c < choices; c++) {
            char next[32];
            unsigned roll = gen_rand(100);
            if ((long)c < slots && offset + (long)c * width < next_width) {
                gen_next(next, sizeof next, layer, offset + (long)c * width);
            } else if (roll < 3) {
                snprintf(next, sizeof next, "e%u", gen_rand(GEN_ENDINGS));
            } else if (loops && roll < 6) {
                long back = layer > 2 ? layer - (long)gen_rand(3) : layer;
                snprintf(next, sizeof next, "n%ld",
                         layer_start[back] +
                             (long)gen_rand((unsigned)gen_width(back)));
            } else {
                gen_next(next, sizeof next, layer, -1);
            }
            fprintf(f,
                    "    <choice next=\"%s\" empathy=\"%d\" honesty=\"%d\" "
                    "promptness=\"%d\" mood=\"%d\"",
                    next, (int)gen_rand(21) - 10, (int)gen_rand(21) - 10,
                    (int)gen_rand(21) - 10, ((int)gen_rand(7) - 3) * 5);
            unsigned effect = gen_rand(100);
            if (effect < 5) {
                fprintf(f, " set=\"f%u\"", gen_rand(GEN_FLAGS));
            } else if (effect < 7) {
                fprintf(f, " clear=\"f%u\"", gen_rand(GEN_FLAGS));
            }
            if (c > 0 && gen_rand(100) < 8) {
                fprintf(f, " %s=\"f%u\"",
                        gen_rand(2) ? "if-flags" : "unless-flags",
                        gen_rand(GEN_FLAGS));
            }
            fprintf(f,
                    ">\n      <say>Reply %u at node %ld: let me look into "
                    "that for you.</say>\n"
                    "      <feedback>Feedback on reply %u at node "
                    "%ld.</feedback>\n",
                    c + 1, n, c + 1, n);
            if (gen_rand(100) < 5) {
                char target[32];
                gen_next(target, sizeof target, layer, -1);
                fprintf(f, "      <branch next=\"%s\" if-flags=\"f%u\"/>\n",
                        target, gen_rand(GEN_FLAGS));
            }
            if (mood && gen_rand(100) < 3) {
                fprintf(f, "      <branch next=\"e%u\" max-mood=\"%u\"/>\n",
                        gen_rand(GEN_ENDINGS), 5 + gen_rand(20));
            }
            fputs("    </choice>\n", f);
        }
        fputs("  </node>\n", f);
    }
    for (int e = 0; e < GEN_ENDINGS; e++) {
        fprintf(f,
                "  <ending id=\"e%d\" outcome=\"%s\" title=\"Ending %d\">\n"
                "    <line>Goodbye from ending %d.</line>\n"
                "  </ending>\n",
                e, gen_outcomes[e % 4], e, e);
    }
    fputs("</scenario>\n", f);
    if (fclose(f) != 0) {
        perror(out_path);
        return 1;
    }
    return 0;
}
