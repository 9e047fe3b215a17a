import type { ApiClient, Connector } from '@bankforge/client';
import { languageOf, useApiClient } from '@bankforge/app-shell';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../shell/Loading.js';
import { ConfirmDialog } from '../shared/ConfirmDialog.js';
import { LoadFailure } from '../shared/LoadFailure.js';
import { AdminListSection } from '../shared/AdminListSection.js';
import { type Notice } from '../shared/Notice.js';
import { useLoaded } from '../shared/useLoaded.js';
import { AllowedHostsEditor } from './AllowedHostsEditor.js';
import { ConnectorDialog } from './ConnectorDialog.js';
import { TestPanel } from './TestPanel.js';

const loadConnectors = async (api: ApiClient): Promise<{ connectors: Connector[]; hosts: string[] }> => {
  const [connectors, allowed] = await Promise.all([api.connectors(), api.connectorAllowedHosts()]);
  return { connectors, hosts: allowed.hosts };
};

/** Connectors to the bank's other systems: list, create, edit, delete, test; and the allowed hosts. */
export function ConnectorsPage() {
  const { t, i18n } = useTranslation('admin');
  const api = useApiClient();
  const { state, reload } = useLoaded(loadConnectors);
  const [editing, setEditing] = useState<Connector | 'new' | null>(null);
  const [removing, setRemoving] = useState<Connector | null>(null);
  const [testing, setTesting] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <LoadFailure problem={state.error} onRetry={() => void reload()} />;
  const { connectors, hosts } = state.data;
  const nameOf = (c: Connector) => (languageOf(i18n.language) === 'zh-CN' ? c.name['zh-CN'] : c.name.en);
  const tested = connectors.find((c) => c.key === testing);
  const allowHost = async (host: string) => {
    await api.saveConnectorAllowedHosts({ hosts: [...hosts.filter((h) => h !== host), host] });
    await reload();
    setNotice({ key: 'connectors.hosts.saved', values: {} });
  };

  return (
    <>
      <AdminListSection
        title={t('connectors.title')}
        action={
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            {t('connectors.newConnector')}
          </button>
        }
        help={t('connectors.help')}
        notice={notice}
        empty={connectors.length === 0 ? t('connectors.empty') : null}
        emptyHint={t('connectors.emptyHint')}
        columns={[
          t('connectors.columns.name'),
          t('connectors.key'),
          t('connectors.columns.baseUrl'),
          t('connectors.columns.auth'),
          t('connectors.columns.secret'),
          t('connectors.columns.actions'),
        ]}
      >
        {connectors.map((connector) => (
          <tr key={connector.key}>
            <th scope="row">{nameOf(connector)}</th>
            <td>
              <code>{connector.key}</code>
            </td>
            <td>{connector.baseUrl}</td>
            <td>{t(`connectors.kind.${connector.auth.kind}`)}</td>
            <td>
              {connector.auth.kind === 'none'
                ? t('none')
                : connector.hasSecret
                  ? t('connectors.secret.stored')
                  : t('connectors.secret.notStored')}
            </td>
            <td>
              <div className="button-row compact">
                <button
                  type="button"
                  onClick={() => setTesting(connector.key)}
                  aria-label={t('connectors.testLabel', { name: nameOf(connector) })}
                >
                  {t('connectors.test')}
                </button>
                <button
                  type="button"
                  onClick={() => setEditing(connector)}
                  aria-label={t('connectors.editLabel', { name: nameOf(connector) })}
                >
                  {t('connectors.edit')}
                </button>
                <button
                  type="button"
                  onClick={() => setRemoving(connector)}
                  aria-label={t('connectors.removeLabel', { name: nameOf(connector) })}
                >
                  {t('connectors.remove')}
                </button>
              </div>
            </td>
          </tr>
        ))}
      </AdminListSection>
      {tested && <TestPanel key={tested.key} connector={tested} onClose={() => setTesting(null)} onAllowHost={allowHost} />}
      <AllowedHostsEditor
        key={hosts.join('\n')}
        hosts={hosts}
        onSaved={() => {
          void reload();
          setNotice({ key: 'connectors.hosts.saved', values: {} });
        }}
      />
      {editing && (
        <ConnectorDialog
          connector={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            const created = editing === 'new';
            setEditing(null);
            void reload().then(() =>
              setNotice({
                key: created ? 'connectors.created' : 'connectors.saved',
                values: { name: nameOf(saved) },
              }),
            );
          }}
        />
      )}
      {removing && (
        <ConfirmDialog
          title={t('connectors.removeTitle', { name: nameOf(removing) })}
          detail={t('connectors.removeDetail')}
          confirm={t('connectors.removeConfirm')}
          danger
          onClose={() => setRemoving(null)}
          action={async () => {
            await api.deleteConnector(removing.key);
            await reload();
            if (testing === removing.key) setTesting(null);
            setRemoving(null);
            setNotice({ key: 'connectors.deleted', values: { name: nameOf(removing) } });
          }}
        />
      )}
    </>
  );
}
