import { BlockList, isIP } from 'node:net';

/**
 * Why an address is not public. Each names what the bank's administrator would recognise in a
 * refusal ("10.1.2.3, a private address").
 */
export type AddressKind =
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'linkLocal'
  | 'sharedCgnat'
  | 'multicast'
  | 'broadcast'
  | 'documentation'
  | 'benchmarking'
  | 'reserved'
  | 'invalid';

export type AddressClass = { public: true; family: 4 | 6 } | { public: false; kind: AddressKind };

interface Range {
  kind: Exclude<AddressKind, 'invalid'>;
  /** `address/prefix`; written by hand here, never taken from a request. */
  v4?: string[];
  v6?: string[];
}

/**
 * Ranges that are never a webhook receiver on the internet, most specific first: the first list
 * holding an address names its kind. IPv4 rules also match IPv4-mapped IPv6 (`::ffff:10.0.0.1`)
 * by `BlockList`'s own semantics; the 6to4 and NAT64 embeddings of each IPv4 range are added
 * below.
 */
const RANGES: Range[] = [
  { kind: 'unspecified', v4: ['0.0.0.0/32'], v6: ['::/128'] },
  { kind: 'broadcast', v4: ['255.255.255.255/32'] },
  { kind: 'loopback', v4: ['127.0.0.0/8'], v6: ['::1/128'] },
  // fec0::/10 is the deprecated site-local range: as private as a ULA where it is still used.
  { kind: 'private', v4: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'], v6: ['fc00::/7', 'fec0::/10'] },
  // 169.254.169.254 (the cloud metadata service) is in 169.254/16.
  { kind: 'linkLocal', v4: ['169.254.0.0/16'], v6: ['fe80::/10'] },
  { kind: 'sharedCgnat', v4: ['100.64.0.0/10'] },
  { kind: 'multicast', v4: ['224.0.0.0/4'], v6: ['ff00::/8'] },
  {
    kind: 'documentation',
    v4: ['192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24'],
    v6: ['2001:db8::/32', '3fff::/20'],
  },
  { kind: 'benchmarking', v4: ['198.18.0.0/15'], v6: ['2001:2::/48'] },
  {
    kind: 'reserved',
    // 0/8 "this network", IETF protocol assignments, the retired 6to4 relay anycast, 240/4.
    v4: ['0.0.0.0/8', '192.0.0.0/24', '192.88.99.0/24', '240.0.0.0/4'],
    // The IPv4-compatible ::/96 and SIIT ::ffff:0:0:0/96 forms, discard-only 100::/64, the
    // local-use NAT64 64:ff9b:1::/48 (its embedding is the network's own) and 2001::/23 (IETF
    // protocol assignments: Teredo, ORCHID, ...), none of them a receiver's address.
    v6: ['::/96', '::ffff:0:0:0/96', '100::/64', '64:ff9b:1::/48', '2001::/23'],
  },
];

/**
 * The IPv6 space where a public receiver can be: global unicast, the well-known NAT64 prefix (an
 * IPv6-only bank reaches IPv4 receivers through it) and IPv4-mapped addresses; the embedded IPv4
 * address of the last two is still checked against the ranges above.
 */
const V6_PUBLIC_SPACE = blockList(['2000::/3', '64:ff9b::/96', '::ffff:0:0/96'], 'ipv6');

const LISTS: { kind: Range['kind']; list: BlockList }[] = RANGES.map((range) => {
  const list = blockList(range.v4 ?? [], 'ipv4');
  for (const cidr of range.v6 ?? []) addCidr(list, cidr, 'ipv6');
  for (const cidr of range.v4 ?? []) for (const embedded of embeddingsOf(cidr)) addCidr(list, embedded, 'ipv6');
  return { kind: range.kind, list };
});

/**
 * Classifies one IP address (v4 or v6, as `dns.lookup` answers it). Anything that is not a valid
 * address is `invalid`; an address with a zone id (`fe80::1%eth0`) only exists on a local link.
 */
export function classifyAddress(address: string): AddressClass {
  if (address.includes('%')) return isIP(address) === 6 ? { public: false, kind: 'linkLocal' } : { public: false, kind: 'invalid' };
  const family = isIP(address);
  if (family !== 4 && family !== 6) return { public: false, kind: 'invalid' };
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const { kind, list } of LISTS) if (list.check(address, type)) return { public: false, kind };
  if (family === 6 && !V6_PUBLIC_SPACE.check(address, 'ipv6')) return { public: false, kind: 'reserved' };
  return { public: true, family };
}

export function isPublicAddress(address: string): boolean {
  return classifyAddress(address).public;
}

/** "a private address", "a link-local address (such as the cloud metadata service)": for refusals. */
export function describeKind(kind: AddressKind): string {
  return KIND_WORDS[kind];
}

const KIND_WORDS: Record<AddressKind, string> = {
  unspecified: 'an unspecified address',
  loopback: 'a loopback address (this server itself)',
  private: 'a private address',
  linkLocal: 'a link-local address (such as the cloud metadata service)',
  sharedCgnat: 'a carrier-grade NAT address',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
  documentation: 'a documentation address',
  benchmarking: 'a benchmarking address',
  reserved: 'a reserved address',
  invalid: 'not an IP address',
};

function blockList(cidrs: string[], type: 'ipv4' | 'ipv6'): BlockList {
  const list = new BlockList();
  for (const cidr of cidrs) addCidr(list, cidr, type);
  return list;
}

function addCidr(list: BlockList, cidr: string, type: 'ipv4' | 'ipv6'): void {
  const [network, prefix] = cidr.split('/');
  list.addSubnet(network ?? '', Number(prefix), type);
}

/**
 * The 6to4 (2002:AABB:CCDD::/16+n) and well-known NAT64 (64:ff9b::AABB:CCDD/96+n) forms of one of
 * the IPv4 ranges above, so that `2002:a00::1` or `64:ff9b::10.0.0.1` is as private as 10.0.0.1.
 * Only ever applied to the constants of this file.
 */
function embeddingsOf(cidr: string): string[] {
  const [network = '', prefix] = cidr.split('/');
  const [a = 0, b = 0, c = 0, d = 0] = network.split('.').map(Number);
  const high = ((a << 8) | b).toString(16);
  const low = ((c << 8) | d).toString(16);
  const bits = Number(prefix);
  return [`2002:${high}:${low}::/${16 + bits}`, `64:ff9b::${high}:${low}/${96 + bits}`];
}
