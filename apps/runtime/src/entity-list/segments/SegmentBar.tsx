import type { ApiProblem, RecordQuery, Segment, SegmentSharing } from '@bankforge/client';
import type { FieldDefinition, RecordFilter } from '@bankforge/data-model';
import { asProblem, useApiClient } from '@bankforge/app-shell';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { filterInputs } from '../filters/filter-inputs.js';
import type { FilterInput } from '../filters/column-filter.js';
import { SaveSegmentForm } from './SaveSegmentForm.js';
import './segments.css';

type Sort = NonNullable<RecordQuery['sort']>;

export interface SegmentBarProps {
  entity: string;
  /** The list's filterable columns: a segment is put back into their filters. */
  fields: readonly FieldDefinition[];
  /** The list's current filter and sort: what "Save as segment" keeps. */
  filter: RecordFilter | undefined;
  sort: Sort | undefined;
  onApply(inputs: Record<string, FilterInput>, sort: Sort): void;
}

/**
 * A list's segments: a picker of the saved filters the reader sees (theirs and those shared with
 * them), which puts one back into the list's filters and sort, and "Save as segment" for the
 * current filter. Applying one runs the reader's own query: their scope, their field rules.
 */
export function SegmentBar({ entity, fields, filter, sort, onApply }: SegmentBarProps) {
  const { t } = useTranslation('segments');
  const api = useApiClient();
  const [segments, setSegments] = useState<Segment[]>([]);
  const [chosen, setChosen] = useState('');
  const [saving, setSaving] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [status, setStatus] = useState('');
  const saveButton = useRef<HTMLButtonElement>(null);

  const load = useCallback(
    () =>
      api.listSegments(entity).then(
        (answer) => setSegments(answer.items),
        () => setStatus(t('loadFailed')),
      ),
    [api, entity, t],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const apply = (id: string) => {
    setChosen(id);
    const segment = segments.find((s) => s.id === id);
    if (!segment) return;
    const inputs = filterInputs(fields, segment.filter);
    if (!inputs) {
      setStatus(t('notApplicable', { name: segment.name }));
      return;
    }
    onApply(inputs, segment.sort);
    setStatus(t('applied', { name: segment.name }));
  };

  const save = (name: string, sharing: SegmentSharing) => {
    if (!filter) return;
    setBusy(true);
    setProblem(null);
    api.saveSegment({ entity, name, filter, ...(sort ? { sort } : {}), sharing }).then(
      async (segment) => {
        await load();
        setChosen(segment.id);
        setSaving(false);
        setBusy(false);
        setStatus(t('saved', { name: segment.name }));
        saveButton.current?.focus();
      },
      (error: unknown) => {
        setBusy(false);
        setProblem(asProblem(error));
      },
    );
  };

  const current = segments.find((s) => s.id === chosen);
  const remove = (segment: Segment) => {
    api.deleteSegment(segment.id).then(
      async () => {
        setChosen('');
        await load();
        setStatus(t('removed', { name: segment.name }));
      },
      () => setStatus(t('removeFailed')),
    );
  };

  return (
    <div className="segment-bar" role="group" aria-label={t('segments')}>
      <select aria-label={t('segment')} value={chosen} onChange={(event) => apply(event.target.value)}>
        <option value="">{t('choose')}</option>
        {segments.map((segment) => (
          <option key={segment.id} value={segment.id}>
            {segment.mine ? segment.name : t('sharedBy', { name: segment.name, owner: segment.owner.name })}
          </option>
        ))}
      </select>
      {current?.mine && (
        <button type="button" onClick={() => remove(current)}>
          {t('remove')}
        </button>
      )}
      <button ref={saveButton} type="button" aria-expanded={saving} disabled={!filter} title={filter ? undefined : t('noFilter')} onClick={() => setSaving(true)}>
        {t('save')}
      </button>
      <span role="status" className="segment-status">
        {status}
      </span>
      {saving && (
        <SaveSegmentForm
          busy={busy}
          problem={problem}
          onSave={save}
          onCancel={() => {
            setSaving(false);
            setProblem(null);
            saveButton.current?.focus();
          }}
        />
      )}
    </div>
  );
}
