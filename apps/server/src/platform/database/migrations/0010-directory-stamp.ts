import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * One counter raised with every change to the bank's people (users' roles, branch, manager,
 * active): a replica keeps its snapshot of the directory while the counter stands still, instead
 * of reading every user for every approval command.
 */
export class DirectoryStamp1700000000010 implements MigrationInterface {
  name = 'DirectoryStamp1700000000010';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'bf_directory_stamp',
        columns: [
          { name: 'id', type: 'int', isPrimary: true },
          { name: 'version', type: 'bigint' },
        ],
      }),
    );
    await runner.query('INSERT INTO bf_directory_stamp (id, version) VALUES (1, 0)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('bf_directory_stamp');
  }
}
