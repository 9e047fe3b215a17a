import { useReactFlow } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { FIT_VIEW } from './fit-view.js';

export interface CanvasToolbarProps {
  hasNode: boolean;
  hasSelection: boolean;
  several: boolean;
  canPaste: boolean;
  laying: boolean;
  onAddAfter(): void;
  onConnect(): void;
  onDelete(): void;
  onCopy(): void;
  onPaste(): void;
  onLayout(): void;
  onAlign(along: 'row' | 'column'): void;
  onImport(): void;
  onExport(): void;
}

/** Every canvas command as a button too (the keys are shortcuts, not the only way). */
export function CanvasToolbar(props: CanvasToolbarProps) {
  const { t } = useTranslation('flowDesigner');
  const { fitView } = useReactFlow();
  return (
    <div role="toolbar" aria-label={t('toolbar.label')} className="toolbar flow-toolbar">
      <button type="button" onClick={props.onAddAfter} disabled={!props.hasNode} aria-keyshortcuts="A">{t('toolbar.addAfter')}</button>
      <button type="button" onClick={props.onConnect} disabled={!props.hasNode} aria-keyshortcuts="C">{t('toolbar.connect')}</button>
      <button type="button" onClick={props.onDelete} disabled={!props.hasSelection} aria-keyshortcuts="Delete">{t('toolbar.delete')}</button>
      <button type="button" onClick={props.onCopy} disabled={!props.hasNode} aria-keyshortcuts="Control+C">{t('toolbar.copy')}</button>
      <button type="button" onClick={props.onPaste} disabled={!props.canPaste} aria-keyshortcuts="Control+V">{t('toolbar.paste')}</button>
      <button type="button" onClick={() => props.onAlign('row')} disabled={!props.several}>{t('toolbar.alignRow')}</button>
      <button type="button" onClick={() => props.onAlign('column')} disabled={!props.several}>{t('toolbar.alignColumn')}</button>
      <button type="button" onClick={props.onLayout} disabled={props.laying}>{t('toolbar.layout')}</button>
      <button type="button" onClick={() => void fitView(FIT_VIEW)}>{t('toolbar.fit')}</button>
      <span className="toolbar-spacer" />
      <button type="button" onClick={props.onImport}>{t('toolbar.import')}</button>
      <button type="button" onClick={props.onExport}>{t('toolbar.export')}</button>
    </div>
  );
}
