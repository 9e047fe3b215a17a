/**
 * What is wrong with an automation beyond its schema: ids and result names that collide, FEEL that
 * does not compile, durations, times and zones the runner could not count on, actions on a record
 * the trigger never has, and (given the published entities) fields that do not exist.
 */
import type { EntityDefinition, FieldDefinition } from '@bankforge/data-model';
import type { ArtifactProblem } from '@bankforge/rule-engine';
import { parseDuration, YearsMonthsDuration } from '@bankforge/rule-engine';
import { parseBusinessDuration } from '../calendar/business-duration.js';
import { isKnownTimeZone } from '../calendar/local-time.js';
import { feelSyntaxDetail } from '../definition/feel-syntax.js';
import { jsonPointer } from '../definition/json-pointer.js';
import type { AutomationAction, AutomationDefinition, AutomationTrigger } from './automation-definition.js';

export type AutomationProblemCode =
  | 'duplicateActionId'
  | 'duplicateResultName'
  | 'reservedResultName'
  | 'invalidFeel'
  | 'invalidDuration'
  | 'invalidTime'
  | 'invalidTimeZone'
  | 'required'
  | 'noRecord'
  | 'entityNotPublished'
  | 'unknownEntityField'
  | 'notMultiSelect'
  | 'unknownOption'
  | 'segmentNotFound'
  | 'segmentOfOtherEntity'
  | 'segmentNotShared'
  | 'connectorNotFound'
  | 'userNotFound'
  | 'roleNotFound';

/** The names every expression may read; `as` names may not hide them. */
export const AUTOMATION_SCOPE_NAMES = ['old', 'new', 'changed', 'payload', 'case', 'record', 'now'] as const;

const problem = (path: string, code: AutomationProblemCode, message: string, messageZh: string): ArtifactProblem => ({ path, code, message, messageZh });

/** The actions that read or write the run's record: meaningless when the trigger has none. */
const RECORD_ACTIONS = new Set<AutomationAction['type']>(['updateRecord', 'setTags', 'startFlow', 'assignOwner']);

/** The entity whose record a run of `trigger` is about, or null when it has none (a case's is its flow's). */
export function triggerEntity(trigger: AutomationTrigger): string | null | 'case' {
  if (trigger.type === 'case') return 'case';
  return trigger.entity ?? null;
}

/** Whether `text` is a positive ISO 8601 duration (in working time of a calendar when `business`). */
export function isAutomationDuration(text: string, business: boolean): boolean {
  const d = parseDuration(text);
  if (d === null) return false;
  if (!(d instanceof YearsMonthsDuration ? d.months > 0 : d.seconds.gt(0))) return false;
  if (!business) return true;
  try {
    parseBusinessDuration(text);
    return true;
  } catch {
    return false;
  }
}

/** The FEEL sources of a document with their JSON Pointers, and the names in scope of each. */
function* expressions(automation: AutomationDefinition): Generator<{ path: string; source: string; names: readonly string[] }> {
  const trigger = automation.trigger;
  const triggerNames = trigger.type === 'record' ? ['old', 'new', 'changed'] : trigger.type === 'inbound' ? ['payload', 'record'] : trigger.type === 'case' ? ['case'] : [];
  if (trigger.type !== 'schedule' && trigger.condition !== undefined) yield { path: '/trigger/condition', source: trigger.condition, names: triggerNames };
  if (trigger.type === 'inbound' && trigger.match) yield { path: '/trigger/match/value', source: trigger.match.value, names: ['payload'] };
  const names = [...AUTOMATION_SCOPE_NAMES] as string[];
  for (const [i, action] of automation.actions.entries()) {
    const at = (...tokens: (string | number)[]) => jsonPointer('actions', i, ...tokens);
    switch (action.type) {
      case 'updateRecord':
      case 'createRecord':
        if (action.type === 'updateRecord' && action.target) {
          if ('id' in action.target) yield { path: at('target', 'id'), source: action.target.id, names };
          else for (const [j, condition] of action.target.where.entries()) yield { path: at('target', 'where', j, 'value'), source: condition.value, names };
        }
        for (const [field, source] of Object.entries(action.values)) yield { path: at('values', field), source, names };
        break;
      case 'evaluateDecision':
        for (const [input, source] of Object.entries(action.inputs)) yield { path: at('inputs', input), source, names };
        break;
      case 'callConnector':
        if (action.body !== undefined) yield { path: at('body'), source: action.body, names };
        break;
      case 'condition':
        yield { path: at('when'), source: action.when, names };
        break;
      case 'assignOwner':
        if (action.branch !== undefined) yield { path: at('branch'), source: action.branch, names };
        break;
      default:
        break;
    }
    if (action.as !== undefined) names.push(action.as);
  }
}

function identityProblems(automation: AutomationDefinition): ArtifactProblem[] {
  const problems: ArtifactProblem[] = [];
  const ids = new Set<string>();
  const results = new Set<string>();
  for (const [i, action] of automation.actions.entries()) {
    if (ids.has(action.id))
      problems.push(problem(jsonPointer('actions', i, 'id'), 'duplicateActionId', `another action is already named "${action.id}"`, `已有其他动作名为 "${action.id}"`));
    ids.add(action.id);
    if (action.as === undefined) continue;
    if ((AUTOMATION_SCOPE_NAMES as readonly string[]).includes(action.as)) {
      problems.push(
        problem(jsonPointer('actions', i, 'as'), 'reservedResultName', `"${action.as}" is a name every expression reads; choose another`, `"${action.as}" 是表达式的保留名称，请另选一个`),
      );
    } else if (results.has(action.as)) {
      problems.push(
        problem(jsonPointer('actions', i, 'as'), 'duplicateResultName', `another action keeps its result as "${action.as}"`, `已有其他动作的结果名为 "${action.as}"`),
      );
    }
    results.add(action.as);
  }
  return problems;
}

const TIME_OF_DAY = /^(?:[01][0-9]|2[0-3]):[0-5][0-9]$/;

function scheduleProblems(trigger: AutomationTrigger): ArtifactProblem[] {
  if (trigger.type !== 'schedule') return [];
  const problems: ArtifactProblem[] = [];
  if (!TIME_OF_DAY.test(trigger.at))
    problems.push(problem('/trigger/at', 'invalidTime', `${trigger.at} is not a time of day (HH:mm)`, `${trigger.at} 不是有效的时间 (HH:mm)`));
  if (!isKnownTimeZone(trigger.timeZone))
    problems.push(problem('/trigger/timeZone', 'invalidTimeZone', `${trigger.timeZone} is not an IANA time zone`, `${trigger.timeZone} 不是有效的 IANA 时区`));
  const needs = { workingDay: 'calendar', week: 'weekday', month: 'dayOfMonth' } as const;
  const needed = trigger.every === 'day' ? undefined : needs[trigger.every];
  if (needed !== undefined && trigger[needed] === undefined)
    problems.push(problem(`/trigger/${needed}`, 'required', `a schedule "every ${trigger.every}" needs ${needed}`, `"每${trigger.every}" 的计划需要设置 ${needed}`));
  if ((trigger.filter !== undefined || trigger.segment !== undefined) && trigger.entity === undefined)
    problems.push(problem('/trigger/entity', 'required', 'a schedule with a filter or a segment needs the entity it filters', '带筛选条件或分群的计划需要指定实体'));
  return problems;
}

function actionProblems(automation: AutomationDefinition): ArtifactProblem[] {
  const problems: ArtifactProblem[] = [];
  const hasRecord = triggerEntity(automation.trigger) !== null;
  for (const [i, action] of automation.actions.entries()) {
    if (action.type === 'wait' && !isAutomationDuration(action.duration, action.calendar !== undefined)) {
      problems.push(
        problem(
          jsonPointer('actions', i, 'duration'),
          'invalidDuration',
          `${action.duration} is not a positive ISO 8601 duration (such as P2D or PT4H)`,
          `${action.duration} 不是有效的正 ISO 8601 时长（如 P2D、PT4H）`,
        ),
      );
    }
    const needsRecord = (RECORD_ACTIONS.has(action.type) && !(action.type === 'updateRecord' && action.target)) || (action.type === 'notify' && 'owner' in action.to);
    if (needsRecord && !hasRecord) {
      problems.push(
        problem(
          jsonPointer('actions', i, 'type'),
          'noRecord',
          `the action "${action.id}" works on the run's record, and this trigger names no entity`,
          `动作 "${action.id}" 作用于运行的记录，但触发器未指定实体`,
        ),
      );
    }
  }
  return problems;
}

/** The problems a document has by itself: what the save refuses (`identity`) and what the publish refuses besides (`rest`). */
export function automationProblems(automation: AutomationDefinition): { identity: ArtifactProblem[]; rest: ArtifactProblem[] } {
  const rest: ArtifactProblem[] = [];
  for (const { path, source, names } of expressions(automation)) {
    const detail = feelSyntaxDetail(source, names);
    if (detail !== undefined) rest.push(problem(path, 'invalidFeel', `not a FEEL expression: ${detail}`, `不是有效的 FEEL 表达式：${detail}`));
  }
  return { identity: identityProblems(automation), rest: [...rest, ...scheduleProblems(automation.trigger), ...actionProblems(automation)] };
}

/** Columns every record has, that a lookup may compare besides the entity's fields. */
const STANDARD_COLUMNS = new Set(['id', 'owner_id', 'created_by', 'updated_by']);

function fieldProblem(path: string, entity: EntityDefinition, key: string): ArtifactProblem {
  return problem(path, 'unknownEntityField', `"${key}" is not a field of entity ${entity.key}`, `"${key}" 不是实体 ${entity.key} 的字段`);
}

/**
 * The problems of the fields an automation names, against the published entities (`entities` holds
 * each one it names that is published). An entity that is not published is refused: the automation
 * would fail at its first run, long after it was published.
 */
export function automationFieldProblems(automation: AutomationDefinition, entities: ReadonlyMap<string, EntityDefinition>): ArtifactProblem[] {
  const problems: ArtifactProblem[] = [];
  const lookup = (path: string, key: string): EntityDefinition | undefined => {
    const entity = entities.get(key);
    if (!entity) problems.push(problem(path, 'entityNotPublished', `entity ${key} is not published`, `实体 ${key} 尚未发布`));
    return entity;
  };
  const fieldOf = (entity: EntityDefinition, key: string): FieldDefinition | undefined => entity.fields.find((f) => f.key === key);
  const trigger = automation.trigger;
  const recordEntityKey = trigger.type === 'case' ? undefined : trigger.entity;
  const recordEntity = recordEntityKey === undefined ? undefined : lookup('/trigger/entity', recordEntityKey);
  if (recordEntity && trigger.type === 'inbound' && trigger.match && !fieldOf(recordEntity, trigger.match.field))
    problems.push(fieldProblem('/trigger/match/field', recordEntity, trigger.match.field));
  const valueProblems = (entity: EntityDefinition, values: Record<string, string> | undefined, at: (...t: (string | number)[]) => string, name: string) => {
    for (const field of Object.keys(values ?? {})) if (!fieldOf(entity, field)) problems.push(fieldProblem(at(name, field), entity, field));
  };
  for (const [i, action] of automation.actions.entries()) {
    const at = (...tokens: (string | number)[]) => jsonPointer('actions', i, ...tokens);
    if (action.type === 'createRecord') {
      const target = lookup(at('entity'), action.entity);
      if (target) valueProblems(target, action.values, at, 'values');
    }
    if (action.type === 'updateRecord' && action.target) {
      const target = lookup(at('target', 'entity'), action.target.entity);
      if (target) valueProblems(target, action.values, at, 'values');
      if (target && 'where' in action.target)
        for (const [j, condition] of action.target.where.entries())
          if (!fieldOf(target, condition.field) && !STANDARD_COLUMNS.has(condition.field)) problems.push(fieldProblem(at('target', 'where', j, 'field'), target, condition.field));
      continue;
    }
    if (!recordEntity) continue;
    if (action.type === 'updateRecord') valueProblems(recordEntity, action.values, at, 'values');
    if (action.type === 'evaluateDecision') valueProblems(recordEntity, action.write, at, 'write');
    if (action.type === 'setTags') {
      const field = fieldOf(recordEntity, action.field);
      if (!field) {
        problems.push(fieldProblem(at('field'), recordEntity, action.field));
      } else if (field.type !== 'multiSelect') {
        problems.push(
          problem(at('field'), 'notMultiSelect', `"${action.field}" is a ${field.type} field; tags are set on a multiSelect field`, `"${action.field}" 是 ${field.type} 字段；标签只能设置在多选字段上`),
        );
      } else if (field.options !== undefined) {
        const options = new Set(field.options.map((o) => o.value));
        for (const list of ['add', 'remove'] as const)
          for (const [j, tag] of (action[list] ?? []).entries())
            if (!options.has(tag))
              problems.push(problem(at(list, j), 'unknownOption', `"${tag}" is not an option of ${action.field}`, `"${tag}" 不是 ${action.field} 的选项`));
      }
    }
  }
  return problems;
}
