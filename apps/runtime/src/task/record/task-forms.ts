import type { FieldAccess, ReaderFieldAccess, RuntimeEntityPage } from '@bankforge/client';
import type { EntityDefinition } from '@bankforge/data-model';
import { compileForm, type CompiledForm, type FormDefinition, type FormFieldNode, type FormNode } from '@bankforge/form-engine/react';
import { ReaderAccess } from '../../record/access/reader-access.js';
import { defaultFormFor } from '../../record/form/default-form.js';
import { recordForm, type RecordForm } from '../../record/form/useRecordModel.js';
import { taskMessages } from '../locales.js';

/** The forms of a task page: the bound record, all read-only, and the fields the approver completes on approve. */
export interface TaskForms {
  record: RecordForm;
  /** Null when the task lets the approver edit nothing (or nothing they may see). */
  editable: { compiled: CompiledForm; access: ReaderAccess; fields: string[] } | null;
}

/** Every field read-only, except those already hidden or masked from the reader (which stay so). */
function allReadonly(entity: EntityDefinition, access: ReaderFieldAccess = {}): ReaderFieldAccess {
  return Object.fromEntries(
    entity.fields.map((field): [string, FieldAccess] => {
      const own = access[field.key];
      return [field.key, own === 'hidden' || own === 'masked' ? own : 'readonly'];
    }),
  );
}

/** The page as an approver reads it: no field of the record or of its rows writable. */
export function readOnlyPage(page: RuntimeEntityPage): RuntimeEntityPage {
  return {
    ...page,
    fieldAccess: allReadonly(page.entity, page.fieldAccess),
    relatedFieldAccess: Object.fromEntries(Object.entries(page.related).map(([key, entity]) => [key, allReadonly(entity, page.relatedFieldAccess?.[key])])),
  };
}

/** The fields the step lets the approver set are theirs to write, even where their role reads them only; hidden and masked ones stay so. */
function editablePage(page: RuntimeEntityPage, editable: readonly string[]): RuntimeEntityPage {
  const access = page.fieldAccess ?? {};
  const fieldAccess = Object.fromEntries(Object.entries(access).filter(([key, value]) => !(editable.includes(key) && value === 'readonly')));
  return { ...page, fieldAccess };
}

/** The field nodes a form places for its own entity (not the cells of its repeating groups). */
function placedFields(layout: readonly FormNode[]): FormFieldNode[] {
  return layout.flatMap((node): FormFieldNode[] => {
    switch (node.type) {
      case 'field':
        return [node];
      case 'section':
        return placedFields(node.children);
      case 'columns':
        return node.columns.flatMap((column) => placedFields(column.children));
      case 'tabs':
        return node.tabs.flatMap((tab) => placedFields(tab.children));
      case 'repeatingGroup':
        return [];
    }
  });
}

const EDITABLE_LABEL = { en: taskMessages.en.editable.title, 'zh-CN': taskMessages['zh-CN'].editable.title };

function editableForm(page: RuntimeEntityPage, editable: readonly string[]): TaskForms['editable'] {
  const access = new ReaderAccess(editablePage(page, editable), false);
  const fields = editable.filter((key) => page.entity.fields.some((field) => field.key === key) && access.writable(page.entity.key, key, false));
  if (fields.length === 0) return null;
  const { validations: _validations, ...base } = page.form ?? defaultFormFor(page.entity);
  const placed = placedFields(page.form?.layout ?? []);
  const plain = (key: string): FormFieldNode => ({ id: `editable-${key}`, type: 'field', field: key });
  const entities = access.adjustEntities({ ...page.related, [page.entity.key]: page.entity });
  const compile = (layout: FormFieldNode[]) =>
    compileForm(access.adjustForm({ ...base, key: `${base.key}_task`, label: EDITABLE_LABEL, layout } satisfies FormDefinition), entities);
  // The published form's nodes keep their labels, widgets and rules; plain nodes stand in when those do not compile alone.
  const published = compile(fields.map((key) => placed.find((node) => node.field === key) ?? plain(key)));
  if (published.errors.length === 0) return { compiled: published, access, fields };
  const generated = compile(fields.map(plain));
  return generated.errors.length === 0 ? { compiled: generated, access, fields } : null;
}

/** The task page's forms for the bound entity's page and the step's editable fields. */
export function taskForms(page: RuntimeEntityPage, editable: readonly string[]): TaskForms {
  return { record: recordForm(readOnlyPage(page), false), editable: editableForm(page, editable) };
}
