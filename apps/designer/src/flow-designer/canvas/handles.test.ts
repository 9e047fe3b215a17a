// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { HANDLE_SIZE, nodeHandles, SOURCE_HANDLE, TARGET_HANDLE } from './handles.js';

describe('connection points', () => {
  it('are declared under the ids the drawn handles carry, centred on the left and right borders', () => {
    const [target, source] = nodeHandles({ width: 180, height: 64 });
    expect(target).toMatchObject({ id: TARGET_HANDLE, type: 'target', width: HANDLE_SIZE, height: HANDLE_SIZE });
    expect(source).toMatchObject({ id: SOURCE_HANDLE, type: 'source' });
    // The centre of each is on the node's border, half-way down.
    expect(target!.x + HANDLE_SIZE / 2).toBe(0);
    expect(source!.x + HANDLE_SIZE / 2).toBe(180);
    expect(source!.y + HANDLE_SIZE / 2).toBe(32);
  });
});
