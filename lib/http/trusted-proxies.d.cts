import type { BlockList } from "node:net";

/** Strips the IPv4-mapped IPv6 prefix (`::ffff:10.0.0.1`); null when not an IP address. */
export declare function normaliseAddress(value: string | null | undefined): string | null;
/** Parses TRUSTED_PROXIES: comma-separated IP addresses and CIDR ranges. A bad entry is an error. */
export declare function parseTrustedProxies(value: string | undefined): BlockList;
/** Whether a (normalised) address is in the list. */
export declare function trusts(list: BlockList, ip: string): boolean;
/** Drops X-Forwarded-* and Forwarded unless the peer is a trusted proxy; the names dropped. */
export declare function dropUntrustedForwarding(
  headers: Record<string, string | string[] | undefined>,
  peer: string | undefined,
  list: BlockList,
): string[];
