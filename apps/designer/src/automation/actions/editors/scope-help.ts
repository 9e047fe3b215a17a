import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { actionNames } from '../../model/scope.js';
import { useAutomationEditing } from '../../ui/editing-context.js';

/** The names the action at `index` reads, and a line saying so. */
export function useActionScope(index: number): { names: string[]; help: string } {
  const { t } = useTranslation('automationDesigner');
  const { document } = useAutomationEditing();
  const joined = actionNames(document.actions, index).join(', ');
  const names = useMemo(() => joined.split(', '), [joined]);
  return { names, help: t('actions.feelHelp', { names: joined }) };
}
