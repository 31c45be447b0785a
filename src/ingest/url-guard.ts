/**
 * Which URLs may be fetched, and the connect-time check that keeps the fetcher off private
 * networks (SSRF). The address check runs on the address the socket actually connects to,
 * so DNS tricks (a public name resolving to 127.0.0.1, rebinding between check and use)
 * do not get through.
 */
import dns from "node:dns";
import net from "node:net";
import ipaddr from "ipaddr.js";
import { buildConnector } from "undici";
import { FootnoteError } from "../errors.ts";

const EXAMPLE = "https://example.com/news/some-article";

/** Parses a URL a user gave. Refuses what is not a plain http(s) link. */
export function parseUserUrl(raw: string): URL {
  const trimmed = raw.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new FootnoteError(
      "BAD_INPUT",
      `"${shorten(trimmed)}" is not a valid link. Send a full web address such as ${EXAMPLE}`,
    );
  }
  const problem = urlProblem(url);
  if (problem) throw new FootnoteError("BAD_INPUT", `${problem} Send a web address such as ${EXAMPLE}`);
  return url;
}

/** Why a URL may not be fetched (scheme, credentials), or undefined when it may. */
export function urlProblem(url: URL): string | undefined {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return `Only http and https links can be read (this one is ${url.protocol.replace(/:$/, "")}:).`;
  }
  if (url.username !== "" || url.password !== "") {
    return "Links with a user name or password in them (user:pass@host) are not fetched.";
  }
  if (url.hostname === "") return "The link has no host name.";
  return undefined;
}

/**
 * The range name of an address that must not be fetched, or undefined for a global unicast
 * address. IPv4-mapped and NAT64 (RFC 6052/8215) IPv6 addresses are judged by the IPv4
 * address they embed.
 */
export function refusedRange(address: string): string | undefined {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address.replace(/^\[|\]$/g, "").replace(/%.*$/, ""));
  } catch {
    return "invalid";
  }
  if (parsed.kind() === "ipv6") {
    const v6 = parsed as ipaddr.IPv6;
    const range = v6.range();
    if (range === "ipv4Mapped") return refusedRange(v6.toIPv4Address().toString());
    if (range === "rfc6052") {
      const bytes = v6.toByteArray();
      // 64:ff9b::/96 carries the IPv4 address in its last 32 bits; 64:ff9b:1::/48 is local-use.
      if (bytes[5] === 1) return "nat64LocalUse";
      return refusedRange(bytes.slice(12).join("."));
    }
    return range === "unicast" ? undefined : range;
  }
  const range = parsed.range();
  return range === "unicast" ? undefined : range;
}

function refusal(host: string, address: string, range: string): FootnoteError {
  const shown = host === address ? host : `${host} (${address})`;
  return new FootnoteError(
    "URL_REFUSED",
    `I won't fetch ${shown}: it is a ${describeRange(range)} address, and private/internal addresses are not fetched; an admin can set ALLOW_PRIVATE_URLS=true`,
  );
}

function describeRange(range: string): string {
  const names: Record<string, string> = {
    loopback: "loopback (this machine)",
    private: "private-network",
    linkLocal: "link-local",
    carrierGradeNat: "carrier-grade NAT",
    uniqueLocal: "unique-local",
    unspecified: "unspecified",
    multicast: "multicast",
    broadcast: "broadcast",
  };
  return names[range] ?? `reserved (${range})`;
}

/**
 * A `lookup` for net.connect that refuses a name when any of its addresses is not public.
 * `refused` is replaceable so tests can drive the allowed path against 127.0.0.1.
 */
export function guardedLookup(
  refused: (address: string) => string | undefined = refusedRange,
): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { family: options.family, hints: options.hints, all: true }, (err, addresses) => {
      if (err) return callback(err, "", 0);
      for (const { address } of addresses) {
        const range = refused(address);
        if (range !== undefined) return callback(refusal(hostname, address, range), "", 0);
      }
      const first = addresses[0];
      if (!first)
        return callback(Object.assign(new Error(`no address for ${hostname}`), { code: "ENOTFOUND" }), "", 0);
      // net.connect asks for every address when it races IPv4 and IPv6 (autoSelectFamily).
      if (options.all) (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
      else callback(null, first.address, first.family);
    });
  };
}

/**
 * The connector for an undici Agent. With allowPrivate false, IP literals are checked here
 * (net.connect does no lookup for them) and names in the guarded lookup; either way the
 * refusal happens before a socket is opened, so nothing is sent.
 */
export function guardedConnector(opts: {
  allowPrivate: boolean;
  connectTimeoutMs: number;
}): buildConnector.connector {
  if (opts.allowPrivate) return buildConnector({ timeout: opts.connectTimeoutMs });
  const base = buildConnector({
    timeout: opts.connectTimeoutMs,
    lookup: guardedLookup(),
  });
  return (options, callback) => {
    const host = options.hostname.replace(/^\[|\]$/g, "");
    if (net.isIP(host)) {
      const range = refusedRange(host);
      if (range !== undefined) {
        callback(refusal(host, host, range), null);
        return;
      }
    }
    base(options, callback);
  };
}

function shorten(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}
