import { BlockList, isIP } from "node:net";

/** The header scripts/server.mjs fills with the socket's address, overwriting whatever a client sent. */
export const PEER_HEADER = "x-nastavnik-peer";
/** Set by scripts/server.mjs: without it (next start, next dev, tests) the header may come from a client. */
export const PEER_HEADER_SET = Symbol.for("nastavnik.peer-header");
/** The one key for every client when the address is unknown. */
export const UNKNOWN_ADDRESS = "unknown";

/** Strips the IPv4-mapped IPv6 prefix (`::ffff:10.0.0.1`); null when not an IP address. */
export function normaliseAddress(value: string | null | undefined): string | null {
  const text = value?.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  return text && isIP(text) ? text.toLowerCase() : null;
}

/** Parses TRUSTED_PROXIES: comma-separated IP addresses and CIDR ranges. A bad entry is an error. */
export function parseTrustedProxies(value: string | undefined): BlockList {
  const list = new BlockList();
  for (const entry of (value ?? "").split(",").map((e) => e.trim())) {
    if (!entry) continue;
    const [address, bits, ...rest] = entry.split("/");
    const ip = normaliseAddress(address);
    const family = ip && isIP(ip) === 6 ? "ipv6" : "ipv4";
    const prefix = bits === undefined ? undefined : Number(bits);
    const maxBits = family === "ipv6" ? 128 : 32;
    if (
      !ip ||
      rest.length ||
      (prefix !== undefined && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= maxBits))
    )
      throw new Error(
        `Неверные переменные окружения: TRUSTED_PROXIES: «${entry}» — не IP-адрес и не сеть CIDR`,
      );
    if (prefix === undefined) list.addAddress(ip, family);
    else list.addSubnet(ip, prefix, family);
  }
  return list;
}

function trusts(list: BlockList, ip: string): boolean {
  return list.check(ip, isIP(ip) === 6 ? "ipv6" : "ipv4");
}

let cached: { value: string | undefined; list: BlockList } | undefined;

function trustedProxies(): BlockList {
  const value = process.env.TRUSTED_PROXIES;
  if (!cached || cached.value !== value) cached = { value, list: parseTrustedProxies(value) };
  return cached.list;
}

/**
 * The client's address for the sign-in limits. The socket's peer comes from scripts/server.mjs; only when
 * that peer is a trusted proxy is X-Forwarded-For read, right to left, up to the first untrusted hop (the
 * entries left of it are the client's own words). Without a known peer every client shares one key.
 */
export function clientAddress(
  headers: Headers,
  options: { trusted?: BlockList; peerHeaderSet?: boolean } = {},
): string {
  const peerHeaderSet =
    options.peerHeaderSet ?? (globalThis as { [PEER_HEADER_SET]?: boolean })[PEER_HEADER_SET] === true;
  const peer = peerHeaderSet ? normaliseAddress(headers.get(PEER_HEADER)) : null;
  if (!peer) return UNKNOWN_ADDRESS;
  const trusted = options.trusted ?? trustedProxies();
  let address = peer;
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").reverse();
  for (const hop of hops) {
    if (!trusts(trusted, address)) break;
    const next = normaliseAddress(hop);
    if (!next) break;
    address = next;
  }
  return address;
}
