import { CONNECTOR_METHODS, type CallConnectorAction } from '@bankforge/flow-engine';
import { useTranslation } from 'react-i18next';
import { withOptional } from '../../model/trigger.js';
import { FeelControl, SelectControl, TextControl } from '../../ui/controls.js';
import { useAutomationEditing } from '../../ui/editing-context.js';
import type { ActionEditorProps } from '../ActionEditor.js';
import { useActionScope } from './scope-help.js';

export function CallConnectorEditor({ action, index, onChange }: ActionEditorProps<CallConnectorAction>) {
  const { t } = useTranslation('automationDesigner');
  const { catalog, language } = useAutomationEditing();
  const scope = useActionScope(index);
  const control = `actions.${index}`;
  const connectors = catalog.connectors;
  return (
    <>
      {connectors ? (
        <SelectControl
          label={t('actions.connector')}
          control={`${control}.connector`}
          value={action.connector}
          placeholder={t('actions.chooseConnector')}
          choices={connectors.map((c) => ({ value: c.key, label: `${c.name[language] || c.name.en} (${c.key})` }))}
          onChange={(connector) => onChange({ ...action, connector })}
        />
      ) : (
        <TextControl
          label={t('actions.connectorKey')}
          control={`${control}.connector`}
          value={action.connector}
          help={t('actions.connectorsHidden')}
          onChange={(connector) => onChange({ ...action, connector }, `${control}.connector`)}
        />
      )}
      <SelectControl
        label={t('actions.method')}
        control={`${control}.method`}
        value={action.method}
        choices={CONNECTOR_METHODS.map((m) => ({ value: m, label: m }))}
        onChange={(method) => onChange({ ...action, method: method as CallConnectorAction['method'] })}
      />
      <TextControl label={t('actions.path')} control={`${control}.path`} value={action.path} onChange={(path) => onChange({ ...action, path }, `${control}.path`)} />
      <FeelControl
        label={t('actions.body')}
        control={`${control}.body`}
        value={action.body ?? ''}
        names={scope.names}
        help={scope.help}
        onChange={(body) => onChange(withOptional(action, 'body', body), `${control}.body`)}
      />
    </>
  );
}
