import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { timestamp } from './columns.js';

/**
 * Connectors: named HTTP connections to the bank's other systems, their secret parts encrypted with
 * the field cipher (never answered); and the hosts an administrator lets them call despite private
 * addresses (the bank's on-premise systems).
 */
export class Connectors1700000000016 implements MigrationInterface {
  name = 'Connectors1700000000016';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'bf_connector',
        columns: [
          { name: 'connector_key', type: 'varchar', length: '64', isPrimary: true },
          { name: 'name_en', type: 'varchar', length: '200' },
          { name: 'name_zh', type: 'varchar', length: '200' },
          { name: 'base_url', type: 'varchar', length: '2000' },
          // none, apiKey, basic, oauth2ClientCredentials or clientCertificate.
          { name: 'auth_kind', type: 'varchar', length: '32' },
          // The kind's settings that are not secret (header name, username, token URL, client id, scope), as JSON.
          { name: 'auth_settings', type: 'text' },
          // `v1.<keyId>.<iv>.<ciphertext>`: the API key, password, client secret or certificate and key.
          { name: 'secret', type: 'text', isNullable: true },
          { name: 'timeout_ms', type: 'int' },
          { name: 'retries', type: 'int' },
          { name: 'default_headers', type: 'text' },
          { name: 'version', type: 'int' },
          timestamp('created_at'),
          { name: 'created_by', type: 'varchar', length: '128' },
          timestamp('updated_at'),
          { name: 'updated_by', type: 'varchar', length: '128' },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'bf_connector_allowed_host',
        columns: [
          // `host` or `host:port`, lower case.
          { name: 'host', type: 'varchar', length: '300', isPrimary: true },
          timestamp('created_at'),
          { name: 'created_by', type: 'varchar', length: '128' },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('bf_connector_allowed_host');
    await runner.dropTable('bf_connector');
  }
}
