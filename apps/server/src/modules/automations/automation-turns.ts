import type { SqlExecutor } from '../../platform/database/database.js';

/**
 * The next turn (1, 2, …) of a round-robin action for one team, counted in the caller's
 * transaction: two runs at once take two turns, the row locked until the first commits.
 */
export async function nextTurn(tx: SqlExecutor, automation: string, actionId: string, team: string): Promise<number> {
  const key = [automation, actionId, team.slice(0, 200)];
  if (tx.dialect === 'sqlite') {
    const [row] = await tx.rows<{ last_value: number }>(
      'INSERT INTO bf_automation_turn (automation_key, action_id, team, last_value) VALUES (?, ?, ?, 1) ON CONFLICT (automation_key, action_id, team) DO UPDATE SET last_value = last_value + 1 RETURNING last_value',
      key,
    );
    return Number(row?.last_value);
  }
  await tx.execute('INSERT INTO bf_automation_turn (automation_key, action_id, team, last_value) VALUES (?, ?, ?, 1) ON DUPLICATE KEY UPDATE last_value = last_value + 1', key);
  const [row] = await tx.rows<{ last_value: number | string }>('SELECT last_value FROM bf_automation_turn WHERE automation_key = ? AND action_id = ? AND team = ?', key);
  return Number(row?.last_value);
}
