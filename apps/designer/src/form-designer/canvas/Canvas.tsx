import { useTranslation } from 'react-i18next';
import { ROOT } from '../tree/form-tree.js';
import { useDesigner } from '../workspace/DesignerContext.js';
import { ContainerBody } from './ContainerBody.js';
import { SelectionActions } from './SelectionActions.js';

/** The form's layout as editable blocks; a click on the background selects the form itself. */
export function Canvas() {
  const { t } = useTranslation('formDesigner');
  const { form, select } = useDesigner();
  return (
    <section className="fd-canvas" aria-label={t('canvas.label')} tabIndex={-1}>
      <SelectionActions />
      <button type="button" className="fd-canvas__form" onClick={() => select(null)}>
        {t('canvas.formSettings')}
      </button>
      <ContainerBody container={ROOT} nodes={form.layout} />
    </section>
  );
}
