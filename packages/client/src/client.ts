import type { ApiKeyCreateRequest, ApiKeySummary, CreatedApiKey, PasswordReset, RoleDefinition, UserChange, UserCreateRequest, UserSummary, UserWithPassword } from './admin.js';
import type { AuditEntityLabels, AuditEntry, AuditQuery, ChainProgress, ChainVerdict } from './audit.js';
import type {
  DecisionBacktestRequest,
  DecisionBacktestResult,
  DecisionEvaluateAnswer,
  DecisionEvaluateOptions,
  DecisionEvaluationPage,
  DecisionEvaluationQuery,
} from './decisions.js';
import type {
  ApprovalAction,
  ApprovalTask,
  CaseDetail,
  CaseSummary,
  FlowBusinessCalendar,
  MigrateCaseRequest,
  NotificationPage,
  PeoplePage,
  PeopleQuery,
  StartCaseRequest,
  TaskActionRequest,
  TaskInboxPage,
  TaskInboxQuery,
} from './flows.js';
import type { CaseMigrationPreview, CaseMigrationPreviewRequest, MigrateCasesRequest, MigrateCasesResult } from './case-migrations.js';
import { ApiProblem } from './problem.js';
import type { RecordOverview, TimelinePage } from './record-overview.js';
import type {
  DashboardSummary,
  DashboardView,
  ReportPreviewRequest,
  ReportRunRequest,
  ReportRunResult,
  WidgetRunRequest,
  WidgetRunResult,
} from './reports.js';
import type { Segment, SegmentChange, SegmentInput } from './segments.js';
import type { Connector, ConnectorAllowedHosts, ConnectorChange, ConnectorChoice, ConnectorInput, ConnectorTestRequest, ConnectorTestResult } from './connectors.js';
import type { ImportJob, ImportProblemPage, ImportSettings } from './imports.js';
import type { WebhookDelivery, WebhookDeliveryPage, WebhookDeliveryState, WebhookSubscription, WebhookSubscriptionChange, WebhookSubscriptionInput, WebhookSubscriptionWithSecret } from './webhooks.js';
import type { AutomationRunQuery, AutomationRunSummary, AutomationTestInput, AutomationTestResult, InboundEventAccepted } from './automations.js';
import type {
  ArtifactDocument,
  ArtifactDraft,
  ArtifactKind,
  ArtifactSummary,
  ArtifactVersionSummary,
  MigrationPlan,
  PublishResult,
  RecordData,
  RecordPage,
  RecordTransfer,
  RecordQuery,
  RevealedValue,
  SignedIn,
  VersionDiff,
} from './types.js';

export interface ApiClientOptions {
  /** Where the API is: `''` (same origin, the browser apps) or `http://host:port`. */
  baseUrl?: string;
  fetch?: typeof fetch;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * The HTTP API as typed calls. Every non-2xx answer is thrown as an `ApiProblem`; a network
 * failure as `ApiProblem` with status 0 and code `networkError`, so callers handle one error type.
 */
export class ApiClient {
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;

  constructor(options: ApiClientOptions = {}) {
    this.baseUrl = options.baseUrl ?? '';
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  async request<T>(method: Method, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const response = await this.send(method, path, body, { accept: 'application/json', ...headers });
    const parsed = await parsedBody(response);
    if (!response.ok) throw ApiProblem.from(response.status, parsed);
    return parsed as T;
  }

  /** One call as the browser makes it; a network failure is thrown as a problem. */
  private async send(method: Method, path: string, body: unknown, headers: Record<string, string>): Promise<Response> {
    try {
      return await this.fetchImpl(`${this.baseUrl}/api${path}`, {
        method,
        credentials: 'same-origin',
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new ApiProblem(0, 'networkError', 'Network error', error instanceof Error ? error.message : String(error));
    }
  }

  // Auth
  login(username: string, password: string): Promise<SignedIn & { expiresAt: string }> {
    return this.request('POST', '/auth/login', { username, password });
  }
  logout(): Promise<void> {
    return this.request('POST', '/auth/logout');
  }
  me(): Promise<SignedIn> {
    return this.request('GET', '/auth/me');
  }

  // Administration (administrators only): users, roles, API keys. Passwords and keys the server makes are answered once.
  users(): Promise<UserSummary[]> {
    return this.request('GET', '/auth/users');
  }
  createUser(user: UserCreateRequest): Promise<UserWithPassword> {
    return this.request('POST', '/auth/users', user);
  }
  updateUser(id: string, change: UserChange): Promise<UserSummary> {
    return this.request('PATCH', `/auth/users/${encodeURIComponent(id)}`, change);
  }
  /** Disables a user: they cannot sign in, and their sessions end. */
  disableUser(id: string): Promise<UserSummary> {
    return this.request('POST', `/auth/users/${encodeURIComponent(id)}/disable`, {});
  }
  enableUser(id: string): Promise<UserSummary> {
    return this.request('POST', `/auth/users/${encodeURIComponent(id)}/enable`, {});
  }
  /** Sets a new password: the one given, or (none given) one the server generates and answers once. */
  resetPassword(id: string, password?: string): Promise<PasswordReset> {
    return this.request('POST', `/auth/users/${encodeURIComponent(id)}/password`, password === undefined ? {} : { password });
  }
  roles(): Promise<RoleDefinition[]> {
    return this.request('GET', '/auth/roles');
  }
  saveRole(role: RoleDefinition): Promise<RoleDefinition> {
    return this.request('PUT', `/auth/roles/${encodeURIComponent(role.key)}`, role);
  }
  apiKeys(): Promise<ApiKeySummary[]> {
    return this.request('GET', '/auth/api-keys');
  }
  createApiKey(name: string, roles: string[], limits: Omit<ApiKeyCreateRequest, 'name' | 'roles'> = {}): Promise<CreatedApiKey> {
    return this.request('POST', '/auth/api-keys', { name, roles, ...limits } satisfies ApiKeyCreateRequest);
  }
  revokeApiKey(id: string): Promise<void> {
    return this.request('POST', `/auth/api-keys/${encodeURIComponent(id)}/revoke`);
  }

  /** The connectors a flow's service step or an automation may call (designers of those kinds): key and name. */
  connectorChoices(): Promise<ConnectorChoice[]> {
    return this.request('GET', '/connectors/pick-list');
  }
  // Bulk imports: the caller's own jobs, for roles granted `import` on the entity.
  /** Uploads a CSV or XLSX file as the raw body (the server streams it to disk); answers the job with its headers mapped as proposed. */
  async uploadImport(entity: string, file: Blob, fileName: string): Promise<ImportJob> {
    const format = /\.xlsx$/i.test(fileName) ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.baseUrl}/api/imports?entity=${encodeURIComponent(entity)}&name=${encodeURIComponent(fileName)}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { accept: 'application/json', 'content-type': format },
        body: file,
      });
    } catch (error) {
      throw new ApiProblem(0, 'networkError', 'Network error', error instanceof Error ? error.message : String(error));
    }
    const parsed = await parsedBody(response);
    if (!response.ok) throw ApiProblem.from(response.status, parsed);
    return parsed as ImportJob;
  }
  importJobs(): Promise<ImportJob[]> {
    return this.request('GET', '/imports');
  }
  /** Administrators: every person's jobs, newest first, with the uploader's username. */
  allImportJobs(): Promise<ImportJob[]> {
    return this.request('GET', '/imports?scope=all');
  }
  importJob(id: string): Promise<ImportJob> {
    return this.request('GET', `/imports/${encodeURIComponent(id)}`);
  }
  saveImportSettings(id: string, settings: ImportSettings): Promise<ImportJob> {
    return this.request('PUT', `/imports/${encodeURIComponent(id)}`, settings);
  }
  /** Checks every row as the run would, writing nothing; poll the job, then read its problems. */
  dryRunImport(id: string): Promise<ImportJob> {
    return this.request('POST', `/imports/${encodeURIComponent(id)}/dry-run`);
  }
  runImport(id: string): Promise<ImportJob> {
    return this.request('POST', `/imports/${encodeURIComponent(id)}/run`);
  }
  importProblems(id: string, page: { offset?: number; limit?: number } = {}): Promise<ImportProblemPage> {
    const query = new URLSearchParams(Object.entries(page).map(([k, v]): [string, string] => [k, String(v)]));
    return this.request('GET', `/imports/${encodeURIComponent(id)}/problems${query.size > 0 ? `?${query.toString()}` : ''}`);
  }
  /** Starts the rollback in the background (202), or again after rollbackFailed: poll the job until it is rolledBack or rollbackFailed. */
  rollbackImport(id: string): Promise<ImportJob> {
    return this.request('POST', `/imports/${encodeURIComponent(id)}/rollback`);
  }
  // Connectors (administrators only): secrets are sent, never answered.
  connectors(): Promise<Connector[]> {
    return this.request('GET', '/connectors');
  }
  createConnector(connector: ConnectorInput): Promise<Connector> {
    return this.request('POST', '/connectors', connector);
  }
  updateConnector(key: string, change: ConnectorChange): Promise<Connector> {
    return this.request('PUT', `/connectors/${encodeURIComponent(key)}`, change);
  }
  deleteConnector(key: string): Promise<void> {
    return this.request('DELETE', `/connectors/${encodeURIComponent(key)}`);
  }
  connectorAllowedHosts(): Promise<ConnectorAllowedHosts> {
    return this.request('GET', '/connectors/allowed-hosts');
  }
  saveConnectorAllowedHosts(hosts: ConnectorAllowedHosts): Promise<ConnectorAllowedHosts> {
    return this.request('PUT', '/connectors/allowed-hosts', hosts);
  }
  testConnector(key: string, request: ConnectorTestRequest): Promise<ConnectorTestResult> {
    return this.request('POST', `/connectors/${encodeURIComponent(key)}/test`, request);
  }
  // Webhooks (administrators only): the secret is answered only by create and rotate.
  webhooks(): Promise<WebhookSubscription[]> {
    return this.request('GET', '/webhooks');
  }
  createWebhook(subscription: WebhookSubscriptionInput): Promise<WebhookSubscriptionWithSecret> {
    return this.request('POST', '/webhooks', subscription);
  }
  updateWebhook(key: string, change: WebhookSubscriptionChange): Promise<WebhookSubscription> {
    return this.request('PUT', `/webhooks/${encodeURIComponent(key)}`, change);
  }
  deleteWebhook(key: string): Promise<void> {
    return this.request('DELETE', `/webhooks/${encodeURIComponent(key)}`);
  }
  rotateWebhookSecret(key: string): Promise<WebhookSubscriptionWithSecret> {
    return this.request('POST', `/webhooks/${encodeURIComponent(key)}/rotate-secret`);
  }
  enableWebhook(key: string): Promise<WebhookSubscription> {
    return this.request('POST', `/webhooks/${encodeURIComponent(key)}/enable`);
  }
  webhookDeliveries(key: string, options: { state?: WebhookDeliveryState; limit?: number } = {}): Promise<WebhookDeliveryPage> {
    return this.request('GET', `/webhooks/${encodeURIComponent(key)}/deliveries${queryString(options)}`);
  }
  replayWebhookDelivery(id: string): Promise<WebhookDelivery> {
    return this.request('POST', `/webhooks/deliveries/${encodeURIComponent(id)}/replay`);
  }

  // Automations: their runs (designers of automations), a replay (publish right), a test that writes
  // nothing, and inbound events other systems post (roles granting the event under `automationEvents`).
  listAutomationRuns(key: string, query: AutomationRunQuery = {}): Promise<AutomationRunSummary[]> {
    return this.request('GET', `/automations/${encodeURIComponent(key)}/runs${queryString(query)}`);
  }
  replayAutomationRun(id: string): Promise<AutomationRunSummary> {
    return this.request('POST', `/automations/runs/${encodeURIComponent(id)}/replay`);
  }
  testAutomation(key: string, input: AutomationTestInput = {}): Promise<AutomationTestResult> {
    return this.request('POST', `/automations/${encodeURIComponent(key)}/test`, input);
  }
  /** Carries an Idempotency-Key (given, or a new one), so a retried post queues its runs once. */
  postInboundEvent(event: string, payload: Record<string, unknown>, idempotencyKey: string = globalThis.crypto.randomUUID()): Promise<InboundEventAccepted> {
    return this.request('POST', `/automations/events/${encodeURIComponent(event)}`, { payload }, { 'Idempotency-Key': idempotencyKey });
  }

  // The audit log (administrators and roles granted it).
  auditEntries(query: AuditQuery = {}): Promise<AuditEntry[]> {
    return this.request('GET', `/audit${queryString(query)}`);
  }
  /** The whole chain verified at once. */
  verifyAuditChain(): Promise<ChainVerdict>;
  /** One stretch of it, from `fromSeq`, `limit` entries at most: call again from `nextSeq` until it is absent. */
  verifyAuditChain(range: { fromSeq: number; limit: number }): Promise<ChainProgress>;
  verifyAuditChain(range?: { fromSeq: number; limit: number }): Promise<ChainVerdict | ChainProgress> {
    return this.request('GET', `/audit/verify${range ? queryString(range) : ''}`);
  }
  /** The entities and field names the log's entries are labelled with. */
  auditEntities(): Promise<AuditEntityLabels[]> {
    return this.request('GET', '/audit/entities');
  }
  /** Where the CSV export of a search is downloaded (a plain link: the browser sends the session cookie); the export is audited. */
  auditExportUrl(query: Omit<AuditQuery, 'afterSeq' | 'beforeSeq' | 'limit'>): string {
    return `${this.baseUrl}/api/audit/export${queryString(query)}`;
  }

  // Artifacts
  listArtifacts(kind: ArtifactKind): Promise<ArtifactSummary[]> {
    return this.request('GET', `/artifacts/${kind}`);
  }
  getDraft<D extends ArtifactDocument = ArtifactDocument>(kind: ArtifactKind, key: string): Promise<ArtifactDraft<D>> {
    return this.request('GET', `/artifacts/${kind}/${encodeURIComponent(key)}`);
  }
  getVersion<D extends ArtifactDocument = ArtifactDocument>(kind: ArtifactKind, key: string, version: number): Promise<ArtifactDraft<D>> {
    return this.request('GET', `/artifacts/${kind}/${encodeURIComponent(key)}?version=${version}`);
  }
  /** Saves the draft; `revision` is the one the edit started from (a stale one answers 409), absent for a new artifact. */
  saveDraft<D extends ArtifactDocument>(document: D, revision?: number): Promise<ArtifactDraft<D>> {
    const headers: Record<string, string> = revision === undefined ? {} : { 'if-match': `"${revision}"` };
    return this.request('PUT', `/artifacts/${document.kind}/${encodeURIComponent(document.key)}`, document, headers);
  }
  plan(key: string): Promise<MigrationPlan> {
    return this.request('POST', `/artifacts/entity/${encodeURIComponent(key)}/plan`);
  }
  publish(kind: ArtifactKind, key: string, confirmDataLoss = false): Promise<PublishResult> {
    return this.request('POST', `/artifacts/${kind}/${encodeURIComponent(key)}/publish`, confirmDataLoss ? { confirm: 'data-loss' } : {});
  }
  versions(kind: ArtifactKind, key: string): Promise<ArtifactVersionSummary[]> {
    return this.request('GET', `/artifacts/${kind}/${encodeURIComponent(key)}/versions`);
  }
  /** What changed between two published versions, element by element, named by label. */
  diff(kind: ArtifactKind, key: string, from: number, to: number): Promise<VersionDiff> {
    return this.request('GET', `/artifacts/${kind}/${encodeURIComponent(key)}/versions/${from}/diff/${to}`);
  }

  // Records; `form` names the form whose rules the server enforces on the write.
  createRecord(entity: string, values: Record<string, unknown>, form?: string): Promise<RecordData> {
    return this.request('POST', `/records/${entity}${formQuery(form)}`, values);
  }
  readRecord(entity: string, id: string): Promise<RecordData> {
    return this.request('GET', `/records/${entity}/${encodeURIComponent(id)}`);
  }
  updateRecord(entity: string, id: string, values: Record<string, unknown> & { version: number }, form?: string): Promise<RecordData> {
    return this.request('PATCH', `/records/${entity}/${encodeURIComponent(id)}${formQuery(form)}`, values);
  }
  /** Reveals one masked field of a record, saying why (4 to 500 characters, kept in the audit log). */
  unmaskField(entity: string, id: string, field: string, reason: string): Promise<RevealedValue> {
    return this.request('POST', `/records/${entity}/${encodeURIComponent(id)}/unmask`, { field, reason });
  }
  deleteRecord(entity: string, id: string): Promise<void> {
    return this.request('DELETE', `/records/${entity}/${encodeURIComponent(id)}`);
  }
  queryRecords(entity: string, query: RecordQuery): Promise<RecordPage> {
    return this.request('POST', `/records/${entity}/query`, query);
  }
  /** Every record a search reaches, as CSV: the reader's export scope, their field rules and masking (audited). */
  async exportRecords(entity: string, query: Omit<RecordQuery, 'cursor' | 'limit' | 'count'> = {}): Promise<Blob> {
    const response = await this.send('POST', `/records/${encodeURIComponent(entity)}/export`, query, { accept: 'text/csv, application/problem+json' });
    if (!response.ok) throw ApiProblem.from(response.status, await parsedBody(response));
    return response.blob();
  }  /** The titles of some records (at most 500) of an entity, as this reader may see them; those outside their scope are left out. */
  /** Hands records to another owner (id or username) with a reason; their related records of the previous owner go along. */
  transferRecords(entity: string, ids: readonly string[], to: string, reason: string): Promise<RecordTransfer> {
    return this.request('POST', `/records/${encodeURIComponent(entity)}/transfer`, { ids, to, reason });
  }
  recordTitles(entity: string, ids: readonly string[]): Promise<{ titles: Record<string, string> }> {
    return this.request('POST', `/records/${encodeURIComponent(entity)}/titles`, { ids });
  }
  /** The segments of an entity's list this reader sees: their own and those shared with them. */
  listSegments(entity: string): Promise<{ items: Segment[] }> {
    return this.request('GET', `/segments?entity=${encodeURIComponent(entity)}`);
  }
  saveSegment(segment: SegmentInput): Promise<Segment> {
    return this.request('POST', '/segments', segment);
  }
  changeSegment(id: string, change: SegmentChange): Promise<Segment> {
    return this.request('PATCH', `/segments/${encodeURIComponent(id)}`, change);
  }
  deleteSegment(id: string): Promise<void> {
    return this.request('DELETE', `/segments/${encodeURIComponent(id)}`);
  }
  /** Everything a record's 360° page shows, as this reader may see it; `app` names the app whose page design applies. */
  recordOverview(entity: string, id: string, app?: string): Promise<RecordOverview> {
    return this.request('GET', `/records/${encodeURIComponent(entity)}/${encodeURIComponent(id)}/overview${app ? `?app=${encodeURIComponent(app)}` : ''}`);
  }
  /** More of a record's timeline: the newest `limit` entries (at most 200). */
  recordTimeline(entity: string, id: string, limit: number, app?: string): Promise<TimelinePage> {
    const query = new URLSearchParams({ limit: String(limit), ...(app ? { app } : {}) });
    return this.request('GET', `/records/${encodeURIComponent(entity)}/${encodeURIComponent(id)}/timeline?${query.toString()}`);
  }


  // Approval cases and the task inbox. Every command carries an Idempotency-Key, so a retried
  // click (or a network retry) acts once.
  startCase(flowKey: string, request: StartCaseRequest): Promise<CaseDetail> {
    return this.command(`/flows/${encodeURIComponent(flowKey)}/instances`, request);
  }
  readCase(id: string): Promise<CaseDetail> {
    return this.request('GET', `/flows/instances/${encodeURIComponent(id)}`);
  }
  listCases(filter: { record?: string; startedBy?: 'me'; status?: 'open' | 'ended' }): Promise<{ items: CaseSummary[] }> {
    return this.request('GET', `/flows/instances${queryString(filter)}`);
  }
  caseCommand(id: string, command: 'withdraw' | 'urge' | 'cancel', comment?: string): Promise<CaseDetail> {
    return this.command(`/flows/instances/${encodeURIComponent(id)}/${command}`, comment === undefined ? {} : { comment });
  }
  /** Administrators: move a running case to another published version of its flow. */
  migrateCase(id: string, request: MigrateCaseRequest = {}): Promise<CaseDetail> {
    return this.command(`/flows/instances/${encodeURIComponent(id)}/migrate`, request);
  }
  /** Publishers: what publishing the flow's draft (or moving to `toVersion`) would do to its running cases. */
  previewCaseMigration(flowKey: string, request: CaseMigrationPreviewRequest = {}): Promise<CaseMigrationPreview> {
    return this.request('POST', `/flows/${encodeURIComponent(flowKey)}/migration-preview`, request);
  }
  /** Publishers: moves every running case of the flow that can move to `toVersion` (each as `migrateCase` would). */
  migrateCases(flowKey: string, request: MigrateCasesRequest): Promise<MigrateCasesResult> {
    return this.command(`/flows/${encodeURIComponent(flowKey)}/migrations`, request);
  }
  /** The business calendar flows count business time on (for flow designers; 404 `noBusinessCalendar` when none is published). */
  businessCalendar<D = ArtifactDocument>(): Promise<FlowBusinessCalendar<D>> {
    return this.request('GET', '/flows/calendar');
  }
  inbox(query: TaskInboxQuery = {}): Promise<TaskInboxPage> {
    return this.request('GET', `/tasks${queryString(query)}`);
  }
  readTask(id: string): Promise<ApprovalTask> {
    return this.request('GET', `/tasks/${encodeURIComponent(id)}`);
  }
  claimTask(id: string): Promise<ApprovalTask> {
    return this.command(`/tasks/${encodeURIComponent(id)}/claim`, {});
  }
  actOnTask(id: string, action: ApprovalAction, request: TaskActionRequest = {}): Promise<CaseDetail> {
    return this.command(`/tasks/${encodeURIComponent(id)}/${action}`, request);
  }
  notifications(unreadOnly = false): Promise<NotificationPage> {
    return this.request('GET', `/notifications${unreadOnly ? '?unread=true' : ''}`);
  }
  markNotificationsRead(ids: readonly string[] | 'all'): Promise<{ unread: number }> {
    return this.request('POST', '/notifications/read', ids === 'all' ? { all: true } : { ids });
  }
  /** Colleagues to delegate to or add as an approver, by username or name. */
  searchPeople(query: PeopleQuery = {}): Promise<PeoplePage> {
    return this.request('GET', `/people${queryString(query)}`);
  }

  // Decisions: a published decision evaluated, its evaluation log, a draft replayed against that log.
  evaluateDecision(key: string, inputs: Record<string, unknown>, options: DecisionEvaluateOptions = {}): Promise<DecisionEvaluateAnswer> {
    return this.request('POST', `/decisions/${encodeURIComponent(key)}/evaluate${queryString(options)}`, { inputs });
  }
  decisionEvaluations(key: string, query: DecisionEvaluationQuery = {}): Promise<DecisionEvaluationPage> {
    return this.request('GET', `/decisions/${encodeURIComponent(key)}/evaluations${queryString(query)}`);
  }
  backtestDecision(key: string, request: DecisionBacktestRequest = {}): Promise<DecisionBacktestResult> {
    return this.request('POST', `/decisions/${encodeURIComponent(key)}/backtest`, request);
  }

  // Reports and dashboards: runs under the reader's scope and masking; a draft previewed; widgets run with the dashboard's filters.
  runReport(key: string, request: ReportRunRequest = {}): Promise<ReportRunResult> {
    return this.request('POST', `/reports/${encodeURIComponent(key)}/run`, request);
  }
  previewReport(request: ReportPreviewRequest): Promise<ReportRunResult> {
    return this.request('POST', '/reports/preview', request);
  }
  /** The dashboards the reader's navigation lists. */
  dashboards(): Promise<DashboardSummary[]> {
    return this.request('GET', '/dashboards');
  }
  dashboard(key: string): Promise<DashboardView> {
    return this.request('GET', `/dashboards/${encodeURIComponent(key)}`);
  }
  runWidget(dashboard: string, widget: string, request: WidgetRunRequest = {}): Promise<WidgetRunResult> {
    return this.request('POST', `/dashboards/${encodeURIComponent(dashboard)}/widgets/${encodeURIComponent(widget)}/run`, request);
  }
  /** Where a widget's rows download from (the browser follows it with the session cookie). */
  widgetExportUrl(dashboard: string, widget: string, format: 'csv' | 'xlsx', request: WidgetRunRequest = {}): string {
    const query: Record<string, string> = { format };
    for (const [name, value] of Object.entries(request)) if (value !== undefined) query[name] = JSON.stringify(value);
    return `${this.baseUrl}/api/dashboards/${encodeURIComponent(dashboard)}/widgets/${encodeURIComponent(widget)}/export${queryString(query)}`;
  }

  private command<T>(path: string, body: unknown): Promise<T> {
    return this.request('POST', path, body, { 'Idempotency-Key': globalThis.crypto.randomUUID() });
  }
}

/** A JSON answer parsed; any other text as it is; nothing as undefined. */
async function parsedBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function queryString(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null) params.set(key, String(value));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

function formQuery(form: string | undefined): string {
  return form === undefined ? '' : `?form=${encodeURIComponent(form)}`;
}
