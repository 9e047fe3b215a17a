import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { classifyAddress, describeKind } from './address-policy.js';

/** One address a host name resolves to. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to every address it has (`dns.lookup(host, { all: true })` by default). */
export type HostResolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

/** What outbound HTTP may reach; see the README's "Outbound HTTP" section. */
export interface OutboundPolicy {
  /**
   * Hosts an administrator allow-listed, as `host` or `host:port` (lower case; IPv6 in brackets):
   * these may resolve to a private address, as the bank's on-premise core banking does.
   */
  allowedHosts: ReadonlySet<string>;
  /** The whole exchange, redirects and answer included. */
  timeoutMs: number;
  maxRedirects: number;
  maxAnswerBytes: number;
  /** Only allow-listed hosts at all, public or not (the flows' service steps work this way). */
  allowListOnly?: boolean;
  /** Tests give their own resolver; the server leaves it out. */
  lookup?: HostResolver;
}

export type Refusal = { reason: 'notAllowed' | 'privateAddress' | 'network'; retry: boolean; detail: string };

/** Where a request may go: the host as the URL names it and the addresses vetted for it. */
export interface VettedTarget {
  url: URL;
  /** `host:port` with the port always spelled out, for messages. */
  hostPort: string;
  addresses: readonly ResolvedAddress[];
}

const ALLOW_LIST_HINT = 'an administrator can allow-list this host';

/**
 * Resolves the URL's host and checks each address: every one must be public unless the host is
 * allow-listed. The request then connects only to these addresses, so a second DNS answer cannot
 * send it elsewhere. `url` is already known to be http(s).
 */
export async function vetTarget(url: URL, policy: OutboundPolicy): Promise<VettedTarget | Refusal> {
  const host = bareHost(url);
  const port = url.port !== '' ? url.port : url.protocol === 'https:' ? '443' : '80';
  const hostPort = `${url.hostname}:${port}`;
  const allowed = isAllowListed(policy.allowedHosts, url.hostname, hostPort);
  if (policy.allowListOnly === true && !allowed) {
    return { reason: 'notAllowed', retry: false, detail: `refused: ${hostPort} is not an allow-listed host; ${ALLOW_LIST_HINT}` };
  }
  const family = isIP(host);
  let addresses: readonly ResolvedAddress[];
  if (family === 4 || family === 6) addresses = [{ address: host, family }];
  else {
    try {
      addresses = await (policy.lookup ?? resolveAll)(host);
    } catch (error) {
      return { reason: 'network', retry: true, detail: `could not resolve ${host} (${codeOf(error)})` };
    }
    if (addresses.length === 0) return { reason: 'network', retry: true, detail: `could not resolve ${host} (no address)` };
  }
  if (!allowed) {
    for (const { address } of addresses) {
      const found = classifyAddress(address);
      if (found.public) continue;
      const what = describeKind(found.kind);
      const detail = address === host ? `refused: ${host} is ${what}; ${ALLOW_LIST_HINT}` : `refused: ${host} resolves to ${address}, ${what}; ${ALLOW_LIST_HINT}`;
      return { reason: 'privateAddress', retry: false, detail };
    }
  }
  return { url, hostPort, addresses };
}

/** The host without an IPv6 literal's brackets (`URL.hostname` keeps them). */
function bareHost(url: URL): string {
  const { hostname } = url;
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

function isAllowListed(allowedHosts: ReadonlySet<string>, hostname: string, hostPort: string): boolean {
  for (const entry of allowedHosts) {
    const normalized = entry.trim().toLowerCase();
    if (normalized === hostname || normalized === hostPort) return true;
  }
  return false;
}

async function resolveAll(hostname: string): Promise<readonly ResolvedAddress[]> {
  const answers = await dnsLookup(hostname, { all: true, verbatim: true });
  return answers.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
}

/** An error's code (`ENOTFOUND`, `ECONNREFUSED`, `UND_ERR_SOCKET`), never its message. */
export function codeOf(error: unknown): string {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 4; current = current.cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code)) return code;
  }
  return 'unknown error';
}
