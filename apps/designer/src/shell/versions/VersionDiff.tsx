import type { DocumentChange } from '@bankforge/client';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { designerLanguage, type DesignerLanguage } from '../../form-designer/workspace/localized.js';
import { elementText, groupChanges, moveText, propertyText, valueText, type ChangeGroup } from './describe-change.js';

export interface VersionDiffProps {
  from: number;
  to: number;
  /** The server's changes, keyed by element ids and named by labels. */
  changes: readonly DocumentChange[];
}

/** A value before or after, cut when long (the whole value in its tooltip). */
function Value({ value, language, t, as: Tag }: { value: unknown; language: DesignerLanguage; t: TFunction; as: 'del' | 'ins' }) {
  const { short, full } = valueText(value, language, t);
  // Nothing before (or after) is said, not struck through or highlighted.
  if (value === undefined || value === null) return <span className="diff-value diff-none">{short}</span>;
  return (
    <Tag className="diff-value" title={full === short ? undefined : full}>
      {short}
    </Tag>
  );
}

/** One property of an element (or of the document) that changed: "required: false → true". */
function PropertyChange({ change, language, t }: { change: DocumentChange; language: DesignerLanguage; t: TFunction }) {
  if (change.op === 'move') return <>{`${t('versions.moved')} ${moveText(change, language, t)}`}</>;
  return (
    <>
      <span className="diff-property">{propertyText(change.property ?? '', t)}</span>
      {t('versions.colon')}
      <Value value={change.from} language={language} t={t} as="del" /> → <Value value={change.value} language={language} t={t} as="ins" />
    </>
  );
}

function Group({ group, language, t }: { group: ChangeGroup; language: DesignerLanguage; t: TFunction }) {
  const badge = <span className={`badge badge-${group.kind}`}>{t(`versions.${group.kind}`)}</span>;
  if (!group.element) {
    return (
      <li className={`diff-change diff-${group.kind}`}>
        {badge} <PropertyChange change={group.changes[0]!} language={language} t={t} />
      </li>
    );
  }
  const name = <strong className="diff-element">{elementText(group.element, language, t)}</strong>;
  const within = group.within ? <span className="diff-within"> {t('versions.within', { element: elementText(group.within, language, t) })}</span> : null;
  if (group.kind === 'added' || group.kind === 'removed') {
    return (
      <li className={`diff-change diff-${group.kind}`}>
        {badge} {name}
        {within}
      </li>
    );
  }
  if (group.kind === 'moved' && group.changes.length === 1) {
    return (
      <li className="diff-change diff-moved">
        {badge} {name} {moveText(group.changes[0]!, language, t)}
      </li>
    );
  }
  if (group.changes.length === 1) {
    return (
      <li className={`diff-change diff-${group.kind}`}>
        {badge} {name}
        {t('versions.colon')}
        <PropertyChange change={group.changes[0]!} language={language} t={t} />
      </li>
    );
  }
  return (
    <li className={`diff-change diff-${group.kind}`}>
      {badge} {name}
      <ul className="diff-properties">
        {group.changes.map((change, i) => (
          <li key={`${change.path}-${i}`}>
            <PropertyChange change={change} language={language} t={t} />
          </li>
        ))}
      </ul>
    </li>
  );
}

/** The changes between two versions as an analyst reads them: element by element, with their labels, in the reader's language. */
export function VersionDiff({ from, to, changes }: VersionDiffProps) {
  const { t, i18n } = useTranslation('shell');
  const language = designerLanguage(i18n.language);
  const title = t('versions.changesTitle', { from, to });
  return (
    <section className="version-diff" aria-label={title}>
      <h3>{title}</h3>
      {changes.length === 0 ? (
        <p>{t('versions.noChanges')}</p>
      ) : (
        <ul className="diff-list">
          {groupChanges(changes).map((group) => (
            <Group key={group.key} group={group} language={language} t={t} />
          ))}
        </ul>
      )}
    </section>
  );
}
