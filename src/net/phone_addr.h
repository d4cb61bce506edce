/* phone_addr.h — which address the phones reach the server at.
 *
 * Phones need the machine's LAN IPv4 address in the URL: never localhost
 * (that is the phone itself) and never a .local name (Android often cannot
 * resolve mDNS). phone_addr_list lists the machine's IPv4 addresses on
 * interfaces that are up, best first: private LAN ranges (192.168/16,
 * 10/8, 172.16/12) on physical-looking interfaces before virtual bridges
 * (docker, virbr, veth...), then other addresses, then link-local
 * (169.254/16); loopback is never listed.
 *
 * Ownership: phone_addr_list returns an array freed with phone_addr_free.
 */
#ifndef RAPPORT_PHONE_ADDR_H
#define RAPPORT_PHONE_ADDR_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    char address[16]; /* dotted quad */
    char ifname[32];  /* interface name */
    int rank;         /* lower is better */
} phone_addr;

/* The candidates, best first; *count set (0: none). NULL when the list
 * cannot be read (count 0) or there are none. */
phone_addr *phone_addr_list(size_t *count);
void phone_addr_free(phone_addr *list);

/* The rank of an IPv4 address on interface ifname (the order of
 * phone_addr_list); -1 for addresses never offered (loopback, 0.0.0.0,
 * multicast, not a dotted quad). */
int phone_addr_rank(const char *address, const char *ifname);

/* Picks the address to bind: wanted (from --address) when it is one of
 * the machine's IPv4 addresses, else the best candidate. Writes it to out
 * (16 bytes) and returns 0; -1 with a message in err when wanted is not an
 * address of this machine or there is no candidate. */
int phone_addr_pick(const char *wanted, char out[16], char *err,
                    size_t errlen);

#endif
