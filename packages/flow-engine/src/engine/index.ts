// The flow engine: commands in, events and effects out; the state is a fold of the events.
export * from './state.js';
export * from './commands.js';
export { applyEvent, replay, type FlowEvent, type FlowEventType, type TaskCloseReason } from './events.js';
export { execute, actionable, requiredApprovals, durationMs, type Directory, type ExecuteContext, type ExecuteResult, type FlowEffect, type NotifyKind, type Now } from './engine.js';
