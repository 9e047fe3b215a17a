import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Notifications beyond cases: an automation's alert leads to the record it is about, a disabled
 * webhook's to nothing in the runtime. The case becomes optional and a record may be named.
 */
export class NotificationLinks1700000000021 implements MigrationInterface {
  name = 'NotificationLinks1700000000021';

  async up(runner: QueryRunner): Promise<void> {
    await runner.changeColumn('bf_notification', 'instance_id', new TableColumn({ name: 'instance_id', type: 'varchar', length: '36', isNullable: true }));
    await runner.addColumns('bf_notification', [
      new TableColumn({ name: 'entity_key', type: 'varchar', length: '64', isNullable: true }),
      new TableColumn({ name: 'record_id', type: 'varchar', length: '36', isNullable: true }),
    ]);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const column of ['record_id', 'entity_key']) await runner.dropColumn('bf_notification', column);
    await runner.query("DELETE FROM bf_notification WHERE instance_id IS NULL");
    await runner.changeColumn('bf_notification', 'instance_id', new TableColumn({ name: 'instance_id', type: 'varchar', length: '36' }));
  }
}
