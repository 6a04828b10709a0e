/**
 * Menu "Validate library", through the built bundle: one planted error of each rule, exact marks, then
 * fixed and validated again; a fixed service-call budget at 100 and 250 cases (one chunk), cells by the row.
 */
import { cellsMoved } from '../support/ledger-cells';
import {
  type Case,
  trackerWithSetup,
  validate,
  validCase,
  putCases as writeCases,
} from '../support/validate-tracker';

const PLANTED: [string, (c: Case) => void][] = [
  ['required', (c) => Object.assign(c, { Summary: '' })],
  ['required (conditional)', (c) => Object.assign(c, { Status: 'Escalated' })],
  ['allowedValue', (c) => Object.assign(c, { Market: 'Atlantis' })],
  ['format', (c) => Object.assign(c, { 'Seller ID': 'seller #9' })],
  ['tooLong', (c) => Object.assign(c, { Summary: 'x'.repeat(5001) })],
  ['dsaRestriction', (c) => Object.assign(c, { 'Enforcement action': 'Mystery action' })],
  [
    'restrictionEnd',
    (c) =>
      Object.assign(c, {
        'Enforcement action': 'Account suspended',
        // The LIVE's own day: not before the LIVE (another rule), but not after the decision either.
        'Restriction end date': new Date(Date.UTC(2026, 10, 1)),
      }),
  ],
  [
    'overturnedIsMisjudgement',
    (c) =>
      Object.assign(c, {
        'Appeal status': 'Overturned',
        Misjudgement: 'No',
        'Overturn reason': 'Wrong match',
      }),
  ],
  [
    'dsaDateLimit',
    (c) =>
      Object.assign(c, {
        'Enforcement action': 'Traffic restricted',
        'Restriction end date': new Date(Date.UTC(2040, 0, 1)),
      }),
  ],
];

test('one planted error of each rule gives exactly the expected marks; fixing them clears the marks', () => {
  const ctx = trackerWithSetup();
  // An admin adds an action whose DSA mapping is wrong (visibility type, account decision).
  const lists = ctx.ss.getSheetByName('Lists')!;
  const actionColumn =
    (lists.getRange(1, 1, 1, lists.getLastColumn()).getValues()[0] as string[]).indexOf(
      'Enforcement action',
    ) + 1;
  const firstFreeRow =
    lists
      .getRange(1, actionColumn, lists.getMaxRows(), 1)
      .getValues()
      .findIndex((row) => row[0] === '') + 1;
  lists
    .getRange(firstFreeRow, actionColumn, 1, 4)
    .setValues([['Mystery action', 'visibility', 'DECISION_ACCOUNT_SUSPENDED', 'No']]);

  const rows = [
    validCase(1),
    ...PLANTED.map(([, plant], i) => {
      const c = validCase(i + 2);
      plant(c);
      return c;
    }),
    validCase(20),
  ];
  writeCases(ctx, rows);
  const column = (header: string) => ctx.headers.indexOf(header) + 1;
  ctx.cases.getRange(2, column('Summary')).setNote('Checked with legal');

  const summary = validate(ctx);
  expect(summary).toMatchObject({ rowsChecked: 11, invalidRows: 9 });
  expect(summary.byRule).toEqual({
    required: 2,
    allowedValue: 1,
    format: 1,
    tooLong: 1,
    dsaRestriction: 1,
    restrictionEnd: 1,
    overturnedIsMisjudgement: 1,
    dsaDateLimit: 1,
  });
  const issues = ctx.cases
    .getRange(2, column('Validation issues'), rows.length, 1)
    .getValues()
    .map((r) => r[0]);
  expect(issues).toEqual([
    '',
    'Summary',
    'Escalated to',
    'Market',
    'Seller ID',
    'Summary',
    'Enforcement action',
    'Restriction end date',
    'Misjudgement',
    'Restriction end date',
    '',
  ]);
  expect(ctx.cases.getRange(3, column('Summary')).getNote()).toBe('Casebook: Summary is required');
  expect(ctx.cases.getRange(5, column('Market')).getNote()).toBe(
    'Casebook: "Atlantis" is not in the Market list',
  );
  expect(ctx.cases.getRange(9, column('Restriction end date')).getNote()).toBe(
    'Casebook: The restriction must end after the decision',
  );
  expect(ctx.cases.getRange(2, column('Summary')).getNote()).toBe('Checked with legal');
  expect(ctx.ws.ui.toasts.at(-1)?.message).toMatch(
    /^Checked 11 cases: 9 need fixing \(Required field missing: 2;/,
  );

  // Fix every row and run again: marks go, the person's note stays.
  writeCases(
    ctx,
    rows.map((_, i) => validCase(i + 1)),
  );
  expect(validate(ctx)).toMatchObject({
    rowsChecked: 11,
    invalidRows: 0,
    message: 'Checked 11 cases: all valid.',
  });
  expect(
    ctx.cases
      .getRange(2, column('Validation issues'), rows.length, 1)
      .getValues()
      .flat()
      .every((v) => v === ''),
  ).toBe(true);
  expect(ctx.cases.getRange(5, column('Market')).getNote()).toBe('');
  expect(ctx.cases.getRange(2, column('Summary')).getNote()).toBe('Checked with legal');
});

test('validating costs the same service calls at 100 and 250 cases (one chunk), cells growing with the rows', () => {
  const costAt = (n: number) => {
    const ctx = trackerWithSetup();
    writeCases(
      ctx,
      Array.from({ length: n }, (_, i) => validCase(i + 1)),
    );
    ctx.ws.ledger.reset();
    const summary = validate(ctx);
    expect(summary.rowsChecked).toBe(n);
    return { calls: ctx.ws.ledger.byMember(), cells: cellsMoved(ctx.ws.ledger), width: ctx.headers.length };
  };
  const small = costAt(100);
  const large = costAt(250);
  expect(large.calls).toEqual(small.calls);
  expect(Object.values(small.calls).reduce((a, b) => a + b, 0)).toBeLessThan(45);
  // A valid library: nothing written; each more row read once: its ID, its values and its notes.
  expect(small.cells.written).toBe(0);
  expect(large.cells.written).toBe(0);
  expect(large.cells.read - small.cells.read).toBe(150 * (1 + 2 * small.width));
});
