import { ApiProblem, type RecordData } from '@bankforge/client';
import { useApiClient } from '@bankforge/app-shell';
import type { EntityDefinition } from '@bankforge/data-model';
import type { FlowDefinition } from '@bankforge/flow-engine';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectControl } from '../../data-model/controls/Controls.js';
import { designerLanguage, localized } from '../../form-designer/workspace/localized.js';
import { usePublishedArtifacts, usePublishedDocument } from '../properties/usePublished.js';
import { entriesFromRecord } from './variable-inputs.js';

const RECORDS_SHOWN = 20;

type Loaded = { status: 'loading' } | { status: 'loaded'; items: RecordData[] } | { status: 'refused' } | { status: 'failed'; message: string };

/** The field that names a record (the server's rule: its first unique text field, else its first required one). */
function titleField(entity: EntityDefinition | undefined): string | undefined {
  const text = (entity?.fields ?? []).filter((f) => f.type === 'text' && f.sensitive !== true);
  return (text.find((f) => f.unique === true) ?? text.find((f) => f.required === true))?.key;
}

/**
 * Fills the case's values from a record of the flow's entity, as a case started on it would read
 * them. The records come from the records query API: the server applies the reader's data scope
 * and field masking, so the analyst sees (and simulates with) only what their roles let them read.
 */
export function RecordPicker({ flow, entity, onFill }: { flow: FlowDefinition; entity: string; onFill(entries: Record<string, string>): void }) {
  const { t, i18n } = useTranslation('flowSimulation');
  const api = useApiClient();
  const entities = usePublishedArtifacts('entity');
  const definition = usePublishedDocument<EntityDefinition>('entity', entity, entities);
  const entityName = localized(definition?.label, designerLanguage(i18n.language)) || entities.find((e) => e.key === entity)?.title || entity;
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [chosen, setChosen] = useState('');
  const [filled, setFilled] = useState(false);

  useEffect(() => {
    let live = true;
    api.queryRecords(entity, { limit: RECORDS_SHOWN }).then(
      (page) => live && setLoaded({ status: 'loaded', items: page.items }),
      (error: unknown) => {
        if (!live) return;
        if (error instanceof ApiProblem && error.status === 403) setLoaded({ status: 'refused' });
        else setLoaded({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [api, entity]);

  const title = titleField(definition);
  const label = (record: RecordData) => {
    const name = title !== undefined && typeof record[title] === 'string' ? (record[title] as string) : record.id;
    const values = Object.entries(entriesFromRecord(flow, record)).map(([variable, text]) => `${variable} = ${text}`);
    return values.length === 0 ? name : `${name} · ${values.join(', ')}`;
  };

  return (
    <fieldset className="sim-record">
      <legend>{t('setup.record.title')}</legend>
      {loaded.status === 'loading' && <p className="help">…</p>}
      {loaded.status === 'refused' && <p className="help">{t('setup.record.refused', { entity: entityName })}</p>}
      {loaded.status === 'failed' && <p className="field-error">{t('setup.record.failed', { message: loaded.message })}</p>}
      {loaded.status === 'loaded' && loaded.items.length === 0 && <p className="help">{t('setup.record.none', { entity: entityName })}</p>}
      {loaded.status === 'loaded' && loaded.items.length > 0 && (
        <>
          <SelectControl
            label={t('setup.record.choose')}
            help={t('setup.record.help', { entity: entityName })}
            value={chosen}
            choices={[{ value: '', label: '—' }, ...loaded.items.map((r) => ({ value: r.id, label: label(r) }))]}
            onChange={(id) => {
              setChosen(id);
              setFilled(false);
            }}
          />
          <div className="button-row">
            <button
              type="button"
              disabled={chosen === ''}
              onClick={() => {
                const record = loaded.items.find((r) => r.id === chosen);
                if (record === undefined) return;
                onFill(entriesFromRecord(flow, record));
                setFilled(true);
              }}
            >
              {t('setup.record.fill')}
            </button>
            <span role="status">{filled ? t('setup.record.filled') : ''}</span>
          </div>
        </>
      )}
    </fieldset>
  );
}
