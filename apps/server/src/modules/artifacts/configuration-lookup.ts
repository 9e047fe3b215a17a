import type { AutomationCheckContext } from '@bankforge/flow-engine';
import type { SqlExecutor } from '../../platform/database/database.js';
import { segmentById } from '../segments/segment-audience.js';

const TABLES = { connector: 'SELECT 1 AS found FROM bf_connector WHERE connector_key = ?', user: 'SELECT 1 AS found FROM bf_user WHERE username = ?', role: 'SELECT 1 AS found FROM bf_role WHERE role_key = ?' } as const;

/** What an automation's check asks of the server's configuration (segments, connectors, users, roles), read in the publish's transaction. */
export function configurationLookup(sql: SqlExecutor): Pick<AutomationCheckContext, 'segment' | 'configured'> {
  return {
    segment: async (id) => {
      const segment = await segmentById(sql, id);
      return segment && { entity: segment.entity, shared: segment.sharing !== 'private' };
    },
    configured: async (kind, key) => (await sql.rows(TABLES[kind], [key])).length > 0,
  };
}
