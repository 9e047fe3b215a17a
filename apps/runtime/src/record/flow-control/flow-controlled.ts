import type { FieldAccess, RuntimeEntityPage } from '@bankforge/client';
import type { LocalizedText } from '@bankforge/data-model';
import type { FormDefinition, FormFieldNode, FormNode } from '@bankforge/form-engine/react';
import { approvalMessages } from '../../approval/locales.js';

/** The fields of the page's entity that its approval flows own (a loan's status, its approved amount). */
export function controlledFields(page: RuntimeEntityPage): ReadonlySet<string> {
  return new Set((page.flows ?? []).flatMap((flow) => flow.controlledFields));
}

/**
 * The page with the flows' fields read-only for the reader, as if their role said so: nobody
 * edits them through a form (the server answers `fieldControlledByFlow`), so none is sent.
 * A field hidden or masked from the reader stays so.
 */
export function withFlowControl(page: RuntimeEntityPage): RuntimeEntityPage {
  const controlled = controlledFields(page);
  if (controlled.size === 0) return page;
  const access = page.fieldAccess ?? {};
  const added = [...controlled].filter((key) => access[key] === undefined).map((key): [string, FieldAccess] => [key, 'readonly']);
  return { ...page, fieldAccess: { ...access, ...Object.fromEntries(added) } };
}

const HINT: LocalizedText = { en: approvalMessages.en.controlledByFlow, 'zh-CN': approvalMessages['zh-CN'].controlledByFlow };

function withHint(help: LocalizedText | undefined): LocalizedText {
  return help === undefined ? HINT : { en: `${help.en} ${HINT.en}`, 'zh-CN': `${help['zh-CN']} ${HINT['zh-CN']}` };
}

/** The form with "Set by the approval flow" in the help of each field the flows own (the form's own entity; rows are not bound to flows). */
export function markControlled(form: FormDefinition, controlled: ReadonlySet<string>): FormDefinition {
  if (controlled.size === 0) return form;
  const mark = (node: FormFieldNode): FormFieldNode => (controlled.has(node.field) ? { ...node, help: withHint(node.help) } : node);
  const walk = (node: FormNode): FormNode => {
    switch (node.type) {
      case 'field':
        return mark(node);
      case 'section':
        return { ...node, children: node.children.map(walk) };
      case 'columns':
        return { ...node, columns: node.columns.map((column) => ({ ...column, children: column.children.map(walk) })) };
      case 'tabs':
        return { ...node, tabs: node.tabs.map((tab) => ({ ...tab, children: tab.children.map(walk) })) };
      case 'repeatingGroup':
        return node;
    }
  };
  return { ...form, layout: form.layout.map(walk) };
}
