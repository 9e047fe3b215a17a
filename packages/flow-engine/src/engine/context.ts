/**
 * What the server hands the engine with a command: directory lookups, synchronous decisions, the
 * business calendar, the instance's history. All pure functions over data the server loaded
 * before calling; the engine itself has no I/O, clock or randomness.
 */
import type { FlowEvent } from './events/flow-event.js';
import type { JsonValue } from './state/flow-state.js';

/**
 * Directory lookups the engine needs to resolve assignees. Pure functions over the server's
 * snapshot of users and roles (the server loads what a command may need before calling).
 */
export interface Directory {
  /** Holders of a role anywhere in the bank. */
  usersInRole(role: string): readonly string[];
  /** Holders of a role within a branch. */
  usersInRoleAtBranch(role: string, branch: string): readonly string[];
  /** The manager `levels` up from a user (1 = direct manager), if any. */
  managerOf(userId: string, levels: number): string | undefined;
}

/** What a synchronous decision answered: its outputs, and what it did (kept in the case's history). */
export interface DecisionAnswer {
  outputs: Record<string, JsonValue>;
  /** The version evaluated (when the node named none: the latest, as the server resolved it). */
  version?: number;
  /** The evaluation's trace as JSON (e.g. the rules each table matched), for whoever audits the case. */
  trace?: JsonValue;
}

export interface ExecuteContext {
  /** Needed when the flow has role, branch-role or manager assignees (or escalates/routes by authority). */
  directory?: Directory;
  /**
   * Evaluates a decision artifact synchronously (the server passes the rule engine's compiled
   * model). When absent, a decision node emits an `evaluateDecision` effect and waits for a
   * `serviceResult` command with the effect's `callId` (output = the decision's result).
   */
  decide?: (decisionKey: string, inputs: Record<string, JsonValue>, version?: number) => DecisionAnswer;
  /**
   * Adds an ISO duration in business time (for `businessCalendar: true` timeouts and timers) and
   * returns the due ISO instant. Without it, calendar time is used.
   */
  addBusinessDuration?: (fromIso: string, duration: string) => string;
  /** The instance id to record at `start` (default: the start command's id). */
  instanceId?: string;
  /** The instance's events so far: when given, a repeated command returns the events it produced. */
  history?: readonly FlowEvent[];
  /** Node entries allowed per command before the instance fails (guards cycles without a wait state; default 10,000). */
  maxSteps?: number;
}

/** A time as epoch milliseconds or an ISO 8601 instant (`2025-01-31T09:00:00Z`). */
export type Now = number | string;
