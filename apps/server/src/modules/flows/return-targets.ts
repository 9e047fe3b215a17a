import type { CaseText, ReturnTarget } from '@bankforge/client';
import type { FlowDefinition, FlowState } from '@bankforge/flow-engine';
import { nodeName } from './case-texts.js';

/** The initiator as a return target: the start step, where they amend the record and resubmit it. */
const INITIATOR: CaseText = { en: 'The initiator (amend and resubmit)', 'zh-CN': '发起人（修改后重新提交）' };

/**
 * Where a return from `nodeId` may send the case, as the engine decides it (`returnTask` in the
 * engine's task actions): the node's `returnTo` over the approvals given on the case's path.
 * `previous`: the last approval; `initiator`: the start step; `any`: every approval on the path
 * (latest first) and the start step. The initiator only from the case's one path (no parallel branch, no call open).
 * The one a return without a target takes comes first: the last approval, else the initiator.
 */
export function returnTargets(flow: FlowDefinition, state: FlowState, taskId: string): ReturnTarget[] {
  const task = state.tasks?.find((t) => t.id === taskId);
  const node = flow.nodes.find((n) => n.id === task?.nodeId);
  if (!task || node?.type !== 'approval' || !node.actions.includes('return')) return [];
  const allowed = node.returnTo ?? 'previous';
  const path = state.approvalPath ?? [];
  const start = flow.nodes.find((n) => n.type === 'start');
  const token = state.tokens?.find((t) => t.id === task.tokenId);
  const onePath = !(state.tokens ?? []).some((t) => t.id !== task.tokenId) && (state.calls ?? []).length === 0 && (token?.forkStack ?? []).length === 0;
  const initiator: ReturnTarget[] = start && onePath ? [{ nodeId: start.id, name: INITIATOR }] : [];
  const step = (id: string): ReturnTarget => ({ nodeId: id, name: nodeName(flow, id) });
  const previous = path.at(-1);
  if (allowed === 'initiator') return initiator;
  if (allowed === 'previous') return previous === undefined ? [] : [step(previous)];
  // Latest first, each step once.
  return [...[...new Set([...path].reverse())].map(step), ...initiator];
}
