import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { documentType, timestamp } from './columns.js';

/**
 * The flows' transactional outbox: service calls, subflow starts and cancels, and a subflow's answer
 * to its parent, written in the command's transaction and sent after commit by the dispatcher.
 */
export class FlowOutbox1700000000009 implements MigrationInterface {
  name = 'FlowOutbox1700000000009';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'bf_flow_outbox',
        columns: [
          // Also the call's Idempotency-Key: the remote system sees one key however often it is sent.
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          // The case whose command wrote the entry: its entries leave in the order it wrote them.
          { name: 'instance_id', type: 'varchar', length: '36' },
          // The writing command's last event number: the order within the case, whichever replica wrote it.
          { name: 'seq', type: 'int' },
          // call, startSubflow, cancelSubflow or subflowCompleted.
          { name: 'kind', type: 'varchar', length: '32' },
          { name: 'payload', type: documentType(runner) },
          // pending, done or failed; a claim is a lease, not a state.
          { name: 'state', type: 'varchar', length: '16' },
          // When it may be sent (again): a failed send waits for its backoff.
          { name: 'due_at', type: 'datetime', precision: 6 },
          { name: 'lease_owner', type: 'varchar', length: '64', isNullable: true },
          { name: 'lease_until', type: 'datetime', precision: 6, isNullable: true },
          { name: 'attempts', type: 'int' },
          // A short reason (a status, an error code), never a value of the payload.
          { name: 'last_error', type: 'varchar', length: '500', isNullable: true },
          timestamp('created_at'),
          { name: 'done_at', type: 'datetime', precision: 6, isNullable: true },
        ],
        indices: [
          { name: 'ix_bf_flow_outbox_due', columnNames: ['state', 'due_at'] },
          { name: 'ix_bf_flow_outbox_instance', columnNames: ['instance_id', 'state', 'seq'] },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('bf_flow_outbox');
  }
}
