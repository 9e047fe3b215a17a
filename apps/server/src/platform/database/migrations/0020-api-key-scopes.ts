import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Least privilege per integration: an API key may carry its own scope (entities, operations and a
 * data scope narrowing its roles), a branch it acts for, and its own rate limit.
 */
export class ApiKeyScopes1700000000020 implements MigrationInterface {
  name = 'ApiKeyScopes1700000000020';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumns('bf_api_key', [
      // JSON `{ entities: { <entity>: [operations] }, dataScope }`; null: the roles' full grants.
      new TableColumn({ name: 'scope', type: 'text', isNullable: true }),
      new TableColumn({ name: 'branch', type: 'varchar', length: '64', isNullable: true }),
      // Requests per minute; null: the server's default.
      new TableColumn({ name: 'rate_per_minute', type: 'int', isNullable: true }),
    ]);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const column of ['rate_per_minute', 'branch', 'scope']) await runner.dropColumn('bf_api_key', column);
  }
}
