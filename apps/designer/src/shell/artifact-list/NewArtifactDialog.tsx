import type { ArtifactDocument, ArtifactSummary, ProblemFieldError } from '@bankforge/client';
import { FORM_SCHEMA_VERSION } from '@bankforge/form-engine';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { asProblem, useApiClient } from '@bankforge/app-shell';
import { Dialog } from '@bankforge/app-shell';
import { newAutomationDocument } from '../../automation/model/automation-document.js';
import { newDashboardDocument } from '../../dashboard-designer/model/dashboard-document.js';
import { newDecisionArtifact } from '../../decision/document/decision-document.js';
import { newFlowDocument } from '../../flow-designer/document/new-flow.js';
import { newReportDocument } from '../../report-designer/model/new-report.js';
import { ProblemList } from '../publish/ProblemList.js';
import { BILINGUAL_NAMED_KINDS } from './artifact-kinds.js';
import { entityHasForm } from './entity-forms.js';
import { isValidKey, newAppDocument, newEntityDocument, newFormDocument } from './new-artifact.js';
import { newArtifactPlace } from './new-artifact-places.js';

/** The kinds a designer here starts. */
export type NewArtifactKind = 'entity' | 'form' | 'decision' | 'flow' | 'report' | 'dashboard' | 'automation' | 'app';

export interface NewArtifactDialogProps {
  kind: NewArtifactKind;
  onClose: () => void;
  /** Called with the key once the first draft is stored. */
  onCreated: (key: string) => void;
}

const ENTITY_TEXTS = {
  form: { entity: 'create.entity', entityRequired: 'create.entityRequired', noEntities: 'create.noEntities' },
  report: { entity: 'create.reportEntity', entityRequired: 'create.reportEntityRequired', noEntities: 'create.reportNoEntities' },
  automation: { entity: 'create.automationEntity', entityRequired: 'create.automationEntityRequired', noEntities: 'create.automationNoEntities' },
} as const;

/** The fields with a help text below them: it describes the field until an error does. */
const HELPED: ReadonlySet<keyof Errors> = new Set(['key', 'nameZh']);

interface Errors {
  key?: string;
  title?: string;
  nameZh?: string;
  entity?: string;
}

/**
 * Asks the key and title, the Chinese name of a kind named in both languages (the title is the
 * English one: a copy of it labelled Chinese would greet Chinese-speaking staff in English), and for
 * a form, a report or an automation its entity; stores the first draft and hands over to the designer.
 */
export function NewArtifactDialog({ kind, onClose, onCreated }: NewArtifactDialogProps) {
  const { t, i18n } = useTranslation('shell');
  const api = useApiClient();
  const id = useId();
  const [key, setKey] = useState('');
  const [title, setTitle] = useState('');
  const [nameZh, setNameZh] = useState('');
  const [entity, setEntity] = useState('');
  const [entities, setEntities] = useState<ArtifactSummary[] | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [problems, setProblems] = useState<readonly ProblemFieldError[]>([]);
  // The draft the server refused: its problems' pointers point into it.
  const [refused, setRefused] = useState<ArtifactDocument | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const forEntity = kind === 'form' || kind === 'report' || kind === 'automation';
  const bilingual = BILINGUAL_NAMED_KINDS.has(kind);
  // The entity's question in the kind's words: a form is drawn for it, a report counts it, an automation watches it.
  const entityText = (what: keyof (typeof ENTITY_TEXTS)['form']) => t(ENTITY_TEXTS[kind === 'report' ? 'report' : kind === 'automation' ? 'automation' : 'form'][what]);

  useEffect(() => {
    if (!forEntity) return;
    let current = true;
    // A form can only be published for a published entity; a report reads published entities only.
    api.listArtifacts('entity').then(
      (list) => current && setEntities(list.filter((e) => e.latestVersion !== null)),
      (error: unknown) => current && setFailure(asProblem(error).detail),
    );
    return () => {
      current = false;
    };
  }, [api, forEntity]);

  const validate = (): Errors => {
    const found: Errors = {};
    if (!isValidKey(key)) found.key = t('create.keyInvalid');
    if (title.trim() === '') found.title = t('create.titleRequired');
    if (bilingual && nameZh.trim() === '') found.nameZh = t('create.nameZhRequired');
    if (forEntity && entity === '') found.entity = entityText('entityRequired');
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    setProblems([]);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setCreating(true);
    let named: ArtifactDocument | null = null;
    try {
      // A decision, a flow, a dashboard or an automation is copied into a plain object: their interfaces have no index signature, the copy does.
      const document: ArtifactDocument =
        kind === 'form' ? newFormDocument(key, title.trim(), entity, FORM_SCHEMA_VERSION, !(await entityHasForm(api, entity)))
        : kind === 'app' ? newAppDocument(key, title.trim())
        : kind === 'decision' ? { ...newDecisionArtifact(key, title.trim()) }
        : kind === 'flow' ? { ...newFlowDocument(key), title: title.trim(), label: { en: title.trim(), 'zh-CN': title.trim() } }
        : kind === 'report' ? { ...newReportDocument(key, title.trim(), entity, { en: i18n.getFixedT('en')('reportDesigner:measures.defaultLabel.count'), 'zh-CN': i18n.getFixedT('zh-CN')('reportDesigner:measures.defaultLabel.count') }) }
        : kind === 'dashboard' ? { ...newDashboardDocument(key, title.trim()) }
        : kind === 'automation' ? { ...newAutomationDocument(key, title.trim(), entity) }
        : newEntityDocument(key, title.trim());
      // The builders name a draft by its title in both languages (what a designer opening an unsaved key starts with); here the analyst gave the Chinese name.
      named = bilingual ? { ...document, label: { en: title.trim(), 'zh-CN': nameZh.trim() } } : document;
      // Revision 0: only creates; an artifact with this key already there is a conflict.
      await api.saveDraft(named, 0);
      onCreated(key);
    } catch (error) {
      const problem = asProblem(error);
      if (problem.status === 409) setErrors({ key: t('create.keyTaken', { kind: t(`list.kind.${kind}`) }) });
      else if (problem.status === 422) {
        setProblems(problem.errors);
        setRefused(named);
      }
      else setFailure(problem.detail || problem.title);
    } finally {
      setCreating(false);
    }
  };

  const language = i18n.language.startsWith('zh') ? 'zh-CN' : 'en';
  const placeOf = (path: string) => newArtifactPlace(path, kind, refused, (message, options) => t(message, options), language);

  const field = (name: keyof Errors) => ({
    id: `${id}-${name}`,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${id}-${name}-error` : HELPED.has(name) ? `${id}-${name}-help` : undefined,
  });
  const error = (name: keyof Errors) =>
    errors[name] && (
      <p id={`${id}-${name}-error`} className="field-error">
        {errors[name]}
      </p>
    );

  return (
    <Dialog title={t(`create.${kind}Title`)} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate className="stack">
        <div className="form-row">
          <label htmlFor={`${id}-key`}>{t('create.key')}</label>
          <input {...field('key')} value={key} onChange={(e) => setKey(e.target.value)} autoComplete="off" spellCheck={false} required />
          <p id={`${id}-key-help`} className="help">
            {t('create.keyHelp')}
          </p>
          {error('key')}
        </div>
        <div className="form-row">
          <label htmlFor={`${id}-title`}>{t('create.title')}</label>
          <input {...field('title')} value={title} onChange={(e) => setTitle(e.target.value)} required />
          {error('title')}
        </div>
        {bilingual && (
          <div className="form-row">
            <label htmlFor={`${id}-nameZh`}>{t('create.nameZh')}</label>
            <input {...field('nameZh')} lang="zh-CN" value={nameZh} onChange={(e) => setNameZh(e.target.value)} required />
            <p id={`${id}-nameZh-help`} className="help">
              {t('create.nameZhHelp')}
            </p>
            {error('nameZh')}
          </div>
        )}
        {forEntity && (
          <div className="form-row">
            <label htmlFor={`${id}-entity`}>{entityText('entity')}</label>
            <select {...field('entity')} value={entity} onChange={(e) => setEntity(e.target.value)} required>
              <option value="">{t('create.chooseEntity')}</option>
              {entities?.map((e) => (
                <option key={e.key} value={e.key}>
                  {e.title} ({e.key})
                </option>
              ))}
            </select>
            {entities?.length === 0 && <p className="help">{entityText('noEntities')}</p>}
            {error('entity')}
          </div>
        )}
        {(problems.length > 0 || failure) && (
          <div role="alert" className="notice notice-error">
            {failure}
            <ProblemList problems={problems} placeOf={placeOf} />
          </div>
        )}
        <div className="button-row">
          <button type="submit" className="primary" disabled={creating}>
            {t('create.create')}
          </button>
          <button type="button" onClick={onClose}>
            {t('create.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
