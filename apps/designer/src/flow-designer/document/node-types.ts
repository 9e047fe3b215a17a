import type { FlowNode, FlowNodeType, LocalizedText } from '@bankforge/flow-engine';

/** The node interface of one type, e.g. `NodeOf<'approval'>` is `ApprovalNode`. */
export type NodeOf<T extends FlowNodeType> = Extract<FlowNode, { type: T }>;
export type NodePosition = NonNullable<FlowNode['position']>;

/**
 * Each node type's name in both languages: the palette and the screen-reader names show it, and a
 * new node is named after it in both languages at once (the document holds both).
 */
export const NODE_TYPE_NAMES: Readonly<Record<FlowNodeType, LocalizedText>> = {
  start: { en: 'Start', 'zh-CN': '开始' },
  end: { en: 'End', 'zh-CN': '结束' },
  terminate: { en: 'Terminate', 'zh-CN': '终止' },
  approval: { en: 'Approval', 'zh-CN': '审批' },
  branch: { en: 'Exclusive branch', 'zh-CN': '排他分支' },
  inclusive: { en: 'Inclusive branch', 'zh-CN': '包容分支' },
  inclusiveJoin: { en: 'Inclusive join', 'zh-CN': '包容汇聚' },
  parallel: { en: 'Parallel split', 'zh-CN': '并行分支' },
  join: { en: 'Parallel join', 'zh-CN': '并行汇聚' },
  decision: { en: 'Decision', 'zh-CN': '决策' },
  service: { en: 'Service call', 'zh-CN': '服务调用' },
  notify: { en: 'Notify', 'zh-CN': '通知抄送' },
  timer: { en: 'Timer', 'zh-CN': '定时等待' },
  subflow: { en: 'Subflow', 'zh-CN': '子流程' },
};

/** Every node type, in the palette's order (the keys of the table above: one list). */
export const NODE_TYPES = Object.keys(NODE_TYPE_NAMES) as FlowNodeType[];

/** Nodes that end a path: nothing leaves them. */
export const END_TYPES: ReadonlySet<FlowNodeType> = new Set(['end', 'terminate']);
/** Nodes whose outgoing edges carry conditions and one default. */
export const CONDITIONAL_SPLITS: ReadonlySet<FlowNodeType> = new Set(['branch', 'inclusive']);
/** Nodes with several outgoing edges by design. */
export const SPLIT_TYPES: ReadonlySet<FlowNodeType> = new Set(['branch', 'inclusive', 'parallel']);
