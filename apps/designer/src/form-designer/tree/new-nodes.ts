/** New layout nodes, each with ids not yet used in the form. */
import type { LocalizedText } from '@bankforge/data-model';
import type {
  FormColumns,
  FormFieldNode,
  FormNode,
  FormRepeatingGroup,
  FormSection,
  FormTabs,
} from '@bankforge/form-engine';

/** The layout containers the palette offers. */
export const CONTAINER_TYPES = ['section', 'columns', 'tabs', 'repeatingGroup'] as const;
export type ContainerType = (typeof CONTAINER_TYPES)[number];

/**
 * Hands out ids `<prefix>_<n>` (or the prefix itself for field nodes) that are not in `taken`,
 * and remembers them, so one factory can make several nodes at once.
 */
export class IdAllocator {
  private readonly taken: Set<string>;

  constructor(taken: Iterable<string>) {
    this.taken = new Set(taken);
  }

  next(prefix: string, bareFirst = false): string {
    let id = bareFirst ? prefix : `${prefix}_1`;
    for (let n = 2; this.taken.has(id); n++) id = `${prefix}_${n}`;
    this.taken.add(id);
    return id;
  }
}

const text = (en: string, zh: string): LocalizedText => ({ en, 'zh-CN': zh });

export function newField(ids: IdAllocator, field: string): FormFieldNode {
  return { id: ids.next(field, true), type: 'field', field };
}

export function newSection(ids: IdAllocator): FormSection {
  return { id: ids.next('section'), type: 'section', title: text('Section', '分区'), children: [] };
}

export function newColumns(ids: IdAllocator, count = 2): FormColumns {
  const id = ids.next('columns');
  return { id, type: 'columns', columns: Array.from({ length: count }, () => ({ id: ids.next('column'), children: [] })) };
}

export function newTabs(ids: IdAllocator): FormTabs {
  return {
    id: ids.next('tabs'),
    type: 'tabs',
    tabs: [
      { id: ids.next('tab'), title: text('Tab 1', '标签页 1'), children: [] },
      { id: ids.next('tab'), title: text('Tab 2', '标签页 2'), children: [] },
    ],
  };
}

export function newRepeatingGroup(ids: IdAllocator): FormRepeatingGroup {
  const id = ids.next('group');
  return { id, type: 'repeatingGroup', key: id, title: text('Repeating group', '重复组'), entity: '', foreignKey: '', fields: [] };
}

export function newContainer(ids: IdAllocator, type: ContainerType): FormNode {
  switch (type) {
    case 'section':
      return newSection(ids);
    case 'columns':
      return newColumns(ids);
    case 'tabs':
      return newTabs(ids);
    case 'repeatingGroup':
      return newRepeatingGroup(ids);
  }
}

/**
 * Changes the number of columns; the nodes of dropped columns move to the last column kept,
 * so shrinking never loses placed fields.
 */
export function withColumnCount(node: FormColumns, count: number, ids: IdAllocator): FormColumns {
  const wanted = Math.max(1, Math.floor(count));
  if (wanted >= node.columns.length) {
    const added = Array.from({ length: wanted - node.columns.length }, () => ({ id: ids.next('column'), children: [] as FormNode[] }));
    return { ...node, columns: [...node.columns, ...added] };
  }
  const kept = node.columns.slice(0, wanted);
  const moved = node.columns.slice(wanted).flatMap((c) => c.children);
  const last = kept[kept.length - 1]!;
  return { ...node, columns: [...kept.slice(0, -1), { ...last, children: [...last.children, ...moved] }] };
}

/** Adds a tab at the end. */
export function withNewTab(node: FormTabs, ids: IdAllocator): FormTabs {
  const n = node.tabs.length + 1;
  return { ...node, tabs: [...node.tabs, { id: ids.next('tab'), title: text(`Tab ${n}`, `标签页 ${n}`), children: [] }] };
}

/** Removes a tab; its nodes move to the tab before it (or after, for the first). A last tab stays. */
export function withoutTab(node: FormTabs, tabId: string): FormTabs {
  const index = node.tabs.findIndex((t) => t.id === tabId);
  if (index < 0 || node.tabs.length === 1) return node;
  const heir = index === 0 ? 1 : index - 1;
  const removed = node.tabs[index]!;
  const tabs = node.tabs.map((t, i) => (i === heir ? { ...t, children: heir < index ? [...t.children, ...removed.children] : [...removed.children, ...t.children] } : t));
  return { ...node, tabs: tabs.filter((t) => t.id !== tabId) };
}
