/* phone_addr.c — the LAN IPv4 address to serve phones on (see
 * phone_addr.h). */
#include "phone_addr.h"
#include "phone_words.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <libintl.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

static bool phone_addr_virtual(const char *ifname)
{
    static const char *const prefixes[] = {
        "docker",    "br-", "veth", "virbr",  "vmnet",
        "vboxnet",   "tun", "tap",  "wg",     "zt",
        "tailscale", "lxc", "lxd",  "podman", "cni"};
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
        if (strncmp(ifname, prefixes[i], strlen(prefixes[i])) == 0) {
            return true;
        }
    }
    return false;
}

int phone_addr_rank(const char *address, const char *ifname)
{
    struct in_addr in;
    if (!address || inet_pton(AF_INET, address, &in) != 1) {
        return -1;
    }
    uint32_t a = ntohl(in.s_addr);
    uint32_t top = a >> 24;
    if (top == 127 || a == 0 || top >= 224) {
        return -1;
    }
    bool link_local = (a >> 16) == 0xA9FEu;
    bool private_lan = (a >> 16) == 0xC0A8u || top == 10 ||
                       (a >> 20) == 0xAC1u; /* 172.16/12 */
    bool virt = ifname && phone_addr_virtual(ifname);
    if (link_local) {
        return 5;
    }
    if (private_lan) {
        return virt ? 3 : 1;
    }
    return virt ? 4 : 2;
}

static int phone_addr_cmp(const void *a, const void *b)
{
    const phone_addr *x = a, *y = b;
    if (x->rank != y->rank) {
        return x->rank < y->rank ? -1 : 1;
    }
    int c = strcmp(x->ifname, y->ifname);
    return c ? c : strcmp(x->address, y->address);
}

phone_addr *phone_addr_list(size_t *count)
{
    *count = 0;
    struct ifaddrs *ifs = NULL;
    if (getifaddrs(&ifs) != 0) {
        return NULL;
    }
    size_t n = 0;
    for (struct ifaddrs *i = ifs; i; i = i->ifa_next) {
        n++;
    }
    phone_addr *list = n ? calloc(n, sizeof *list) : NULL;
    size_t k = 0;
    for (struct ifaddrs *i = ifs; list && i; i = i->ifa_next) {
        if (!i->ifa_addr || i->ifa_addr->sa_family != AF_INET ||
            !(i->ifa_flags & IFF_UP) || (i->ifa_flags & IFF_LOOPBACK)) {
            continue;
        }
        const struct sockaddr_in *sin = (const void *)i->ifa_addr;
        phone_addr *p = &list[k];
        if (!inet_ntop(AF_INET, &sin->sin_addr, p->address,
                       sizeof p->address)) {
            continue;
        }
        snprintf(p->ifname, sizeof p->ifname, "%s",
                 i->ifa_name ? i->ifa_name : "");
        p->rank = phone_addr_rank(p->address, p->ifname);
        if (p->rank >= 0) {
            k++;
        }
    }
    freeifaddrs(ifs);
    if (k == 0) {
        free(list);
        return NULL;
    }
    qsort(list, k, sizeof *list, phone_addr_cmp);
    *count = k;
    return list;
}

void phone_addr_free(phone_addr *list) { free(list); }

int phone_addr_pick(const char *wanted, char out[16], char *err, size_t errlen)
{
    size_t n = 0;
    phone_addr *list = phone_addr_list(&n);
    int rc = -1;
    if (wanted && *wanted) {
        struct in_addr in;
        if (inet_pton(AF_INET, wanted, &in) != 1) {
            snprintf(err, errlen,
                     dgettext(PHONE_DOMAIN,
                              "'%s' is not an IPv4 address (as 192.168.1.20)"),
                     wanted);
        } else if ((ntohl(in.s_addr) >> 24) == 127) {
            /* Loopback: for tests on this machine only; phones cannot
             * reach it. Allowed when asked for by name. */
            snprintf(out, 16, "%s", wanted);
            rc = 0;
        } else {
            for (size_t i = 0; i < n; i++) {
                if (strcmp(list[i].address, wanted) == 0) {
                    snprintf(out, 16, "%s", wanted);
                    rc = 0;
                }
            }
            if (rc != 0) {
                if (n) {
                    snprintf(err, errlen,
                             dgettext(PHONE_DOMAIN,
                                      "%s is not an address of this "
                                      "machine; it has %s"),
                             wanted, list[0].address);
                } else {
                    snprintf(err, errlen,
                             dgettext(PHONE_DOMAIN,
                                      "%s is not an address of this machine"),
                             wanted);
                }
            }
        }
    } else if (n > 0) {
        snprintf(out, 16, "%s", list[0].address);
        rc = 0;
    } else {
        snprintf(err, errlen, "%s",
                 dgettext(PHONE_DOMAIN,
                          "this machine has no network address phones can "
                          "reach: join the room's Wi-Fi first"));
    }
    phone_addr_free(list);
    return rc;
}
