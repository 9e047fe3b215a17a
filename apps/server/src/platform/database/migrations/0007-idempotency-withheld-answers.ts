import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first version of the idempotency store kept each answer's body in clear: a created
 * customer's resident id and mobile, an unmasked value, a query page, a new API key's secret.
 * Those bodies are dropped; status, Location and ETag stay, so a repeat still acts only once, is
 * told where the result is, and gets 409 `replayWithheld` instead of the old body.
 */
export class IdempotencyWithheldAnswers1700000000007 implements MigrationInterface {
  name = 'IdempotencyWithheldAnswers1700000000007';

  async up(runner: QueryRunner): Promise<void> {
    const rows = (await runner.query('SELECT caller, idem_key, answer FROM bf_idempotency WHERE answer IS NOT NULL')) as { caller: string; idem_key: string; answer: string }[];
    for (const row of rows) {
      const answer = JSON.parse(row.answer) as { headers?: Record<string, string>; kept?: unknown };
      if (answer.kept !== undefined) continue;
      await runner.query('UPDATE bf_idempotency SET answer = ? WHERE caller = ? AND idem_key = ?', [
        JSON.stringify({ headers: answer.headers ?? {}, kept: { kind: 'withheld' } }),
        row.caller,
        row.idem_key,
      ]);
    }
  }

  async down(): Promise<void> {
    // The bodies are gone for good, which is the point.
  }
}
