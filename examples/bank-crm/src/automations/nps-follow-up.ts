import type { AutomationDefinition } from '@bankforge/flow-engine';
import { text } from '../entities/labels.js';
import { daysFromToday } from './feel.js';

/** NPS scores at or below this are detractors: the RM follows up. */
export const NPS_DETRACTOR = 6;

/** A complaint's satisfaction survey answered 6 or less: a follow-up task for the RM who logged it. */
export const npsFollowUpAutomation: AutomationDefinition = {
  kind: 'automation',
  key: 'nps_follow_up',
  title: 'Follow up a low NPS score',
  label: text('Follow up a low NPS score', '净推荐值低分回访'),
  description: text('A complaint survey answered 6 or less opens a follow-up task for the RM, due in 3 days.', '投诉回访评分 6 分及以下时，为客户经理创建 3 天内完成的回访任务。'),
  trigger: { type: 'record', entity: 'complaint_ticket', on: ['updated'], condition: `list contains(changed, "nps_score") and new.nps_score != null and new.nps_score <= ${NPS_DETRACTOR}` },
  actions: [
    {
      id: 'open_follow_up',
      type: 'createRecord',
      as: 'task',
      entity: 'rm_task',
      values: { customer: 'record.customer', kind: '"follow_up"', subject: '"NPS " + string(record.nps_score) + ": " + record.summary', due_on: daysFromToday(3), status: '"open"' },
    },
    {
      id: 'tell_rm',
      type: 'notify',
      to: { owner: true },
      message: text('A complaint was scored {nps_score} out of 10 ({summary}): a follow-up is due in 3 days.', '投诉回访评分 {nps_score} 分（{summary}），请在 3 天内回访。'),
    },
  ],
};
