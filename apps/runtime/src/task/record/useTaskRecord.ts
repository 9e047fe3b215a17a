import { asProblem, useApiClient } from '@bankforge/app-shell';
import type { ApiProblem, RuntimeEntityPage } from '@bankforge/client';
import { FormModel } from '@bankforge/form-engine/react';
import { useEffect, useMemo, useState } from 'react';
import { loadTypeChecks, type ModuleImporter } from '../../record/form/type-checks.js';
import { readRecordFor } from '../../record/form/useRecordModel.js';
import { taskForms } from './task-forms.js';

export type TaskRecordLoad =
  | { status: 'loading' }
  | { status: 'ready'; record: FormModel; editable: FormModel | null }
  | { status: 'error'; error: ApiProblem };

/** The bound record of a task as two form models: the record read-only, and the fields the approver completes (with the record's values). */
export function useTaskRecord(page: RuntimeEntityPage | null, recordId: string, editableFields: readonly string[], importer?: ModuleImporter): TaskRecordLoad {
  const api = useApiClient();
  const editableKey = editableFields.join('\n');
  const forms = useMemo(() => (page === null ? null : taskForms(page, editableKey === '' ? [] : editableKey.split('\n'))), [page, editableKey]);
  const [load, setLoad] = useState<TaskRecordLoad>({ status: 'loading' });
  useEffect(() => {
    if (page === null || forms === null) return;
    let current = true;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- back to loading when the task's record or page changes
    setLoad({ status: 'loading' });
    (async () => {
      const [record, checks] = await Promise.all([readRecordFor(api, page, forms.record, recordId), loadTypeChecks(page.validators, importer)]);
      const now = new Date().toISOString();
      const recordModel = new FormModel(forms.record.compiled, record, { typeChecks: forms.record.access.adjustTypeChecks(checks), now });
      const editable = forms.editable && new FormModel(forms.editable.compiled, record, { typeChecks: forms.editable.access.adjustTypeChecks(checks), now });
      if (current) setLoad({ status: 'ready', record: recordModel, editable });
    })().catch((error: unknown) => current && setLoad({ status: 'error', error: asProblem(error) }));
    return () => {
      current = false;
    };
  }, [api, page, forms, recordId, importer]);
  return load;
}
