import type { RecordFilter } from '@bankforge/data-model';
import { SCHEDULE_EVERY, type ScheduleEvery, type ScheduleTrigger } from '@bankforge/flow-engine';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSharedSegments } from '../catalog/useSharedSegments.js';
import { parseFilterText } from '../model/scope.js';
import { withOptional } from '../model/trigger.js';
import { artifactChoices, entityChoices } from '../ui/choices.js';
import { SelectControl, TextControl } from '../ui/controls.js';
import { useAutomationEditing } from '../ui/editing-context.js';
import { useTriggerChange } from './TriggerEditor.js';

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
  const { catalog, language } = useAutomationEditing();
  const change = useTriggerChange();
  // The filter is typed as JSON: the text is kept while it does not parse, the document takes each filter that does.
  const [filterText, setFilterText] = useState(() => (trigger.filter ? JSON.stringify(trigger.filter) : ''));
  const parsedFilter = parseFilterText(filterText);
  const segments = useSharedSegments(trigger.entity);
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
          // A filter reads the entity's fields: without an entity it means nothing. A segment is one entity's: another drops it.
          if (!entity) setFilterText('');
          const kept = withOptional(next, 'segment', undefined);
          change(entity ? kept : withOptional(kept, 'filter', undefined));
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
        <TextControl
          multiline
          label={t('trigger.filter')}
          control="trigger.filter"
          value={filterText}
          help={t('trigger.filterHelp')}
          error={parsedFilter === 'invalid' ? t('trigger.filterInvalid') : undefined}
          onChange={(text) => {
            setFilterText(text);
            const parsed = parseFilterText(text);
            if (parsed !== 'invalid') change(withOptional(trigger, 'filter', parsed.filter as RecordFilter | undefined), 'trigger.filter');
          }}
        />
      )}
    </>
  );
}
