/**
 * What managers are mailed when a weekly summary is ready, what the Reports tab says about who has the
 * link, and the generation time on the tracker's wall clock.
 */
import { notifiedText, reportNotice, wallClockText } from '../../src/core/report/report-notice';

test('the mail: the Doc name as subject, the week, its dates and the link in plain text', () => {
  const notice = reportNotice({
    docName: 'Casebook weekly 2026-W47 - EU tracker',
    week: { year: 2026, week: 47 },
    label: '2026-W47',
    url: 'https://docs.google.com/document/d/abc/edit',
    trackerName: 'EU tracker',
  });
  expect(notice).toEqual({
    subject: 'Casebook weekly 2026-W47 - EU tracker',
    body: [
      'The Casebook weekly summary for 2026-W47 (2026-11-16 to 2026-11-22) is ready:',
      'https://docs.google.com/document/d/abc/edit',
      '',
      'Tracker: EU tracker',
      "You receive this because you are listed under Managers on the tracker's Settings tab.",
    ].join('\n'),
  });
});

test.each([
  [[], [], 'Nobody: no Managers in Settings'],
  [['a@x.eu', 'b@x.eu'], [], 'a@x.eu, b@x.eu'],
  [['a@x.eu'], ['b@x.eu'], 'a@x.eu; waiting for mail quota: b@x.eu'],
  [[], ['a@x.eu', 'b@x.eu'], 'waiting for mail quota: a@x.eu, b@x.eu'],
])('notified %p, waiting %p: %p', (notified, waiting, text) => {
  expect(notifiedText(notified, waiting)).toBe(text);
});

test('the generation time as the tracker’s wall clock shows it', () => {
  expect(wallClockText(Date.UTC(2026, 10, 23, 6, 5), 'Europe/Berlin')).toBe('2026-11-23 07:05');
  expect(wallClockText(Date.UTC(2026, 6, 6, 5, 0), 'Europe/Berlin')).toBe('2026-07-06 07:00');
  expect(wallClockText(Date.UTC(2026, 10, 22, 18, 0), 'Pacific/Auckland')).toBe('2026-11-23 07:00');
});
