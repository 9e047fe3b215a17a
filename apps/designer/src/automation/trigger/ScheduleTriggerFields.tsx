import { SCHEDULE_EVERY, type ScheduleEvery, type ScheduleTrigger } from '@bankforge/flow-engine';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilterProblem } from '../../filter-builder/builder-context.js';
import { FilterBuilder } from '../../filter-builder/FilterBuilder.js';
import { localized } from '../../form-designer/workspace/localized.js';
import { problemMessage } from '../../shell/api/problems.js';
import { useSharedSegments } from '../catalog/useSharedSegments.js';
import { withOptional } from '../model/trigger.js';
import { artifactChoices, entityChoices } from '../ui/choices.js';
import { SelectControl, TextControl } from '../ui/controls.js';
import { useAutomationEditing } from '../ui/editing-context.js';
import { scheduleFilterFields } from './filter-fields.js';
import { useTriggerChange } from './TriggerEditor.js';

const FILTER_PATH = '/trigger/filter';

/** The id of a filter control at a JSON Pointer (`/trigger/filter/field` → `automation-trigger-filter-field`). */
const filterControlId = (path: string): string => `automation${path.replace(/[^A-Za-z0-9_]+/g, '-')}`;

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

/** Which of weekday / day of month the schedule keeps: only the one its `every` reads. */
function withEvery(trigger: ScheduleTrigger, every: ScheduleEvery): ScheduleTrigger {
  const { weekday: _w, dayOfMonth: _d, ...rest } = trigger;
  if (every === 'week') return { ...rest, every, weekday: trigger.weekday ?? 1 };
  if (every === 'month') return { ...rest, every, dayOfMonth: trigger.dayOfMonth ?? 1 };
  return { ...rest, every };
}

export function ScheduleTriggerFields({ trigger }: { trigger: ScheduleTrigger }) {
  const { t } = useTranslation('automationDesigner');
  const { catalog, entity, language, problems } = useAutomationEditing();
  const change = useTriggerChange();
  const segments = useSharedSegments(trigger.entity);
  const filterFields = useMemo(() => scheduleFilterFields(entity, language), [entity, language]);
  const filterProblems = useMemo(
    () => problems.filter((p) => p.path === FILTER_PATH || p.path.startsWith(`${FILTER_PATH}/`)).map((p): FilterProblem => ({ path: p.path, code: p.code, text: problemMessage(p, language) })),
    [problems, language],
  );
  return (
    <>
      <SelectControl
        label={t('trigger.every')}
        control="trigger.every"
        value={trigger.every}
        choices={SCHEDULE_EVERY.map((every) => ({ value: every, label: t(`trigger.everyNames.${every}`) }))}
        onChange={(every) => change(withEvery(trigger, every as ScheduleEvery))}
      />
      {trigger.every === 'week' && (
        <SelectControl
          label={t('trigger.weekday')}
          control="trigger.weekday"
          value={String(trigger.weekday ?? 1)}
          choices={WEEKDAYS.map((d) => ({ value: d, label: t(`trigger.weekdays.${d}`) }))}
          onChange={(d) => change({ ...trigger, weekday: Number(d) })}
        />
      )}
      {trigger.every === 'month' && (
        <TextControl
          type="number"
          label={t('trigger.dayOfMonth')}
          control="trigger.dayOfMonth"
          value={String(trigger.dayOfMonth ?? '')}
          onChange={(d) => change({ ...trigger, dayOfMonth: Math.min(28, Math.max(1, Number(d) || 1)) }, 'trigger.dayOfMonth')}
        />
      )}
      <TextControl
        label={t('trigger.at')}
        control="trigger.at"
        value={trigger.at}
        onChange={(at) => change({ ...trigger, at }, 'trigger.at')}
      />
      <TextControl label={t('trigger.timeZone')} control="trigger.timeZone" value={trigger.timeZone} onChange={(timeZone) => change({ ...trigger, timeZone }, 'trigger.timeZone')} />
      <SelectControl
        label={t('trigger.calendar')}
        control="trigger.calendar"
        value={trigger.calendar ?? ''}
        placeholder={t('trigger.noCalendar')}
        choices={artifactChoices(catalog.calendars, language)}
        onChange={(calendar) => change(withOptional(trigger, 'calendar', calendar))}
      />
      <SelectControl
        label={t('trigger.scheduleEntity')}
        control="trigger.entity"
        value={trigger.entity ?? ''}
        placeholder={t('trigger.scheduleNoEntity')}
        choices={entityChoices(catalog.entities, language)}
        onChange={(entity) => {
          const next = withOptional(trigger, 'entity', entity);
          // A filter compares the entity's fields and a segment is one entity's: another entity (or none) drops both.
          change(withOptional(withOptional(next, 'segment', undefined), 'filter', undefined));
        }}
      />
      {trigger.entity && (
        <SelectControl
          label={t('trigger.segment')}
          control="trigger.segment"
          value={trigger.segment ?? ''}
          placeholder={t('trigger.noSegment')}
          help={t('trigger.segmentHelp')}
          choices={segments.map((s) => ({ value: s.id, label: `${s.name} (${s.owner.name})` }))}
          onChange={(segment) => change(withOptional(trigger, 'segment', segment))}
        />
      )}
      {trigger.entity && (
        <FilterBuilder
          legend={t('trigger.filter')}
          emptyText={t('trigger.filterEmpty', { entity: entity ? localized(entity.label, language) || entity.key : trigger.entity })}
          filter={trigger.filter}
          onChange={(filter) => change(withOptional(trigger, 'filter', filter), 'trigger.filter')}
          path={FILTER_PATH}
          fields={filterFields}
          problems={filterProblems}
          language={language}
          idOf={filterControlId}
          fieldsLoaded={entity !== undefined}
        />
      )}
    </>
  );
}
