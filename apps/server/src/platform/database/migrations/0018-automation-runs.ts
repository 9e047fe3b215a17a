import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { documentType, timestamp } from './columns.js';

/**
 * Automation runs: one per trigger that matched a published automation, keyed on what triggered it
 * (a domain event's id, a schedule's slot, an inbound request), so a trigger heard twice runs once.
 * A runner claims due runs with leases on the database's clock and walks their actions in order.
 */
export class AutomationRuns1700000000018 implements MigrationInterface {
  name = 'AutomationRuns1700000000018';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'bf_automation_run',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'automation_key', type: 'varchar', length: '64' },
          // The published version the run started on: it stays on it, as a case stays on its flow's.
          { name: 'version', type: 'int' },
          // record.updated, schedule, inbound.<event>, case.approved, replay.
          { name: 'trigger_type', type: 'varchar', length: '80' },
          // The event id, schedule slot or request id: unique per automation.
          { name: 'trigger_key', type: 'varchar', length: '160' },
          { name: 'entity', type: 'varchar', length: '80', isNullable: true },
          { name: 'record_id', type: 'varchar', length: '36', isNullable: true },
          // pending, running, waiting, succeeded, stopped or failed.
          { name: 'status', type: 'varchar', length: '16' },
          // The index of the next action.
          { name: 'step', type: 'int' },
          // Failed attempts of the current action.
          { name: 'attempts', type: 'int' },
          { name: 'due_at', type: 'datetime', precision: 6, isNullable: true },
          { name: 'lease_owner', type: 'varchar', length: '64', isNullable: true },
          { name: 'lease_until', type: 'datetime', precision: 6, isNullable: true },
          // The FEEL scope: old, new, changed, payload, case and earlier actions' results; never a sensitive field.
          { name: 'context', type: documentType(runner) },
          // One entry per action run: its id, status, time and a short detail.
          { name: 'steps', type: documentType(runner) },
          { name: 'error', type: 'varchar', length: '500', isNullable: true },
          { name: 'replay_of', type: 'varchar', length: '36', isNullable: true },
          timestamp('created_at'),
          timestamp('updated_at'),
        ],
        uniques: [{ name: 'uq_bf_automation_run_trigger', columnNames: ['automation_key', 'trigger_key'] }],
        indices: [
          { name: 'ix_bf_automation_run_due', columnNames: ['status', 'due_at'] },
          { name: 'ix_bf_automation_run_list', columnNames: ['automation_key', 'created_at'] },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('bf_automation_run');
  }
}
