import { messageProblems } from '@bankforge/app-shell/testing';
import { describe, expect, it } from 'vitest';
import { approvalMessages } from '../approval/locales.js';
import { casesMessages } from '../cases/locales.js';
import { dashboardMessages } from '../dashboard/locales.js';
import { listMessages } from '../entity-list/locales.js';
import { inboxMessages } from '../inbox/locales.js';
import { loginMessages } from '../login/locales.js';
import { notificationMessages } from '../notifications/locales.js';
import { recordMessages } from '../record/locales.js';
import { record360Messages } from '../record-360/locales.js';
import { taskMessages } from '../task/locales.js';
import { trailMessages } from '../trail/locales.js';
import { transferMessages } from '../record/transfer/locales.js';
import { shellMessages } from './locales.js';

describe.each([
  ['shell', shellMessages],
  ['login', loginMessages],
  ['list', listMessages],
  ['record', recordMessages],
  ['record360', record360Messages],
  ['approval', approvalMessages],
  ['inbox', inboxMessages],
  ['task', taskMessages],
  ['trail', trailMessages],
  ['cases', casesMessages],
  ['notifications', notificationMessages],
  ['transfer', transferMessages],
  ['dashboard', dashboardMessages],
])('%s messages', (_name, messages) => {
  it('has every key in both languages, none empty', () => {
    expect(messageProblems(messages)).toEqual([]);
  });
});
