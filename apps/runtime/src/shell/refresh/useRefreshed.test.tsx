import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { approvalsChanged } from './approvals-changed.js';
import { useRefreshed } from './useRefreshed.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('useRefreshed', () => {
  it('reads at once, on every tick, when the key changes and when the approvals changed', async () => {
    let n = 0;
    const load = vi.fn(async () => ++n);
    const { result, rerender } = renderHook(({ key }) => useRefreshed(load, key, 60_000), { initialProps: { key: '/inbox' } });
    await act(async () => {});
    expect(result.current).toBe(1);

    await act(async () => {
      await vi.advanceTimersByTimeAsync(59_000);
    });
    expect(load).toHaveBeenCalledTimes(1);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1_000);
    });
    expect(result.current).toBe(2);

    rerender({ key: '/cases' });
    await act(async () => {});
    expect(result.current).toBe(3);

    await act(async () => approvalsChanged());
    expect(result.current).toBe(4);
  });

  it('keeps the last value when a read fails', async () => {
    const load = vi.fn<() => Promise<number>>().mockResolvedValueOnce(7).mockRejectedValueOnce(new Error('down'));
    const { result } = renderHook(() => useRefreshed(load, 'k', 1_000));
    await act(async () => {});
    expect(result.current).toBe(7);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1_000);
    });
    expect(load).toHaveBeenCalledTimes(2);
    expect(result.current).toBe(7);
  });
});
