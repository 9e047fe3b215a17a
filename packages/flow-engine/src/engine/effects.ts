/** The work a command leaves for the server (tasks, timers, calls, notifications), in the order it arose. */
import type { ApprovalMode, ServiceEffect } from '../definition/flow-definition.js';
import type { TaskCloseReason } from './events/flow-event.js';
import type { InstanceStatus, JsonValue, ParentCall, TimerPurpose } from './state/flow-state.js';

export type NotifyKind = 'cc' | 'message' | 'remind' | 'urge' | 'escalate';

export type FlowEffect =
  | {
      type: 'createTask';
      taskId: string;
      nodeId: string;
      /** Who may act now (the head of the queue in sequential mode). */
      assignees: string[];
      mode: ApprovalMode;
      actions: string[];
      formKey?: string;
      editableFields?: string[];
      dueAt?: string;
    }
  /** The users who may act on an open task changed (delegation, added approver, escalation, next in sequence). */
  | { type: 'updateTask'; taskId: string; assignees: string[] }
  /** The task was decided (approved, rejected, returned; a resubmit task: resubmitted). */
  | { type: 'closeTask'; taskId: string; result: TaskCloseReason }
  /** The task was withdrawn, cancelled or terminated with the case. */
  | { type: 'cancelTask'; taskId: string }
  | { type: 'notify'; kind: NotifyKind; to: string[]; nodeId?: string; taskId?: string; template?: string; comment?: string; by?: string }
  | { type: 'scheduleTimer'; timerId: string; nodeId: string; dueAt: string; purpose: TimerPurpose; duration?: string; businessCalendar?: boolean }
  | { type: 'cancelTimer'; timerId: string }
  | { type: 'callService'; callId: string; nodeId: string; effect: ServiceEffect; config: Record<string, JsonValue>; attempt: number }
  | { type: 'evaluateDecision'; callId: string; nodeId: string; decisionKey: string; decisionVersion?: number; inputs: Record<string, JsonValue> }
  | {
      type: 'startSubflow';
      callId: string;
      nodeId: string;
      flowKey: string;
      version?: number;
      variables: Record<string, JsonValue>;
      /** Pass it as `parent` of the child's start command; the child's `instanceEnded` effect carries it back. */
      parent: ParentCall;
    }
  | { type: 'cancelSubflow'; callId: string }
  /**
   * Write these values into the case's record (the record the case is about: the server knows it),
   * at a milestone of the flow's record binding (`started`, `returned`, `resubmitted`, the outcome of
   * a completed case, or how it ended otherwise). At most once per occurrence of the milestone.
   */
  | { type: 'updateRecord'; milestone: string; values: Record<string, JsonValue> }
  /**
   * The case ended; for a subflow, answer the parent with `subflowCompleted` (callId =
   * parent.callId), with `errorCode` (status failed with an outcome: an error end event) or
   * `error` (failed at run time) when it failed.
   */
  | {
      type: 'instanceEnded';
      status: Exclude<InstanceStatus, 'running'>;
      outcome?: string;
      error?: string;
      variables: Record<string, JsonValue>;
      parent?: ParentCall;
    };

export type ScheduleTimerEffect = Extract<FlowEffect, { type: 'scheduleTimer' }>;
export type UpdateRecordEffect = Extract<FlowEffect, { type: 'updateRecord' }>;
