import type { NotifyNode } from '@bankforge/flow-engine';
import { useTranslation } from 'react-i18next';
import { SelectControl, TextControl } from '../../data-model/controls/Controls.js';
import { AssigneeRulesEditor } from './AssigneeRulesEditor.js';
import { usePanel } from './panel-context.js';
import { nodePath, useNodeChange } from './useNodeChange.js';

/** A carbon copy (抄送) or a message: who receives it and what it says. It never holds the case up. */
export function NotifyProperties({ node }: { node: NotifyNode }) {
  const { t } = useTranslation('flowDesigner');
  const { flow, problemsAt } = usePanel();
  const change = useNodeChange(node);
  const path = (...tokens: (string | number)[]) => nodePath(flow.nodes, node, ...tokens);
  return (
    <>
      <SelectControl
        label={t('notify.kind')}
        value={node.kind}
        choices={(['cc', 'message'] as const).map((k) => ({ value: k, label: t(`notify.kinds.${k}`) }))}
        onChange={(kind) => change('kind', (n) => ({ ...n, kind: kind as NotifyNode['kind'] }))}
      />
      <AssigneeRulesEditor legend={t('notify.to')} rules={node.to} path={path('to')} onChange={(to) => change('to', (n) => ({ ...n, to }))} />
      <TextControl label={t('notify.template')} help={t('notify.templateHelp')} multiline value={node.template} onChange={(template) => change('template', (n) => ({ ...n, template }))} problems={problemsAt(path('template'))} />
    </>
  );
}
