// @bankforge/client: the HTTP API as typed calls, for the designer, the runtime and integrators.
export { ApiClient, type ApiClientOptions } from './client.js';
export { ApiProblem, type ProblemFieldError } from './problem.js';
// The shapes the API answers with and takes.
export type {
  AppDocument,
  AppLanding,
  ArtifactDocument,
  ArtifactDraft,
  ArtifactKind,
  ArtifactSummary,
  ArtifactVersionSummary,
  ChangedElement,
  DocumentChange,
  ElementLabel,
  ElementPlace,
  LossyChange,
  MigrationPlan,
  MigrationStep,
  PublishResult,
  RecordData,
  RecordPage,
  RecordTransfer,
  RecordQuery,
  RevealedValue,
  SignedIn,
  VersionDiff,
} from './types.js';
// What the runtime (the generated apps) reads.
export type {
  FieldAccess,
  ReaderFieldAccess,
  RuntimeApp,
  RuntimeEntityActions,
  RuntimeEntityFlow,
  RuntimeEntityPage,
  RuntimeLanding,
  RuntimeMenuItem,
  RuntimeOwnPage,
} from './runtime.js';
// Segments: saved list filters, shared with a team or a branch.
export type { Segment, SegmentChange, SegmentInput, SegmentSharing } from './segments.js';
// The 360° record page: its design in the app artifact, and the overview the server answers.
export type {
  ActivityDesign,
  GraphEdge,
  GraphNode,
  OptionValue,
  OverviewFigure,
  OverviewHeader,
  RecordFigureDesign,
  RecordOverview,
  RecordPageDesign,
  RelatedListDesign,
  RelatedListOverview,
  RelatedRecordsRef,
  RelatedRow,
  RelationshipGraph,
  RelationshipGraphDesign,
  TimelineEntry,
  TimelineFieldChange,
  TimelinePage,
  TimelinePerson,
} from './record-overview.js';
// Approval flows: cases, the task inbox, the trail, notifications.
export type {
  ApprovalAction,
  ApprovalTask,
  CaseDetail,
  CaseNotification,
  CasePerson,
  CaseStatus,
  CaseSummary,
  CaseText,
  CaseTrailEntry,
  FlowBusinessCalendar,
  MigrateCaseRequest,
  CaseNotificationKind,
  NotificationKind,
  NotificationPage,
  PeoplePage,
  PeopleQuery,
  PersonMatch,
  ReturnTarget,
  StartCaseRequest,
  TaskActionRequest,
  TaskInboxPage,
  TaskInboxQuery,
} from './flows.js';
// Administration: users, roles and their grants, API keys.
export type {
  ApiKeyCreateRequest,
  ApiKeyRateLimit,
  ApiKeyScope,
  ApiKeySummary,
  CreatedApiKey,
  DataScope,
  DesignerRight,
  EntityGrant,
  FieldRule,
  MaskSpec,
  PasswordReset,
  RecordOperation,
  RoleDefinition,
  UserChange,
  UserCreateRequest,
  UserSummary,
  UserWithPassword,
} from './admin.js';
// Connectors: named HTTP connections to the bank's other systems (secrets written, never read).
export type { Connector, ConnectorAllowedHosts, ConnectorAuth, ConnectorAuthKind, ConnectorChange, ConnectorChoice, ConnectorInput, ConnectorMethod, ConnectorName, ConnectorRefusal, ConnectorTestRequest, ConnectorTestResult } from './connectors.js';
export type { ImportColumn, ImportFormat, ImportJob, ImportMatchRule, ImportMode, ImportProblem, ImportProblemPage, ImportRollback, ImportSettings, ImportStatus } from './imports.js';
export { AUTOMATION_STEP_CODES } from './automations.js';
export type { AutomationRunQuery, AutomationRunStatus, AutomationRunSummary, AutomationStepCode, AutomationStepLog, AutomationStepMessage, AutomationTestInput, AutomationTestResult, InboundEventAccepted } from './automations.js';
export { WEBHOOK_EVENT_TYPES } from './webhooks.js';
export type {
  WebhookDelivery,
  WebhookDeliveryPage,
  WebhookDeliveryState,
  WebhookEventSelector,
  WebhookEventType,
  WebhookName,
  WebhookSubscription,
  WebhookSubscriptionChange,
  WebhookSubscriptionInput,
  WebhookSubscriptionWithSecret,
} from './webhooks.js';
// The audit log: entries, searches, the chain's verification.
export { AUDIT_ACTIONS } from './audit.js';
export type { AuditAction, AuditEntityLabels, AuditEntry, AuditQuery, ChainBreak, ChainProgress, ChainVerdict } from './audit.js';
// Moving running cases to a new version of their flow: the preview on publish, the move.
export type { CaseMigrationPreview, CaseMigrationPreviewRequest, CaseMigrationReason, MigrateCasesRequest, MigrateCasesResult, UnmovableCase } from './case-migrations.js';
// Decisions: evaluation, the evaluation log, backtests.
export type {
  DecisionBacktestChange,
  DecisionBacktestRequest,
  DecisionBacktestResult,
  DecisionEvaluateAnswer,
  DecisionEvaluateOptions,
  DecisionEvaluateRequest,
  DecisionEvaluationPage,
  DecisionEvaluationQuery,
  LoggedDecisionEvaluation,
} from './decisions.js';
// Reports and dashboards: runs, previews, dashboards as the runtime draws them, widget runs.
export type {
  ColumnPresentation,
  DashboardFilterView,
  DashboardSummary,
  DashboardView,
  DashboardWidgetView,
  ReportPreviewRequest,
  ReportRunRequest,
  ReportRunResult,
  WidgetRunRequest,
  WidgetRunResult,
} from './reports.js';
// Approval tasks: the entity the flows write, one record per task, for reports and lists.
export { approvalTaskEntity } from './approval-tasks.js';
