import type { CaseMigrationReason } from '@bankforge/client';
import type { FlowDefinition, MigrationRefusal } from '@bankforge/flow-engine';
import { nodeName } from './case-texts.js';

/**
 * Why a case cannot move to version `to`, in both languages, naming the step it waits at by its
 * name in the case's own version (`from`): what the preview on publish and a refused move say.
 */
export function migrationReason(refusal: MigrationRefusal, from: FlowDefinition, to: number): CaseMigrationReason {
  const step = refusal.nodeId === undefined ? undefined : nodeName(from, refusal.nodeId);
  const en = step?.en ?? '';
  const zh = step?.['zh-CN'] ?? en;
  const text = ((): CaseMigrationReason['text'] => {
    switch (refusal.code) {
      case 'removedStep':
        return { en: `It waits at "${en}", which version ${to} removes.`, 'zh-CN': `它正在等待的步骤“${zh}”在第 ${to} 版中已删除。` };
      case 'stepTypeChanged':
        return { en: `It waits at "${en}", which is another kind of step in version ${to}.`, 'zh-CN': `它正在等待的步骤“${zh}”在第 ${to} 版中改成了另一种步骤。` };
      case 'approvalModeChanged':
        return { en: `It waits at "${en}", whose approval mode version ${to} changes: the approvals given would not carry over.`, 'zh-CN': `它正在等待的审批“${zh}”在第 ${to} 版中改变了审批方式，已有的审批意见无法沿用。` };
      case 'subflowChanged':
        return { en: `It waits at "${en}", which starts another flow in version ${to}.`, 'zh-CN': `它正在等待的子流程“${zh}”在第 ${to} 版中改为启动另一个流程。` };
      case 'joinPathRemoved':
        return { en: `It waits at "${en}", which loses a path it waits for in version ${to}.`, 'zh-CN': `它正在等待的汇合“${zh}”在第 ${to} 版中少了一条要等待的路径。` };
      case 'ended':
        return { en: 'It has ended.', 'zh-CN': '它已经结束。' };
      case 'sameVersion':
        return { en: `It already runs version ${to}.`, 'zh-CN': `它已经在第 ${to} 版上运行。` };
      default:
        return { en: `It cannot move: ${refusal.message}.`, 'zh-CN': `无法迁移：${refusal.message}。` };
    }
  })();
  return { code: refusal.code, ...(refusal.nodeId !== undefined ? { nodeId: refusal.nodeId } : {}), ...(step ? { nodeName: step } : {}), text };
}
