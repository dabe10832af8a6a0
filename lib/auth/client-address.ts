import type { BlockList } from "node:net";
import { normaliseAddress, parseTrustedProxies, trusts } from "@/lib/http/trusted-proxies.cjs";

export { normaliseAddress, parseTrustedProxies };

/** The header scripts/server.mjs fills with the socket's address, overwriting whatever a client sent. */
export const PEER_HEADER = "x-nastavnik-peer";
/** Set by scripts/server.mjs: without it (next start, next dev, tests) the header may come from a client. */
export const PEER_HEADER_SET = Symbol.for("nastavnik.peer-header");
/** The one key for every client when the address is unknown. */
export const UNKNOWN_ADDRESS = "unknown";

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
