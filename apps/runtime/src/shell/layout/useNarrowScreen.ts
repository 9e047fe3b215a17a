import { useSyncExternalStore } from 'react';

/** Phone-sized screens (an RM visiting a customer): lists become cards. The same width as the stylesheet's phone rules. */
export const NARROW_SCREEN = '(max-width: 40rem)';

function media(): MediaQueryList | undefined {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia(NARROW_SCREEN)
    : undefined;
}

function subscribe(onChange: () => void): () => void {
  const list = media();
  list?.addEventListener('change', onChange);
  return () => list?.removeEventListener('change', onChange);
}

/** Whether the screen is phone-sized now; follows rotation and resizing. Without media queries (tests, old browsers): no. */
export function useNarrowScreen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => media()?.matches ?? false,
    () => false,
  );
}
