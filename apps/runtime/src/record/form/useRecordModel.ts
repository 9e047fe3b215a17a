import type { ApiClient, ApiProblem, RecordData } from '@bankforge/client';
import type { RecordTypeCheck } from '@bankforge/data-model/browser';
import { compileForm, FormModel, type CompiledForm, type FormDefinition } from '@bankforge/form-engine/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { asProblem, useApiClient } from '@bankforge/app-shell';
import type { RuntimeEntityPage } from '@bankforge/client';
import { ReaderAccess } from '../access/reader-access.js';
import { controlledFields, markControlled, withFlowControl } from '../flow-control/flow-controlled.js';
import { defaultFormFor } from './default-form.js';
import { loadTypeChecks, type ModuleImporter } from './type-checks.js';

export interface RecordForm {
  compiled: CompiledForm;
  /** The form is the entity's published one (writes name it, so the server enforces its rules). */
  published: boolean;
  /** The published form could not be compiled against the entities: the generated one stands in. */
  fellBack: boolean;
  /** What the reader's roles let them do with each field of this record. */
  access: ReaderAccess;
}

/**
 * The form a record page draws: the published default form, else one generated from the entity;
 * either adjusted to what the reader's roles let them see and change on this record, and with the
 * fields the entity's approval flows own read-only.
 */
export function recordForm(page: RuntimeEntityPage, creating: boolean): RecordForm {
  // Fields an approval flow owns are read-only to everyone, and say so.
  const controlled = controlledFields(page);
  const access = new ReaderAccess(withFlowControl(page), creating);
  const entities = access.adjustEntities({ ...page.related, [page.entity.key]: page.entity });
  const adjust = (form: FormDefinition) => access.adjustForm(markControlled(form, controlled));
  if (page.form) {
    const compiled = compileForm(adjust(page.form), entities);
    if (compiled.errors.length === 0) return { compiled, published: true, fellBack: false, access };
  }
  return { compiled: compileForm(adjust(defaultFormFor(page.entity)), entities), published: false, fellBack: page.form !== null, access };
}

/** Reads a record for its form: under the published form, it comes with the rows of the form's repeating groups. */
export function readRecordFor(api: ApiClient, page: RuntimeEntityPage, form: RecordForm, recordId: string): Promise<RecordData> {
  return form.published
    ? api.request<RecordData>('GET', `/records/${page.entity.key}/${encodeURIComponent(recordId)}?form=${encodeURIComponent(form.compiled.form.key)}`)
    : api.readRecord(page.entity.key, recordId);
}

export type RecordModelLoad =
  | { status: 'loading' }
  | { status: 'ready'; model: FormModel; record: RecordData | null }
  | { status: 'error'; error: ApiProblem };

/**
 * The form model of one record (or of a new one), with the type checks of the server's
 * validator modules. `reload` reads the record again; `show` starts over from a record the
 * server answered with (after a save).
 */
export function useRecordModel(page: RuntimeEntityPage, id: string | undefined, importer: ModuleImporter | undefined, prefill?: Readonly<Record<string, string>>) {
  const api = useApiClient();
  const form = useMemo(() => recordForm(page, id === undefined), [page, id]);
  const [load, setLoad] = useState<RecordModelLoad>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // Loaded once per page model, when the first record model is built.
  const typeChecks = useMemo(() => {
    let loaded: Promise<Record<string, RecordTypeCheck>> | undefined;
    return () => (loaded ??= loadTypeChecks(page.validators, importer));
  }, [page, importer]);

  const modelOf = useCallback(
    async (record: RecordData | null): Promise<FormModel> => {
      const options = { typeChecks: form.access.adjustTypeChecks(await typeChecks()), now: new Date().toISOString() };
      if (record) return new FormModel(form.compiled, record, options);
      const model = FormModel.forNewRecord(form.compiled, options);
      // References given in the address, where the form has the field (the editor sends them anyway).
      for (const [key, value] of Object.entries(prefill ?? {})) if (`/${key}` in model.state.fields) model.setValue(`/${key}`, value);
      return model;
    },
    [form, typeChecks, prefill],
  );

  const readRecord = useCallback((recordId: string): Promise<RecordData> => readRecordFor(api, page, form, recordId), [api, page, form]);

  useEffect(() => {
    let current = true;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- back to loading when the record or form changes or on retry, before asking again
    setLoad({ status: 'loading' });
    (async () => {
      const record = id === undefined ? null : await readRecord(id);
      const model = await modelOf(record);
      if (current) setLoad({ status: 'ready', model, record });
    })().catch((error: unknown) => current && setLoad({ status: 'error', error: asProblem(error) }));
    return () => {
      current = false;
    };
  }, [page, id, modelOf, readRecord, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const show = useCallback(async (record: RecordData) => {
    const model = await modelOf(record);
    setLoad({ status: 'ready', model, record });
  }, [modelOf]);
  return { form, load, reload, show };
}
