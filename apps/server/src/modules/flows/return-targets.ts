import type { CaseText, ReturnTarget } from '@bankforge/client';
import { returnOptions, type FlowDefinition, type FlowState } from '@bankforge/flow-engine';
import { nodeName } from './case-texts.js';

/** The initiator as a return target: the start step, where they amend the record and resubmit it. */
const INITIATOR: CaseText = { en: 'The initiator (amend and resubmit)', 'zh-CN': '发起人（修改后重新提交）' };

/** Where a return of the task may send the case (the engine's `returnOptions`), named for the screen; the default first. */
export function returnTargets(flow: FlowDefinition, state: FlowState, taskId: string): ReturnTarget[] {
  return returnOptions(flow, state, taskId).map((option) => ({ nodeId: option.nodeId, name: option.toInitiator ? INITIATOR : nodeName(flow, option.nodeId) }));
}
