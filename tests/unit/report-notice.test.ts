/**
 * What managers are mailed when a weekly summary is ready, what the Reports tab says about who has the
 * link, and the generation time on the tracker's wall clock.
 */
import { notifiedText, reportNotice, wallClockText } from '../../src/core/report/report-notice';

test('the mail: the Doc name as subject; the headline, the ranked actions and both links in plain text', () => {
  const notice = reportNotice({
    docName: 'Casebook weekly 2026-W47 - EU tracker',
    week: { year: 2026, week: 47 },
    label: '2026-W47',
    url: 'https://docs.google.com/document/d/abc/edit',
    trackerName: 'EU tracker',
    trackerUrl: 'https://docs.google.com/spreadsheets/d/t1/edit',
    story: {
      headline: 'The open backlog grew by 4.',
      actions: ['2 P1 cases past their SLA.', 'Backlog grew.'],
    },
  });
  expect(notice).toEqual({
    subject: 'Casebook weekly 2026-W47 - EU tracker',
    body: [
      'The Casebook weekly summary for 2026-W47 (2026-11-16 to 2026-11-22), EU tracker.',
      '',
      'Headline',
      'The open backlog grew by 4.',
      '',
      'Needs a decision',
      '1. 2 P1 cases past their SLA.',
      '2. Backlog grew.',
      '',
      'The Doc: https://docs.google.com/document/d/abc/edit',
      'The tracker: https://docs.google.com/spreadsheets/d/t1/edit',
      '',
      "You receive this because you are listed under Managers on the tracker's Settings tab. It comes once a week: when the Doc is generated again, it is updated at the same link.",
    ].join('\n'),
  });
  expect(notice.body).not.toMatch(/<[a-z]/i);
});

test("a link that waited for mail quota points to the Doc's first page; no actions says so", () => {
  const base = {
    docName: 'D',
    week: { year: 2026, week: 47 },
    label: '2026-W47',
    url: 'https://docs.google.com/document/d/abc/edit',
    trackerName: 'EU tracker',
  };
  expect(reportNotice(base).body).toContain(
    'The headline and the actions that need a decision are on the first page of the Doc.',
  );
  expect(reportNotice({ ...base, story: { headline: 'Calm.', actions: [] } }).body).toContain(
    'Needs a decision\nNothing this week needs a decision beyond the usual work.',
  );
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
