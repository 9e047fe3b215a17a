import { AccessProfile } from './access-profile.js';

/** Who is acting, with the rights of their roles resolved. Every service call that reads or writes data takes one. */
export interface Actor {
  kind: 'user' | 'apiKey' | 'system';
  /** The user's id or the API key's id (records they create are owned by it); null for the system. */
  userId: string | null;
  /** Username, key name or `system`: what the audit log shows. */
  name: string;
  branch: string | null;
  roles: readonly string[];
  access: AccessProfile;
}

/** The server acting on its own behalf (loading the example, migrations): unrestricted, and named as such in the audit log. */
export const SYSTEM_ACTOR: Actor = { kind: 'system', userId: null, name: 'system', branch: null, roles: [], access: AccessProfile.unrestricted };
