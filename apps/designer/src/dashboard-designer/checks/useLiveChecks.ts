import type { DashboardDefinition } from '@bankforge/report-engine';
import { useEffect, useState } from 'react';
import type { DashboardCatalog } from '../model/catalog.js';
import { checkDashboard, type DashboardChecks } from './live-checks.js';

/** The checks of the draft as it is now, run again once edits pause; null until the first answer (or without a catalog). */
export function useLiveChecks(dashboard: DashboardDefinition, catalog: DashboardCatalog | null): DashboardChecks | null {
  const [checks, setChecks] = useState<DashboardChecks | null>(null);
  useEffect(() => {
    if (catalog === null) return;
    let current = true;
    // A run of arrow presses or keystrokes is checked once, when it stops.
    const timer = setTimeout(() => {
      void checkDashboard(dashboard, catalog).then((answer) => current && setChecks(answer));
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [dashboard, catalog]);
  return catalog === null ? null : checks;
}
