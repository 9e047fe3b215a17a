import { lazy, useState, type ComponentType } from 'react';

/**
 * A route's page in a chunk of its own, which can be loaded before the route renders. Once loaded it
 * renders at once: React.lazy would suspend for a moment even on a loaded module, and React then
 * keeps the fallback on screen for at least 300 ms (its reveal throttle) before showing the page.
 */
export function lazyRoute(load: () => Promise<{ default: ComponentType }>): { Page: ComponentType; preload(): Promise<unknown> } {
  let loaded: ComponentType | null = null;
  let loading: Promise<{ default: ComponentType }> | null = null;
  const preload = () =>
    (loading ??= load().then((module) => {
      loaded = module.default;
      return module;
    }));
  const Lazy = lazy(preload);
  function Page() {
    // Chosen once per mount: the page is not remounted when its chunk arrives later.
    const [Component] = useState<ComponentType>(() => loaded ?? Lazy);
    return <Component />;
  }
  return { Page, preload };
}
