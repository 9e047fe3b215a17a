/**
 * The people of a simulation. The designer has no directory of the bank's users and roles, and a
 * simulation must not depend on who happens to hold a role today: each role gets a few stand-in
 * holders (`credit_officer#1`, `credit_officer#2`, ...), everyone has a stand-in manager
 * (`manager:credit_officer#1`), and the case is started by a stand-in initiator. The engine
 * resolves assignees, escalations and authority limits through this directory as it would through
 * the server's.
 */
import type { Actor, Directory } from '@bankforge/flow-engine';

/** The simulated initiator (the relationship manager who submits the case). */
export const INITIATOR = 'initiator';
/** The branch the initiator and every role holder work at (branch roles resolve there). */
export const SIMULATED_BRANCH = 'simulated_branch';
const MANAGER_PREFIX = 'manager:';

/** The stand-in holder `n` (1-based) of a role. */
export function roleHolder(role: string, n: number): string {
  return `${role}#${n}`;
}

/** The directory a simulated case resolves its people in: `holders` stand-ins per role. */
export function simulatedDirectory(holders: number): Directory {
  const count = Math.max(1, Math.floor(holders));
  const inRole = (role: string) => Array.from({ length: count }, (_, i) => roleHolder(role, i + 1));
  return {
    usersInRole: inRole,
    usersInRoleAtBranch: (role) => inRole(role),
    managerOf: (userId, levels) => {
      let manager = userId;
      for (let i = 0; i < levels; i++) manager = `${MANAGER_PREFIX}${manager}`;
      return manager;
    },
  };
}

/** What a stand-in is: the initiator, a role's holder, someone's manager, or a person named in the flow itself. */
export type SimulatedPerson =
  | { kind: 'initiator' }
  | { kind: 'holder'; role: string; n: number }
  | { kind: 'manager'; of: SimulatedPerson }
  | { kind: 'named'; id: string };

export function simulatedPerson(id: string): SimulatedPerson {
  if (id === INITIATOR) return { kind: 'initiator' };
  if (id.startsWith(MANAGER_PREFIX)) return { kind: 'manager', of: simulatedPerson(id.slice(MANAGER_PREFIX.length)) };
  const holder = /^(.+)#(\d+)$/.exec(id);
  if (holder !== null) return { kind: 'holder', role: holder[1]!, n: Number(holder[2]) };
  return { kind: 'named', id };
}

/** The actor a stand-in acts as: a holder has their role (authority limits read it), everyone works at the simulated branch. */
export function simulatedActor(id: string): Actor {
  const person = simulatedPerson(id);
  return { userId: id, roles: person.kind === 'holder' ? [person.role] : [], branch: SIMULATED_BRANCH };
}
