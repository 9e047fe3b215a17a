import { describe, expect, it } from 'vitest';
import { type AddressKind, classifyAddress, describeKind, isPublicAddress } from './address-policy.js';

const REFUSED: [string, AddressKind][] = [
  // IPv4
  ['0.0.0.0', 'unspecified'],
  ['0.1.2.3', 'reserved'],
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback'],
  ['10.0.0.1', 'private'],
  ['10.255.255.255', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['192.168.1.1', 'private'],
  ['169.254.169.254', 'linkLocal'],
  ['169.254.0.1', 'linkLocal'],
  ['100.64.0.1', 'sharedCgnat'],
  ['100.127.255.255', 'sharedCgnat'],
  ['224.0.0.1', 'multicast'],
  ['239.255.255.250', 'multicast'],
  ['255.255.255.255', 'broadcast'],
  ['240.0.0.1', 'reserved'],
  ['192.0.0.8', 'reserved'],
  ['192.0.2.10', 'documentation'],
  ['198.51.100.7', 'documentation'],
  ['203.0.113.200', 'documentation'],
  ['198.18.0.1', 'benchmarking'],
  ['198.19.255.255', 'benchmarking'],
  // IPv6
  ['::', 'unspecified'],
  ['::1', 'loopback'],
  ['0:0:0:0:0:0:0:1', 'loopback'],
  ['fc00::1', 'private'],
  ['fd12:3456:789a::1', 'private'],
  ['fec0::1', 'private'],
  ['fe80::1', 'linkLocal'],
  ['fe80::1%eth0', 'linkLocal'],
  ['febf:ffff::1', 'linkLocal'],
  ['ff02::1', 'multicast'],
  ['2001:db8::1', 'documentation'],
  ['3fff::1', 'documentation'],
  ['2001:2::1', 'benchmarking'],
  ['2001::1', 'reserved'], // Teredo
  ['100::1', 'reserved'],
  ['::a00:1', 'reserved'], // IPv4-compatible, deprecated
  ['64:ff9b:1::a00:1', 'reserved'], // local-use NAT64
  ['4000::1', 'reserved'], // outside global unicast
  // IPv4-mapped IPv6: the embedded address decides
  ['::ffff:10.0.0.1', 'private'],
  ['::ffff:a00:1', 'private'],
  ['::ffff:127.0.0.1', 'loopback'],
  ['::ffff:169.254.169.254', 'linkLocal'],
  ['0:0:0:0:0:ffff:c0a8:101', 'private'],
  ['::ffff:0.0.0.0', 'unspecified'],
  // 6to4 embeddings of non-public IPv4
  ['2002:a00:1::1', 'private'], // 10.0.0.1
  ['2002:7f00:1::', 'loopback'], // 127.0.0.1
  ['2002:c0a8:101::1', 'private'], // 192.168.1.1
  ['2002:ac1f:ffff::', 'private'], // 172.31.255.255
  ['2002:a9fe:a9fe::', 'linkLocal'], // 169.254.169.254
  ['2002:6440:1::', 'sharedCgnat'], // 100.64.0.1
  // NAT64 embeddings of non-public IPv4
  ['64:ff9b::10.0.0.1', 'private'],
  ['64:ff9b::7f00:1', 'loopback'],
  ['64:ff9b::169.254.169.254', 'linkLocal'],
  ['64:ff9b::c000:20a', 'documentation'], // 192.0.2.10
  // not addresses at all
  ['', 'invalid'],
  ['localhost', 'invalid'],
  ['010.0.0.1', 'invalid'],
  ['1.2.3.4.5', 'invalid'],
  ['::ffff:10.0.0.1.2', 'invalid'],
  ['10.0.0.1%eth0', 'invalid'],
];

const PUBLIC: [string, 4 | 6][] = [
  ['8.8.8.8', 4],
  ['1.1.1.1', 4],
  ['172.15.255.255', 4], // just below 172.16/12
  ['172.32.0.0', 4], // just above it
  ['100.63.255.255', 4], // just below 100.64/10
  ['100.128.0.0', 4],
  ['169.253.255.255', 4],
  ['192.169.0.1', 4],
  ['11.0.0.1', 4],
  ['126.255.255.255', 4],
  ['223.255.255.255', 4],
  ['2606:4700:4700::1111', 6],
  ['2a00:1450:4001::200e', 6],
  ['::ffff:8.8.8.8', 6],
  ['2002:808:808::1', 6], // 6to4 of 8.8.8.8
  ['64:ff9b::8.8.8.8', 6], // NAT64 of 8.8.8.8
  ['2001:4860:4860::8888', 6],
];

describe('address policy', () => {
  it.each(REFUSED)('%s is not public: %s', (address, kind) => {
    expect(classifyAddress(address)).toEqual({ public: false, kind });
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(PUBLIC)('%s is public (IPv%s)', (address, family) => {
    expect(classifyAddress(address)).toEqual({ public: true, family });
  });

  it('describes each kind in words an administrator reads', () => {
    expect(describeKind('private')).toBe('a private address');
    expect(describeKind('linkLocal')).toMatch(/metadata/);
  });
});
