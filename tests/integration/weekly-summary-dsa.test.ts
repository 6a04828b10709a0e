/**
 * Issue 21 through the built bundle: the weekly Doc's "DSA transparency figures" section (Art. 15(1)(d),
 * Art. 24(1)(a)) shows the week's complaints, out-of-court disputes and issued statements of reasons equal
 * to a count made here from what the test put in: the week is Berlin's (a complaint at 00:30 on Monday
 * 23 November is the next week's, though still Sunday in UTC), statements count by their application day.
 */
import { elementText } from '../../emulator/services/document-model';
import { caseIds } from '../security/support/record';
import { reachMenuItem } from '../support/automation-tracker';
import { call, OWNER } from '../support/intake-tracker';
import {
  docsNamed,
  fillClosedHistory,
  generateFromMenu,
  reportTracker,
  W47_NAME,
} from '../support/report-tracker';
import { newRequestId } from '../support/statement-tracker';

const complaint = (
  caseId: string,
  receivedAt: string,
  basis: string,
  decision: string,
  decidedAt: string,
) => ({
  requestId: newRequestId(),
  caseId,
  informedAt: '2026-11-16T12:00:00Z',
  receivedAt,
  channel: 'Email',
  basis,
  grounds: 'Die Entscheidung war falsch.',
  decision,
  decidedAt,
  decidedBy: decision ? 'rui.review@governance.example' : '',
});

test('the weekly Doc shows the DSA figures of the week, equal to an independent count', () => {
  const ctx = reportTracker();
  const ids = caseIds(ctx);
  const requests = [
    complaint(ids[0]!, '2026-11-17T10:00:00Z', 'Illegal content', 'Upheld', '2026-11-19T10:00:00Z'),
    complaint(ids[1]!, '2026-11-18T10:00:00Z', 'Terms and conditions', 'Reversed', '2026-11-22T10:00:00Z'),
    // 00:30 on Monday 23 November in Berlin: the next week.
    complaint(ids[2]!, '2026-11-22T23:30:00Z', 'Illegal content', '', ''),
  ];
  for (const r of requests) expect(call<{ ok: boolean }>(ctx, 'recordComplaint', r).ok).toBe(true);
  expect(
    call<{ ok: boolean }>(ctx, 'recordDispute', {
      requestId: 'weekly-dispute-1',
      complaintId: 'CP-1',
      body: 'Schlichtungsstelle',
      referredAt: '2026-11-20T10:00:00Z',
      outcome: 'Settled',
      decidedAt: '2026-11-21T22:00:00Z',
    }).ok,
  ).toBe(true);
  // Statement statuses as the export and submission leave them; one applied the week before.
  const header = ctx.cases.getRange(1, 1, 1, ctx.cases.getLastColumn()).getValues()[0]!.map(String);
  const col = (title: string) => header.indexOf(title) + 1;
  const statuses = ['Submitted', 'Exported', 'Not ready', 'Retry pending', 'Submitted'];
  statuses.forEach((s, i) => {
    ctx.cases.getRange(i + 2, col('Statement status')).setValue(s);
  });
  ctx.cases.getRange(6, col('Application date')).setValue(new Date('2026-11-12T12:00:00Z'));
  generateFromMenu(ctx);

  const doc = docsNamed(ctx.ws, W47_NAME)[0]!;
  const at = doc.body.findIndex(
    (e) => e.kind === 'paragraph' && elementText(e) === 'DSA transparency figures',
  );
  expect(at).toBeGreaterThan(0);
  // A section of the Doc like the others around it: the same heading level as Trend and the appendix.
  const headingOf = (text: string) =>
    doc.body.find((e) => e.kind === 'paragraph' && elementText(e) === text) as { heading?: string };
  expect(
    ['DSA transparency figures', 'Trend', 'Appendix: by policy and by market'].map(
      (text) => headingOf(text)?.heading,
    ),
  ).toEqual(['HEADING2', 'HEADING2', 'HEADING2']);
  const table = doc.body[at + 1]!;
  if (table.kind !== 'table') throw new Error('no table after the heading');
  const shown = Object.fromEntries(
    table.rows.map((row) => row.map((cell) => cell.paragraph.runs.map((r) => r.text).join(''))),
  );

  // The independent count: what was put in above, and the Lists tab's mapping of the form's policy/action.
  const inWeek = requests.filter((r) => r.receivedAt < '2026-11-22T23:00:00Z');
  const lists = ctx.ss.getSheetByName('Lists')!.getDataRange().getValues();
  const lh = lists[0]!.map(String);
  const listCell = (key: string, keyColumn: string, column: string) =>
    String(lists.find((r) => String(r[lh.indexOf(keyColumn)]) === key)?.[lh.indexOf(column)] ?? '');
  const policy = String(ctx.cases.getRange(2, col('Policy')).getValue());
  const action = String(ctx.cases.getRange(2, col('Enforcement action')).getValue());
  const issued = statuses.filter((s, i) => s !== 'Not ready' && i !== 4).length;
  expect(shown).toEqual({
    Figure: 'This week',
    'Complaints received': String(inWeek.length),
    'Complaints by basis': 'Illegal content: 1, Terms and conditions: 1',
    'Complaint decisions': 'Reversed: 1, Upheld: 1',
    'Decisions reversed': '1',
    // 2 and 4 days.
    'Median complaint handling time': '3 days',
    'Out-of-court disputes': '1',
    'Dispute outcomes': 'Settled: 1',
    'Median dispute time': '1.5 days',
    'Statements of reasons': String(issued),
    'Statements by category': `${listCell(policy, 'Policy', 'DSA category')}: ${issued}`,
    'Statements by restriction': `${listCell(action, 'Enforcement action', 'Restriction type')}: ${issued}`,
    'Statements by automation': `AUTOMATED_DECISION_NOT_AUTOMATED: ${issued}`,
  });
  expect(issued).toBe(3);

  // The menu item counts the same week the same way (one computation: server/transparency-inputs.ts).
  ctx.ws.answerNextDialog({ button: 'OK', text: '16/11/2026 to 22/11/2026' });
  ctx.ws.answerNextDialog({ button: 'OK' });
  const menu = String(reachMenuItem(ctx.ws, OWNER, ctx.spreadsheetId, 'DSA transparency figures')).split(
    '\n',
  );
  expect(menu[3]).toBe(
    `Statements of reasons: ${issued}; by category: ${listCell(policy, 'Policy', 'DSA category')} ${issued}; by restriction: ${listCell(action, 'Enforcement action', 'Restriction type')} ${issued}; by automation: AUTOMATED_DECISION_NOT_AUTOMATED ${issued}.`,
  );
  expect(menu[1]).toMatch(new RegExp(`^Complaints received: ${inWeek.length} `));
});

test('a statement issued in the week for a case long closed, outside every other window, is counted', () => {
  // The weekly read gives window columns only to the rows a window reaches (report-read-plan.ts); a case
  // closed months ago whose statement applies this week must still reach the DSA section, as in the menu.
  const ctx = reportTracker();
  // Enough of last year's closed cases that the read gives window columns to this year's rows only.
  fillClosedHistory(ctx, 3_000);
  const header = ctx.cases.getRange(1, 1, 1, ctx.cases.getLastColumn()).getValues()[0]!.map(String);
  const col = (title: string) => header.indexOf(title) + 1;
  const set = (row: number, title: string, value: unknown) =>
    ctx.cases.getRange(row, col(title)).setValue(value);
  set(2, 'Statement status', 'Submitted');
  const old = ctx.cases.getLastRow() - 1_000;
  expect(ctx.cases.getRange(old, col('Case ID')).getValue()).toMatch(/^CB-2025-/);
  set(old, 'Statement status', 'Exported');
  set(old, 'Application date', new Date('2026-11-18T12:00:00Z'));
  generateFromMenu(ctx);

  const doc = docsNamed(ctx.ws, W47_NAME)[0]!;
  const at = doc.body.findIndex(
    (e) => e.kind === 'paragraph' && elementText(e) === 'DSA transparency figures',
  );
  const table = doc.body[at + 1]!;
  if (table.kind !== 'table') throw new Error('no table after the heading');
  const shown = Object.fromEntries(
    table.rows.map((row) => row.map((cell) => cell.paragraph.runs.map((r) => r.text).join(''))),
  );
  expect(shown['Statements of reasons']).toBe('2');
  // Counted with its policy read, as every other statement is (last year's rows have no enforcement
  // action or automated decision, so those show as not given either way).
  expect(shown['Statements by category']).not.toMatch(/no category/);
  ctx.ws.answerNextDialog({ button: 'OK', text: '16/11/2026 to 22/11/2026' });
  ctx.ws.answerNextDialog({ button: 'OK' });
  const menu = String(reachMenuItem(ctx.ws, OWNER, ctx.spreadsheetId, 'DSA transparency figures')).split(
    '\n',
  );
  expect(menu[3]).toMatch(/^Statements of reasons: 2;/);
});
