import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { documentType, timestamp } from './columns.js';

/**
 * Approval flows that run: cases (instances) with the engine's compact state, their append-only
 * event history, tasks and timers materialised for queries and for firing, and in-app notifications.
 */
export class Flows1700000000008 implements MigrationInterface {
  name = 'Flows1700000000008';

  async up(runner: QueryRunner): Promise<void> {
    const doc = documentType(runner);
    await runner.createTable(
      new Table({
        name: 'bf_flow_instance',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'flow_key', type: 'varchar', length: '64' },
          { name: 'flow_version', type: 'int' },
          { name: 'entity_key', type: 'varchar', length: '64', isNullable: true },
          { name: 'record_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'outcome', type: 'varchar', length: '64', isNullable: true },
          // The engine's state in its stored (compact) encoding.
          { name: 'state', type: doc },
          { name: 'initiator_id', type: 'varchar', length: '64' },
          timestamp('started_at'),
          timestamp('ended_at', true),
          // Optimistic version, raised by every command.
          { name: 'version', type: 'int' },
        ],
        indices: [
          { name: 'ix_bf_flow_instance_record', columnNames: ['entity_key', 'record_id'] },
          { name: 'ix_bf_flow_instance_initiator', columnNames: ['initiator_id', 'status'] },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'bf_flow_event',
        columns: [
          { name: 'instance_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'seq', type: 'int', isPrimary: true },
          { name: 'command_id', type: 'varchar', length: '128' },
          { name: 'actor_id', type: 'varchar', length: '64', isNullable: true },
          timestamp('at'),
          { name: 'payload', type: doc },
        ],
        indices: [{ name: 'ix_bf_flow_event_command', columnNames: ['instance_id', 'command_id'] }],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'bf_flow_task',
        columns: [
          // `<instance id>:<engine task id>`: the engine's ids are unique within an instance only.
          { name: 'id', type: 'varchar', length: '80', isPrimary: true },
          { name: 'instance_id', type: 'varchar', length: '36' },
          { name: 'task_id', type: 'varchar', length: '32' },
          { name: 'flow_key', type: 'varchar', length: '64' },
          { name: 'node_id', type: 'varchar', length: '64' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'mode', type: 'varchar', length: '16' },
          { name: 'assignee_count', type: 'int' },
          { name: 'claimed_by', type: 'varchar', length: '64', isNullable: true },
          { name: 'actions', type: doc },
          { name: 'editable_fields', type: doc },
          { name: 'entity_key', type: 'varchar', length: '64', isNullable: true },
          { name: 'record_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'amount', type: 'decimal', precision: 18, scale: 2, isNullable: true },
          { name: 'currency', type: 'varchar', length: '3', isNullable: true },
          { name: 'initiator_id', type: 'varchar', length: '64' },
          timestamp('created_at'),
          timestamp('due_at', true),
          timestamp('closed_at', true),
          { name: 'result', type: 'varchar', length: '16', isNullable: true },
        ],
        indices: [{ name: 'ix_bf_flow_task_instance', columnNames: ['instance_id', 'status'] }],
      }),
    );
    // Who may act on an open task now: the inbox reads by user, overdue first.
    await runner.createTable(
      new Table({
        name: 'bf_flow_task_assignee',
        columns: [
          { name: 'user_id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'task_pk', type: 'varchar', length: '80', isPrimary: true },
          { name: 'is_open', type: 'boolean' },
          { name: 'due_at', type: 'datetime', precision: 3, isNullable: true },
        ],
        indices: [
          { name: 'ix_bf_flow_task_assignee_inbox', columnNames: ['user_id', 'is_open', 'due_at'] },
          { name: 'ix_bf_flow_task_assignee_task', columnNames: ['task_pk'] },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'bf_flow_timer',
        columns: [
          { name: 'id', type: 'varchar', length: '80', isPrimary: true },
          { name: 'instance_id', type: 'varchar', length: '36' },
          { name: 'timer_id', type: 'varchar', length: '32' },
          // scheduled, fired or cancelled; a claim is a lease, not a state.
          { name: 'state', type: 'varchar', length: '16' },
          { name: 'due_at', type: 'datetime', precision: 6 },
          { name: 'lease_owner', type: 'varchar', length: '64', isNullable: true },
          { name: 'lease_until', type: 'datetime', precision: 6, isNullable: true },
          { name: 'attempts', type: 'int' },
          { name: 'fired_at', type: 'datetime', precision: 6, isNullable: true },
          { name: 'last_error', type: 'varchar', length: '500', isNullable: true },
        ],
        indices: [{ name: 'ix_bf_flow_timer_due', columnNames: ['state', 'due_at'] }],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'bf_notification',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'user_id', type: 'varchar', length: '64' },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'instance_id', type: 'varchar', length: '36' },
          { name: 'task_pk', type: 'varchar', length: '80', isNullable: true },
          { name: 'text', type: doc },
          timestamp('created_at'),
          timestamp('read_at', true),
        ],
        indices: [{ name: 'ix_bf_notification_user', columnNames: ['user_id', 'read_at', 'created_at'] }],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['bf_notification', 'bf_flow_timer', 'bf_flow_task_assignee', 'bf_flow_task', 'bf_flow_event', 'bf_flow_instance']) await runner.dropTable(table);
  }
}
