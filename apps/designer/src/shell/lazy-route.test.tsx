import { act, cleanup, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { lazyRoute } from './lazy-route.js';

afterEach(cleanup);

describe('lazy route', () => {
  it('shows a preloaded page in its first render, without the fallback', async () => {
    const route = lazyRoute(async () => ({ default: () => <p>the page</p> }));
    await route.preload();
    render(<Suspense fallback={<p>loading</p>}><route.Page /></Suspense>);
    expect(screen.getByText('the page')).toBeTruthy();
    expect(screen.queryByText('loading')).toBeNull();
  });

  it('suspends until a page not yet loaded arrives, loading it once', async () => {
    let loads = 0;
    const route = lazyRoute(async () => {
      loads++;
      return { default: () => <p>the page</p> };
    });
    render(<Suspense fallback={<p>loading</p>}><route.Page /></Suspense>);
    expect(screen.getByText('loading')).toBeTruthy();
    await act(() => route.preload());
    expect(await screen.findByText('the page')).toBeTruthy();
    expect(loads).toBe(1);
  });
});
