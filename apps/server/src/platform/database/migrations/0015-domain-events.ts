import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { documentType } from './columns.js';

/**
 * The domain events' transactional outbox: every record change and case step writes one in its
 * own transaction; the dispatcher hands them to subscribers after commit, at least once, in order
 * per record, and deletes the delivered ones after their retention.
 */
export class DomainEvents1700000000015 implements MigrationInterface {
  name = 'DomainEvents1700000000015';

  async up(runner: QueryRunner): Promise<void> {
    const mysql = runner.connection.options.type === 'mysql';
    await runner.createTable(
      new Table({
        name: 'bf_domain_event',
        columns: [
          // The database's own counter: the order events were written in, whichever replica wrote them.
          { name: 'seq', type: mysql ? 'bigint' : 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          // What subscribers (and, later, webhook receivers) key their idempotency on.
          { name: 'id', type: 'varchar', length: '36', isUnique: true },
          // record.created, record.updated, record.deleted, record.restored, case.started, task.completed, ...
          { name: 'type', type: 'varchar', length: '32' },
          // The record the event is about (a case without a record: `flow:<key>` and the case's id); its events leave in order.
          { name: 'entity', type: 'varchar', length: '80' },
          { name: 'record_id', type: 'varchar', length: '36' },
          // The changed fields by name; a sensitive field's values are never here, only `{"masked":true}`.
          { name: 'changes', type: documentType(runner) },
          { name: 'actor_id', type: 'varchar', length: '64', isNullable: true },
          // user, apiKey or system.
          { name: 'actor_kind', type: 'varchar', length: '16' },
          // The database's clock, as for leases: replicas' clocks do not order events.
          { name: 'occurred_at', type: 'datetime', precision: 6 },
          // pending, done or failed; a claim is a lease, not a state.
          { name: 'state', type: 'varchar', length: '16' },
          // When it may be handed out (again): a failed delivery waits for its backoff.
          { name: 'due_at', type: 'datetime', precision: 6 },
          { name: 'lease_owner', type: 'varchar', length: '64', isNullable: true },
          { name: 'lease_until', type: 'datetime', precision: 6, isNullable: true },
          { name: 'attempts', type: 'int' },
          // A short reason (an error code or class), never a value of the event.
          { name: 'last_error', type: 'varchar', length: '500', isNullable: true },
        ],
        indices: [
          // Claims: pending and due, oldest first; the retention's delete of old done events.
          { name: 'ix_bf_domain_event_due', columnNames: ['state', 'due_at'] },
          // A record's earlier pending event holds its later ones back.
          { name: 'ix_bf_domain_event_record', columnNames: ['entity', 'record_id', 'state', 'seq'] },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('bf_domain_event');
  }
}
