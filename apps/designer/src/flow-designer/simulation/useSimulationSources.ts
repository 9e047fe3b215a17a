import { ApiProblem } from '@bankforge/client';
import { useApiClient } from '@bankforge/app-shell';
import type { BusinessCalendar, DecisionNode, FlowDefinition } from '@bankforge/flow-engine';
import type { DecisionArtifact } from '@bankforge/rule-engine';
import { useEffect, useMemo, useState } from 'react';
import { decisionRef, decisionSteps, publishedDecider, type DecisionSource } from './simulated-decisions.js';

/** The server's business calendar as the simulation counts on it. */
export type CalendarSource =
  | { status: 'found'; key: string; version: number; calendar: BusinessCalendar }
  /** None published: the server counts calendar time too. */
  | { status: 'none' }
  | { status: 'unreadable'; message: string };

export interface DecisionStepSource {
  node: DecisionNode;
  source: DecisionSource;
}

export interface SimulationSources {
  calendar: CalendarSource;
  decisions: readonly DecisionStepSource[];
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function loadCalendar(api: ReturnType<typeof useApiClient>): Promise<CalendarSource> {
  try {
    const found = await api.businessCalendar<BusinessCalendar>();
    return { status: 'found', key: found.key, version: found.version, calendar: found.document };
  } catch (error) {
    if (error instanceof ApiProblem && error.code === 'noBusinessCalendar') return { status: 'none' };
    return { status: 'unreadable', message: message(error) };
  }
}

async function loadDecisions(api: ReturnType<typeof useApiClient>, steps: readonly DecisionNode[]): Promise<DecisionStepSource[]> {
  if (steps.length === 0) return [];
  const published = await api.listArtifacts('decision').catch(() => []);
  return Promise.all(
    steps.map(async (node): Promise<DecisionStepSource> => {
      const version = node.decisionVersion ?? published.find((d) => d.key === node.decisionKey)?.latestVersion ?? null;
      if (version === null) return { node, source: { kind: 'byHand', reason: 'notPublished' } };
      try {
        const artifact = (await api.getVersion('decision', node.decisionKey, version)).document as unknown as DecisionArtifact;
        return { node, source: { kind: 'published', version, decide: publishedDecider(artifact, version) } };
      } catch (error) {
        const notThere = error instanceof ApiProblem && error.status === 404;
        return { node, source: { kind: 'byHand', reason: notThere ? 'notPublished' : 'unreadable' } };
      }
    }),
  );
}

/**
 * What a simulation of the flow counts on, read once from the server (read-only calls): the
 * business calendar its timers count business days on, and the published decisions its decision
 * steps call. Undefined while loading.
 */
export function useSimulationSources(flow: FlowDefinition): SimulationSources | undefined {
  const api = useApiClient();
  const steps = useMemo(() => decisionSteps(flow), [flow]);
  const refs = steps.map((s) => decisionRef(s.decisionKey, s.decisionVersion)).join(' ');
  const [sources, setSources] = useState<{ refs: string; value: SimulationSources } | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void Promise.all([loadCalendar(api), loadDecisions(api, steps)]).then(([calendar, decisions]) => {
      if (live) setSources({ refs, value: { calendar, decisions } });
    });
    return () => {
      live = false;
    };
    // Read again only when the decisions the steps call change, not on every edit of the draft.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, refs]);
  return sources?.refs === refs ? sources.value : undefined;
}
