import { describe, expect, it } from 'vitest';
import { dependencyOrder } from './dependency-order.js';

const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges).map(([k, v]) => [k, new Set(v)]));

describe('dependencyOrder', () => {
  it('puts each value after what it reads, ignoring names outside the graph', () => {
    const { order, cycles } = dependencyOrder(graph({ total: ['net', 'tax'], tax: ['net'], net: ['gross'] }));
    expect(cycles).toEqual([]);
    expect(order.indexOf('net')).toBeLessThan(order.indexOf('tax'));
    expect(order.indexOf('tax')).toBeLessThan(order.indexOf('total'));
    expect(order).not.toContain('gross');
  });

  it('gives each cycle as the path values flow around it', () => {
    const { cycles } = dependencyOrder(graph({ a: ['c'], b: ['a'], c: ['b'], d: ['a'] }));
    expect(cycles).toEqual([['a', 'b', 'c', 'a']]);
  });

  it('finds a self-reading value and two separate cycles', () => {
    expect(dependencyOrder(graph({ a: ['a'], x: ['y'], y: ['x'] })).cycles).toEqual([['a', 'a'], ['x', 'y', 'x']]);
  });
});
