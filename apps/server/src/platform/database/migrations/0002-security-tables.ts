import { Table, type MigrationInterface, type QueryRunner, type TableColumnOptions } from 'typeorm';
import { documentType, timestamp } from './columns.js';

function id(name: string, nullable = false): TableColumnOptions {
  return { name, type: 'varchar', length: '36', isNullable: nullable };
}

/** Users, roles, sessions, API keys and the hash-chained audit log. */
export class SecurityTables1700000000002 implements MigrationInterface {
  name = 'SecurityTables1700000000002';

  async up(runner: QueryRunner): Promise<void> {
    const doc = documentType(runner);
    await runner.createTable(
      new Table({
        name: 'bf_user',
        columns: [
          { ...id('id'), isPrimary: true },
          { name: 'username', type: 'varchar', length: '64', isUnique: true },
          { name: 'display_name', type: 'varchar', length: '128' },
          { name: 'branch', type: 'varchar', length: '64', isNullable: true },
          id('manager_id', true),
          { name: 'roles', type: doc },
          { name: 'active', type: 'boolean' },
          { name: 'password_hash', type: 'varchar', length: '255', isNullable: true },
          { name: 'failed_logins', type: 'int' },
          timestamp('locked_until', true),
          timestamp('created_at'),
          timestamp('updated_at'),
        ],
        indices: [
          { name: 'ix_bf_user_branch', columnNames: ['branch'] },
          { name: 'ix_bf_user_manager', columnNames: ['manager_id'] },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'bf_role',
        columns: [
          { name: 'role_key', type: 'varchar', length: '64', isPrimary: true },
          { name: 'document', type: doc },
          timestamp('updated_at'),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'bf_session',
        columns: [
          { name: 'token_hash', type: 'varchar', length: '64', isPrimary: true },
          id('user_id'),
          timestamp('created_at'),
          timestamp('expires_at'),
        ],
        indices: [{ name: 'ix_bf_session_user', columnNames: ['user_id'] }],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'bf_api_key',
        columns: [
          { ...id('id'), isPrimary: true },
          { name: 'name', type: 'varchar', length: '128' },
          { name: 'secret_hash', type: 'varchar', length: '64' },
          { name: 'roles', type: doc },
          id('created_by', true),
          timestamp('created_at'),
          timestamp('revoked_at', true),
          timestamp('last_used_at', true),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'bf_audit',
        columns: [
          { name: 'seq', type: 'bigint', isPrimary: true },
          timestamp('at'),
          id('actor_id', true),
          { name: 'actor_name', type: 'varchar', length: '128' },
          { name: 'action', type: 'varchar', length: '32' },
          { name: 'entity_key', type: 'varchar', length: '64', isNullable: true },
          { name: 'record_id', type: 'varchar', length: '64', isNullable: true },
          { name: 'detail', type: doc },
          { name: 'prev_hash', type: 'varchar', length: '64' },
          { name: 'hash', type: 'varchar', length: '64' },
        ],
        indices: [{ name: 'ix_bf_audit_record', columnNames: ['entity_key', 'record_id'] }],
      }),
    );
    // The chain's head: one row every writer locks, so concurrent appends queue instead of forking.
    await runner.createTable(
      new Table({
        name: 'bf_audit_head',
        columns: [
          { name: 'id', type: 'int', isPrimary: true },
          { name: 'seq', type: 'bigint' },
          { name: 'hash', type: 'varchar', length: '64' },
        ],
      }),
    );
    await runner.query(`INSERT INTO bf_audit_head (id, seq, hash) VALUES (1, 0, '${'0'.repeat(64)}')`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['bf_audit_head', 'bf_audit', 'bf_api_key', 'bf_session', 'bf_role', 'bf_user']) await runner.dropTable(table);
  }
}
