import { useLayoutEffect, useRef, useState } from 'react';
import { fittingCount } from './fitting-count.js';

/**
 * How many of the menu's `total` pages fit in the nav, measured on a hidden copy of the menu (each
 * page, then the More button, as the header draws them) and measured again as either is resized:
 * a narrower window, the other language's labels, a late font. Without ResizeObserver (tests,
 * old browsers) every page is shown, as before.
 */
export function useFittingCount(total: number) {
  const navRef = useRef<HTMLElement>(null);
  const measureRef = useRef<HTMLUListElement>(null);
  // What was measured, for how many pages: another app's menu is shown whole until measured itself.
  const [measured, setMeasured] = useState<{ total: number; count: number } | null>(null);
  useLayoutEffect(() => {
    const nav = navRef.current;
    const copy = measureRef.current;
    if (!nav || !copy || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const items = Array.from(copy.children, (item) => item.getBoundingClientRect().width);
      const moreWidth = items.pop() ?? 0;
      const gap = parseFloat(getComputedStyle(copy).columnGap) || 0;
      const { paddingLeft, paddingRight } = getComputedStyle(nav);
      const available = nav.clientWidth - (parseFloat(paddingLeft) || 0) - (parseFloat(paddingRight) || 0);
      setMeasured({ total, count: fittingCount({ widths: items, gap, moreWidth }, available) });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(nav);
    observer.observe(copy);
    return () => observer.disconnect();
  }, [total]);
  return { navRef, measureRef, count: measured?.total === total ? measured.count : total };
}
