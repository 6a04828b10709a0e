/**
 * Once per week per manager (docs/weekly-summary.md, "Mail to managers"): who already has a week's mail
 * (sent before, or sent from the quota queue) is not mailed again, addresses compare without case or
 * spaces, and the memory keeps the latest weeks only.
 */
import {
  emptyState,
  MAX_MAILED_WEEKS,
  parseState,
  serialiseState,
} from '../../src/core/automation/dispatcher-state';
import { alreadyMailed, managersToMail, rememberMailed } from '../../src/core/report/mail-once';

test('a manager mailed for a week is not mailed again for it; other weeks are separate', () => {
  const state = emptyState();
  expect(managersToMail(['boss@x.eu', 'cfo@x.eu'], alreadyMailed(state, '2026-W47'))).toEqual([
    'boss@x.eu',
    'cfo@x.eu',
  ]);
  expect(rememberMailed(state, '2026-W47', ['boss@x.eu'])).toBe(true);
  expect(managersToMail(['Boss@X.eu ', 'cfo@x.eu'], alreadyMailed(state, '2026-W47'))).toEqual(['cfo@x.eu']);
  expect(managersToMail(['boss@x.eu'], alreadyMailed(state, '2026-W46'))).toEqual(['boss@x.eu']);
  expect(rememberMailed(state, '2026-W47', [])).toBe(false);
  rememberMailed(state, '2026-W47', ['cfo@x.eu', 'BOSS@x.eu']);
  expect(state.reportMailed).toEqual([{ week: '2026-W47', managers: ['boss@x.eu', 'cfo@x.eu'] }]);
});

test('a manager listed twice in Settings is mailed once', () => {
  expect(managersToMail(['a@x.eu', 'A@x.eu', 'b@x.eu'], [])).toEqual(['a@x.eu', 'b@x.eu']);
});

test('those the quota queue already reached count as mailed', () => {
  const state = emptyState();
  state.pendingReportMail = [
    { week: '2026-W47', docName: 'D', url: 'https://d', recipients: ['cfo@x.eu'], notified: ['boss@x.eu'] },
  ];
  expect(managersToMail(['boss@x.eu', 'cfo@x.eu'], alreadyMailed(state, '2026-W47'))).toEqual(['cfo@x.eu']);
});

test('the memory survives storage, drops malformed entries and keeps the latest weeks', () => {
  const state = emptyState();
  for (let week = 1; week <= MAX_MAILED_WEEKS + 3; week++)
    rememberMailed(state, `2026-W${String(week).padStart(2, '0')}`, ['boss@x.eu']);
  const stored = JSON.parse(serialiseState(state));
  stored.reportMailed.push({ week: '', managers: ['x'] }, { week: '2026-W40' }, 'junk');
  const read = parseState(JSON.stringify(stored));
  expect(read.reportMailed).toHaveLength(MAX_MAILED_WEEKS);
  expect(read.reportMailed?.[0]?.week).toBe('2026-W04');
  expect(alreadyMailed(read, '2026-W15')).toEqual(['boss@x.eu']);
  expect(alreadyMailed(read, '2026-W03')).toEqual([]);
});
