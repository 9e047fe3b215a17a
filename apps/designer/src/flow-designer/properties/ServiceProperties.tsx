import type { ServiceEffect, ServiceNode } from '@bankforge/flow-engine';
import { useTranslation } from 'react-i18next';
import { CheckboxControl, SelectControl, TextControl } from '../../data-model/controls/Controls.js';
import { compact } from '../document/map-edits.js';
import { nodeNameById } from '../document/names.js';
import { BoundaryTimersEditor } from './activity/BoundaryTimersEditor.js';
import { FlowFeelEditor } from './FlowFeelEditor.js';
import { RepeatFields } from './activity/RepeatFields.js';
import { RetryFields } from './activity/RetryFields.js';
import { RecordValuesTable } from './RecordValuesTable.js';
import { useConnectorChoices } from './useConnectorChoices.js';
import { usePanel } from './panel-context.js';
import { nodePath, useNodeChange } from './useNodeChange.js';

const EFFECTS: readonly ServiceEffect[] = ['recordUpdate', 'http', 'webhook'];
const METHODS = ['POST', 'PUT', 'PATCH', 'GET', 'DELETE'] as const;
const WITH_BODY: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH']);

type Config = ServiceNode['config'];

/**
 * The body as its FEEL template: a template as written; a body stored as JSON (older flows,
 * imported BPMN) as the same JSON, which FEEL reads as the context that gives it back.
 */
export function bodyTemplate(body: Config[string] | undefined): string {
  if (body === undefined) return '';
  return typeof body === 'string' ? body : JSON.stringify(body);
}

/** A service step: update the case's record, or call a system over HTTP (a webhook is a call that only notifies). */
export function ServiceProperties({ node }: { node: ServiceNode }) {
  const { t } = useTranslation('flowDesigner');
  const { flow, language, problemsAt } = usePanel();
  const change = useNodeChange(node);
  const path = (...tokens: (string | number)[]) => nodePath(flow.nodes, node, ...tokens);
  const setConfig = (config: Config) => change('config', (n) => ({ ...n, config }));
  const config = node.config;
  const sent = Array.isArray(config.variables) ? config.variables.filter((v): v is string => typeof v === 'string') : [];
  const outgoing = flow.edges.filter((e) => e.source === node.id);
  const connectors = useConnectorChoices();
  const connector = typeof config.connector === 'string' ? config.connector : undefined;
  // A connector brings its base URL, auth and the administrator's allow-list; a URL is the older, env-allow-listed way.
  const target = connector !== undefined ? 'connector' : 'url';
  const setTarget = (to: string) => {
    const { url: _url, connector: _connector, path: _path, ...rest } = config;
    setConfig(to === 'connector' ? { ...rest, connector: connectors[0]?.key ?? '', path: '' } : { ...rest, url: '' });
  };
  // Scripts come only from imported BPMN: the server runs none, so they are not offered.
  const effects = EFFECTS.includes(node.effect) ? EFFECTS : [...EFFECTS, node.effect];

  return (
    <>
      <SelectControl
        label={t('service.effect')}
        help={t(`service.effectHelp.${node.effect}`)}
        value={node.effect}
        choices={effects.map((e) => ({ value: e, label: t(`service.effects.${e}`) }))}
        // Each effect reads its own configuration: a new effect starts from an empty one.
        onChange={(effect) => change('effect', (n) => ({ ...n, effect: effect as ServiceEffect, config: {} }))}
        problems={problemsAt(path('effect'))}
      />
      {node.effect === 'recordUpdate' && <RecordValuesTable config={config} path={path('config')} onChange={setConfig} />}
      {(node.effect === 'http' || node.effect === 'webhook') && (
        <>
          <SelectControl
            label={t('service.target')}
            value={target}
            choices={[
              { value: 'connector', label: t('service.targets.connector') },
              { value: 'url', label: t('service.targets.url') },
            ]}
            onChange={setTarget}
          />
          {connector !== undefined ? (
            <>
              <SelectControl
                label={t('service.connector')}
                help={t('service.connectorHelp')}
                value={connector}
                choices={[
                  ...(connectors.some((c) => c.key === connector) ? [] : [{ value: connector, label: connector === '' ? t('service.connectorNone') : connector }]),
                  ...connectors.map((c) => ({ value: c.key, label: c.name[language] || c.key })),
                ]}
                onChange={(key) => setConfig({ ...config, connector: key })}
                problems={problemsAt(path('config', 'connector'))}
              />
              <TextControl label={t('service.path')} help={t('service.pathHelp')} value={typeof config.path === 'string' ? config.path : ''} onChange={(p) => setConfig({ ...config, path: p })} problems={problemsAt(path('config', 'path'))} spellCheck={false} />
            </>
          ) : (
            <TextControl label={t('service.url')} help={t('service.urlHelp')} type="url" value={typeof config.url === 'string' ? config.url : ''} onChange={(url) => setConfig({ ...config, url })} problems={problemsAt(path('config', 'url'))} spellCheck={false} />
          )}
          <SelectControl label={t('service.method')} value={typeof config.method === 'string' ? config.method : 'POST'} choices={METHODS.map((m) => ({ value: m, label: m }))} onChange={(method) => {
              // GET and DELETE send no body: the template goes with the method that sent it.
              const { body: _body, ...rest } = config;
              setConfig(WITH_BODY.has(method) ? { ...config, method } : { ...rest, method });
            }} />
          {WITH_BODY.has(typeof config.method === 'string' ? config.method : 'POST') && (
            <FlowFeelEditor
              label={t('service.body')}
              help={t('service.bodyHelp')}
              value={bodyTemplate(config.body)}
              onChange={(text) => {
                const { body: _body, ...rest } = config;
                setConfig(text.trim() === '' ? rest : { ...rest, body: text });
              }}
            />
          )}
          <fieldset>
            <legend>{t('service.variables')}</legend>
            <p className="help">{t('service.variablesHelp')}</p>
            <div className="check-row">
              {flow.variables.map((v) => (
                <CheckboxControl
                  key={v.name}
                  label={v.name}
                  checked={sent.includes(v.name)}
                  onChange={(on) => setConfig({ ...config, variables: flow.variables.map((x) => x.name).filter((name) => (name === v.name ? on : sent.includes(name))) })}
                />
              ))}
            </div>
          </fieldset>
        </>
      )}
      <RetryFields node={node} />
      {outgoing.length > 1 && (
        <SelectControl
          label={t('service.failureEdge')}
          value={node.failureEdge ?? ''}
          choices={[{ value: '', label: t('service.failureFails') }, ...outgoing.map((e) => ({ value: e.id, label: t('service.failureTo', { name: nodeNameById(flow, e.target, language) }) }))]}
          onChange={(edge) => change('failureEdge', (n) => compact({ ...n, failureEdge: edge === '' ? undefined : edge }))}
          problems={problemsAt(path('failureEdge'))}
        />
      )}
      <RepeatFields node={node} />
      <BoundaryTimersEditor node={node} />
    </>
  );
}
