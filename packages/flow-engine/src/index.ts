// @bankforge/flow-engine: approval flows as a pure, versioned, deterministic state machine.
export * from './definition/flow-definition.js';
// Both the definition and the engine state declare ApprovalMode (the same union): the definition's is the public one.
export type { ApprovalMode } from './definition/flow-definition.js';
export * from './engine/index.js';
export { flowArtifactSchema, FLOW_KEY_PATTERN, FLOW_ID_PATTERN } from './definition/flow-schema.js';
export { validateFlowDefinition, type FlowProblem, type FlowProblemCode } from './definition/validate-flow.js';
export { approvalTrail, type TrailEntry, type TrailAction } from './history/approval-trail.js';
export { planInstanceMigration, type MigrationPlan, type MigrationRefusal } from './migration/migrate-instance.js';
export { importBpmn, type BpmnImportOptions, type BpmnImportResult, type BpmnImportMessage, type BpmnUnsupported } from './bpmn/import/import-bpmn.js';
export { exportBpmn } from './bpmn/export/export-bpmn.js';
export { conditionToFeel, ConditionMappingError } from './bpmn/condition/java-to-feel.js';
