/**
 * What an automation names of the server's configuration rather than of its artifacts: a saved
 * segment (a schedule's audience), connectors, people and roles. Each must exist when it is
 * published enabled (a paused one is warned: it may be shipped before its connector is set up); a
 * private segment is refused: it is its owner's working filter, which no one else sees, and an
 * audience others cannot see is one nobody can review.
 */
import type { ArtifactProblem } from '@bankforge/rule-engine';
import { jsonPointer } from '../definition/json-pointer.js';
import type { AutomationDefinition } from './automation-definition.js';
import type { AutomationProblemCode } from './automation-problems.js';

/** A saved segment as a check sees it: the entity it filters and whether anyone besides its owner sees it. */
export interface AutomationSegment {
  entity: string;
  shared: boolean;
}

/** What the check asks the server of its configuration. */
export interface ConfigurationLookup {
  /** A saved segment by id, or undefined when there is none. */
  segment(id: string): Promise<AutomationSegment | undefined>;
  /** Whether a connector (by key), a user (by username) or a role (by key) exists. */
  configured(kind: 'connector' | 'user' | 'role', key: string): Promise<boolean>;
}

const problem = (path: string, code: AutomationProblemCode, message: string, messageZh: string): ArtifactProblem => ({ path, code, message, messageZh });

/** The connectors, users and roles an automation names, with where. */
function named(automation: AutomationDefinition): { kind: 'connector' | 'user' | 'role'; key: string; path: string }[] {
  const refs: { kind: 'connector' | 'user' | 'role'; key: string; path: string }[] = [];
  for (const [i, action] of automation.actions.entries()) {
    if (action.type === 'callConnector') refs.push({ kind: 'connector', key: action.connector, path: jsonPointer('actions', i, 'connector') });
    if (action.type === 'assignOwner') refs.push({ kind: 'role', key: action.role, path: jsonPointer('actions', i, 'role') });
    if (action.type !== 'notify') continue;
    if ('role' in action.to) refs.push({ kind: 'role', key: action.to.role, path: jsonPointer('actions', i, 'to', 'role') });
    if ('users' in action.to) for (const [j, user] of action.to.users.entries()) refs.push({ kind: 'user', key: user, path: jsonPointer('actions', i, 'to', 'users', j) });
  }
  return refs;
}

const MISSING = {
  connector: { code: 'connectorNotFound', en: (key: string) => `there is no connector ${key}`, zh: (key: string) => `连接器 ${key} 不存在` },
  user: { code: 'userNotFound', en: (key: string) => `there is no user ${key}`, zh: (key: string) => `用户 ${key} 不存在` },
  role: { code: 'roleNotFound', en: (key: string) => `there is no role ${key}`, zh: (key: string) => `角色 ${key} 不存在` },
} as const;

export async function configurationProblems(automation: AutomationDefinition, lookup: ConfigurationLookup): Promise<ArtifactProblem[]> {
  const problems: ArtifactProblem[] = [];
  const trigger = automation.trigger;
  if (trigger.type === 'schedule' && trigger.segment !== undefined) {
    const segment = await lookup.segment(trigger.segment);
    if (!segment) {
      problems.push(problem('/trigger/segment', 'segmentNotFound', `there is no segment ${trigger.segment}`, `分群 ${trigger.segment} 不存在`));
    } else if (trigger.entity !== undefined && segment.entity !== trigger.entity) {
      problems.push(
        problem('/trigger/segment', 'segmentOfOtherEntity', `the segment filters ${segment.entity}, and the schedule runs on ${trigger.entity}`, `该分群筛选的是 ${segment.entity}，而计划作用于 ${trigger.entity}`),
      );
    } else if (!segment.shared) {
      problems.push(
        problem(
          '/trigger/segment',
          'segmentNotShared',
          'the segment is private: its owner shares it with their team or branch before an automation may use it',
          '该分群为私有：其所有者须先将其共享给团队或分行，自动化才能使用',
        ),
      );
    }
  }
  for (const { kind, key, path } of named(automation)) {
    if (await lookup.configured(kind, key)) continue;
    const missing = MISSING[kind];
    problems.push(problem(path, missing.code, missing.en(key), missing.zh(key)));
  }
  return problems;
}
