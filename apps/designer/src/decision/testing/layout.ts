import { vi } from 'vitest';

/**
 * jsdom lays nothing out: every element is 0px high, so the virtual grid would find no room for
 * any row. Tests give elements a height (restored by `vi.restoreAllMocks()`).
 */
export function giveElementsHeight(pixels = 600): void {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(pixels);
}
