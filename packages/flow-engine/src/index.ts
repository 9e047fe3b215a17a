// @bankforge/flow-engine: approval flows as a pure, versioned, deterministic state machine.
// Each export is named: what the server, the example apps, the bench and integrators use.

// the flow artifact
export type {
  ActivityBehaviour,
  ActivityLoop,
  ApprovalAction,
  ApprovalMode,
  ApprovalNode,
  ApprovalTimeout,
  AssigneeRule,
  AuthorityLimit,
  BoundaryTimer,
  BranchNode,
  DecisionNode,
  EndNode,
  FlowDefinition,
  FlowEdge,
  FlowNode,
  FlowNodeType,
  FlowRecordBinding,
  RecordStartTrigger,
  FlowVariable,
  FlowVariableType,
  InclusiveJoinNode,
  InclusiveNode,
  JoinNode,
  LocalizedText,
  MultiInstance,
  NotifyNode,
  ParallelNode,
  RecordMilestone,
  RetryPolicy,
  ServiceEffect,
  ServiceNode,
  StartNode,
  SubflowNode,
  TerminateNode,
  TimeoutAction,
  TimerNode,
} from './definition/flow-definition.js';
export { RECORD_MILESTONES } from './definition/flow-definition.js';
export { flowArtifactSchema } from './definition/flow-schema.js';
export { validateFlowDefinition, type FlowProblem, type FlowProblemCode, type FlowValidationOptions } from './definition/validate-flow.js';
export { flowKind, type FlowCheckContext } from './definition/flow-kind.js';

// automations: a trigger and actions the server runs (record changes, schedules, inbound events, case events)
export type {
  AssignOwnerAction,
  AutomationAction,
  AutomationActionType,
  AutomationCaseEvent,
  AutomationDefinition,
  AutomationRecordEvent,
  AutomationTrigger,
  AutomationTriggerType,
  CallConnectorAction,
  CaseTrigger,
  ConditionAction,
  CreateRecordAction,
  EvaluateDecisionAction,
  InboundTrigger,
  NotifyAction,
  NotifyTarget,
  RecordTrigger,
  ScheduleEvery,
  ScheduleTrigger,
  SetTagsAction,
  StartFlowAction,
  TargetById,
  TargetCondition,
  TargetLookup,
  UpdateRecordAction,
  WaitAction,
} from './automation/automation-definition.js';
export { AUTOMATION_ACTION_TYPES, AUTOMATION_CASE_EVENTS, AUTOMATION_RECORD_EVENTS, CONNECTOR_METHODS, SCHEDULE_EVERY } from './automation/automation-definition.js';
export { AUTOMATION_ACTION_ID_PATTERN, AUTOMATION_KEY_PATTERN, automationArtifactSchema } from './automation/automation-schema.js';
export { automationEntities, automationKind, type AutomationCheckContext, type AutomationSegment } from './automation/automation-kind.js';
export { AUTOMATION_SCOPE_NAMES, automationFieldProblems, automationProblems, isAutomationDuration, type AutomationProblemCode } from './automation/automation-problems.js';
export { latestScheduleSlot, missedScheduleSlots, MAX_CATCH_UP_SLOTS, nextScheduleSlot } from './automation/schedule-slots.js';
// request bodies written as FEEL templates (automations' connector calls, flows' service steps)
export { evaluateRequestBody, type RequestBodyOptions } from './templates/request-body.js';

// business calendar: working days and hours, holidays, make-up days (调休), in a time zone
export type { BusinessCalendar, CalendarDay, CalendarYear, IsoWeekday, WorkingPeriod } from './calendar/business-calendar.js';
export { DEFAULT_CALENDAR_TIME_ZONE, DEFAULT_WORKING_WEEKDAYS } from './calendar/business-calendar.js';
export { CALENDAR_KEY_PATTERN, calendarArtifactSchema } from './calendar/calendar-schema.js';
export { calendarKind } from './calendar/calendar-kind.js';
export type { CalendarErrorCode, CalendarWarningCode } from './calendar/calendar-problems.js';
export { addBusinessDuration } from './calendar/business-duration.js';
export { businessDaysBetween, businessTimeBetween } from './calendar/business-time-between.js';
export { isWorkingDay } from './calendar/working-days.js';
export { calendarCoverage, type CalendarCoverage } from './calendar/calendar-coverage.js';
export { BusinessCalendarError } from './calendar/compiled-calendar.js';

// running an instance
export { execute, type ExecuteResult } from './engine/execute.js';
export type { DecisionAnswer, Directory, ExecuteContext, Now } from './engine/context.js';
export { FlowCommandError, type Actor, type FlowCommand, type FlowCommandErrorCode, type TaskAction } from './engine/commands.js';
export type { FlowEffect, NotifyKind } from './engine/effects.js';
export type { FlowEvent, FlowEventType, TaskCloseReason } from './engine/events/flow-event.js';
export { replay } from './engine/events/apply-event.js';
export { COMMAND_WINDOW, type FlowState, type InstanceStatus, type JsonValue } from './engine/state/flow-state.js';

// storing an instance: its state and its history
export { decodeState, encodeState } from './engine/state/state-encoding.js';
export type { StoredFlowState } from './engine/state/stored-state.js';
export { decodeEvent, encodeEvent } from './engine/events/event-encoding.js';
export type { StoredFlowEvent } from './engine/events/stored-event.js';

// history, versions, BPMN
export { approvalTrail, type TrailAction, type TrailEntry } from './history/approval-trail.js';
export { canWithdraw, returnOptions, type ReturnOption } from './engine/case-options/case-options.js';
export { recordStartsCase } from './engine/record-start/record-starts-case.js';
export { migrateInstance, planInstanceMigration, waitingNodeIds, type InstanceMigration, type MigrationPlan, type MigrationRefusal, type MigrationRefusalCode } from './migration/migrate-instance.js';
export { importBpmn, type BpmnImportMessage, type BpmnImportOptions, type BpmnImportResult, type BpmnUnsupported } from './bpmn/import/import-bpmn.js';
export { exportBpmn } from './bpmn/export/export-bpmn.js';
export { ConditionMappingError, conditionToFeel } from './bpmn/condition/java-to-feel.js';
