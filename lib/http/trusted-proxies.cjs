// TRUSTED_PROXIES: the reverse proxies whose forwarding headers are believed. CommonJS, shared by the plain-Node
// server (scripts/http-server.mjs: it drops X-Forwarded-* from any other peer) and lib/auth/client-address.ts.
const { BlockList, isIP } = require("node:net");

/** Strips the IPv4-mapped IPv6 prefix (`::ffff:10.0.0.1`); null when not an IP address. */
function normaliseAddress(value) {
  const text = value?.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  return text && isIP(text) ? text.toLowerCase() : null;
}

/** Parses TRUSTED_PROXIES: comma-separated IP addresses and CIDR ranges. A bad entry is an error. */
function parseTrustedProxies(value) {
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

/** Whether a (normalised) address is in the list. */
function trusts(list, ip) {
  return list.check(ip, isIP(ip) === 6 ? "ipv6" : "ipv4");
}

/**
 * Drops the forwarding headers (X-Forwarded-Host, -Proto, -For, -Port…, Forwarded) of a request whose peer is
 * not a trusted proxy: a client's own words about its host or scheme would steer Next.js's check of server
 * actions' Origin, Auth.js's URLs and the links the app builds. Returns the names dropped.
 */
function dropUntrustedForwarding(headers, peer, list) {
  const address = normaliseAddress(peer);
  if (address && trusts(list, address)) return [];
  const dropped = Object.keys(headers).filter(
    (name) => name.startsWith("x-forwarded-") || name === "forwarded",
  );
  for (const name of dropped) delete headers[name];
  return dropped;
}

module.exports = { normaliseAddress, parseTrustedProxies, trusts, dropUntrustedForwarding };
