/**
 * On publish, the record binding against the published entity: every field it reads into a variable
 * and every field it controls must be a field of the flow's entity. An entity that is not published
 * is told (a warning), not refused: the binding is then checked when the flow is published again.
 */
import type { EntityDefinition } from '@bankforge/data-model';
import type { ArtifactProblem } from '@bankforge/rule-engine';
import type { FlowDefinition } from './flow-definition.js';
import { jsonPointer } from './json-pointer.js';

/** The problems of `flow.record` against `entity` (the published version of `flow.entity`). */
export function recordFieldProblems(flow: FlowDefinition, entity: EntityDefinition): ArtifactProblem[] {
  const binding = flow.record;
  if (binding === undefined) return [];
  const fields = new Set(entity.fields.map((f) => f.key));
  const problems: ArtifactProblem[] = [];
  for (const [variable, field] of Object.entries(binding.variables ?? {})) {
    if (fields.has(field)) continue;
    problems.push({
      path: jsonPointer('record', 'variables', variable),
      code: 'unknownEntityField',
      message: `field "${field}" (read into variable "${variable}") is not a field of entity ${entity.key}`,
      messageZh: `字段 ${field}（读入变量 ${variable}）不是实体 ${entity.key} 的字段`,
    });
  }
  (binding.controlledFields ?? []).forEach((field, i) => {
    if (fields.has(field)) return;
    problems.push({
      path: jsonPointer('record', 'controlledFields', i),
      code: 'unknownEntityField',
      message: `controlled field "${field}" is not a field of entity ${entity.key}`,
      messageZh: `受控字段 ${field} 不是实体 ${entity.key} 的字段`,
    });
  });
  return problems;
}

/** The warning when the entity a record binding names is not published (its fields cannot be checked). */
export function entityNotPublished(key: string): ArtifactProblem {
  return {
    path: '/entity',
    code: 'entityNotPublished',
    message: `entity ${key} is not published: the fields of the record binding were not checked`,
    messageZh: `实体 ${key} 尚未发布，未检查记录绑定的字段`,
  };
}
