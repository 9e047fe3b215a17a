import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** A new form opened without `?entity=`: which entity it edits. */
export function EntityChooser({ entityKeys, onChoose }: { entityKeys: readonly string[]; onChoose(entity: string): void }) {
  const { t } = useTranslation('formDesigner');
  const id = useId();
  const [entity, setEntity] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (entity !== '') onChoose(entity);
  };
  return (
    <form className="fd-entity-chooser" onSubmit={submit}>
      <label htmlFor={id}>{t('entityChooser.label')}</label>
      <select id={id} value={entity} onChange={(e) => setEntity(e.target.value)} required>
        <option value="">{t('properties.choose')}</option>
        {entityKeys.map((key) => (
          <option key={key} value={key}>
            {key}
          </option>
        ))}
      </select>
      <button type="submit" disabled={entity === ''}>
        {t('entityChooser.start')}
      </button>
    </form>
  );
}
