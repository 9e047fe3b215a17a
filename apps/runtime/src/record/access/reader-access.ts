import type { RecordTypeCheck } from '@bankforge/data-model/browser';
import type { EntityDefinition, FieldDefinition } from '@bankforge/data-model';
import {
  repeatingGroups,
  type FormDefinition,
  type FormFieldNode,
  type FormNode,
  type FormValues,
} from '@bankforge/form-engine/react';
import type { ReaderFieldAccess, RuntimeEntityPage } from '@bankforge/client';

/** Types whose controls show a masked text as it is: text of any kind, and money (its amount masked, its currency kept). */
const MASK_FITS: ReadonlySet<FieldDefinition['type']> = new Set(['text', 'longText', 'email', 'mobile', 'residentId', 'url', 'money']);

/**
 * What this reader may do with each field of a record page, on one record: a new one (`creating`)
 * or one read from the server. A masked field is writable, but the value read is only its mask:
 * editing it makes sense only on a new record (or row), where the reader types the whole value.
 */
export class ReaderAccess {
  constructor(
    private readonly page: RuntimeEntityPage,
    readonly creating: boolean,
  ) {}

  of(entityKey: string): ReaderFieldAccess {
    return (entityKey === this.page.entity.key ? this.page.fieldAccess : this.page.relatedFieldAccess?.[entityKey]) ?? {};
  }

  /** Whether a value of the field may be sent, on a new record (or row) or on a stored one. */
  writable(entityKey: string, field: string, fresh: boolean): boolean {
    const access = this.of(entityKey)[field];
    return access === undefined || (access === 'masked' && fresh);
  }

  /**
   * The form as this reader may use it: hidden fields are neither shown, required nor submitted;
   * read-only ones cannot be edited, nor masked ones of a stored record.
   */
  adjustForm(form: FormDefinition): FormDefinition {
    const adjustField = (node: FormFieldNode, entityKey: string): FormFieldNode => {
      const access = this.of(entityKey)[node.field];
      if (access === 'hidden') return { ...node, visibleWhen: 'false' };
      if (access === 'masked' && !this.creating) {
        // The field may be drawn as text (see showsMaskAsText): a widget or options meant for its own type would not fit.
        const { widget: _widget, options: _options, ...plain } = node;
        return { ...plain, readonlyWhen: 'true' };
      }
      if (access === 'readonly' || (access === 'masked' && !this.creating)) return { ...node, readonlyWhen: 'true' };
      return node;
    };
    const adjust = (node: FormNode): FormNode => {
      switch (node.type) {
        case 'field':
          return adjustField(node, form.entity);
        case 'section':
          return { ...node, children: node.children.map(adjust) };
        case 'columns':
          return { ...node, columns: node.columns.map((column) => ({ ...column, children: column.children.map(adjust) })) };
        case 'tabs':
          return { ...node, tabs: node.tabs.map((tab) => ({ ...tab, children: tab.children.map(adjust) })) };
        case 'repeatingGroup':
          return { ...node, fields: node.fields.map((field) => adjustField(field, node.entity)) };
      }
    };
    return { ...form, layout: form.layout.map(adjust) };
  }

  /**
   * The entities as this reader can fill them: a field hidden from them is not theirs to fill,
   * so it is not required of them (the form would not compile otherwise: a hidden required
   * field without a default could never be saved). The server still holds a new record to it.
   */
  adjustEntities(entities: Readonly<Record<string, EntityDefinition>>): Record<string, EntityDefinition> {
    return Object.fromEntries(
      Object.entries(entities).map(([key, entity]): [string, EntityDefinition] => {
        const access = this.of(key);
        const fields = entity.fields.map((field) => {
          if (access[field.key] === 'hidden' && field.required) return { ...field, required: false };
          if (this.showsMaskAsText(key, field)) return { id: field.id, key: field.key, label: field.label, ...(field.description === undefined ? {} : { description: field.description }), type: 'text' as const };
          return field;
        });
        return [key, { ...entity, fields }];
      }),
    );
  }

  /**
   * A masked value of a stored record is only its mask (`2*********` for a birth date): a date,
   * number or select control cannot hold it and would show it as empty. Such a field is drawn as
   * read-only text instead, which shows the mask as the server sent it.
   */
  private showsMaskAsText(entityKey: string, field: FieldDefinition): boolean {
    return !this.creating && this.of(entityKey)[field.key] === 'masked' && !MASK_FITS.has(field.type);
  }

  /**
   * The type checks with masked fields of a stored record left out: `110105********002X` is no
   * resident ID, and the reader cannot change it anyway (the server checks what is stored).
   */
  adjustTypeChecks(checks: Readonly<Record<string, RecordTypeCheck>>): Record<string, RecordTypeCheck> {
    if (this.creating) return { ...checks };
    return Object.fromEntries(
      Object.entries(checks).map(([entityKey, check]): [string, RecordTypeCheck] => {
        const access = this.of(entityKey);
        const masked = (path: string) => access[path.split('/')[1] ?? ''] === 'masked';
        return [entityKey, (values) => check(values).filter((error) => !masked(error.path))];
      }),
    );
  }

  /**
   * The values a write may carry: none of a field the reader may not write (the server would
   * answer 403 fieldNotWritable), nor a masked one of a stored record or row.
   */
  writableValues(form: FormDefinition, values: FormValues): FormValues {
    const groups = new Map(repeatingGroups(form.layout).map((group) => [group.key, group.entity]));
    const out: FormValues = {};
    for (const [key, value] of Object.entries(values)) {
      const groupEntity = groups.get(key);
      if (groupEntity !== undefined && Array.isArray(value)) out[key] = value.map((row: unknown) => this.writableRow(groupEntity, row));
      else if (this.writable(form.entity, key, this.creating)) out[key] = value;
    }
    return out;
  }

  private writableRow(entityKey: string, row: unknown): unknown {
    if (row === null || typeof row !== 'object') return row;
    const fresh = (row as FormValues)['id'] === undefined;
    return Object.fromEntries(Object.entries(row).filter(([key]) => key === 'id' || this.writable(entityKey, key, fresh)));
  }
}

