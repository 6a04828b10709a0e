/**
 * Issue 21 through the built bundle: out-of-court disputes (Art. 21 DSA) recorded with recordDispute. A new
 * dispute gets its 90/180-day clock; bad input is refused with nothing written; text stays text; an outcome
 * for the complainant restores the case from its sealed record, audited once; a repeated request and a
 * viewer's request write nothing.
 */

import { fingerprint } from '../security/support/fingerprint';
import {
  callAs,
  caseCell,
  caseHistory,
  type DisputeTracker,
  disputeRows,
  disputeTracker,
} from '../support/dispute-tracker';
import { cellsMoved } from '../support/ledger-cells';
import { OWNER } from '../support/statement-tracker';

const dispute = (overrides: Record<string, unknown> = {}) => ({
  requestId: 'dispute-request-1',
  complaintId: 'CP-1',
  body: 'Online Dispute Resolution Board e.V.',
  referredAt: '2026-11-20T10:00:00Z',
  ...overrides,
});

const record = (ctx: DisputeTracker, request: unknown, user = OWNER) =>
  callAs<Record<string, unknown>>(ctx, 'recordDispute', request, user);

const actions = (ctx: DisputeTracker, caseId: string) =>
  caseHistory(ctx, caseId)
    .map((h) => h.action)
    .filter((a) => a.startsWith('Dispute'));

test('a new dispute is stored with its 90-day clock (180 if complex) and audited on its case', () => {
  const ctx = disputeTracker(3, [{}, { caseId: 'CB-2026-00003' }]);
  // Referred Friday 20 November (Berlin): the 90th day is 18 February, the 180th 19 May (summer time).
  expect(record(ctx, dispute())).toEqual({
    ok: true,
    disputeId: 'DS-1',
    caseId: 'CB-2026-00002',
    decisionDueAt: '2027-02-18T22:59:59.999Z',
    outcome: '',
    caseChanged: [],
  });
  expect(
    record(ctx, dispute({ requestId: 'dispute-request-2', complaintId: 'CP-2', complex: true })),
  ).toMatchObject({
    ok: true,
    disputeId: 'DS-2',
    caseId: 'CB-2026-00003',
    decisionDueAt: '2027-05-19T21:59:59.999Z',
  });
  expect(disputeRows(ctx).map((r) => [r['Dispute ID'], r['Complaint ID'], r['Case ID'], r.Complex])).toEqual([
    ['DS-1', 'CP-1', 'CB-2026-00002', 'No'],
    ['DS-2', 'CP-2', 'CB-2026-00003', 'Yes'],
  ]);
  expect(actions(ctx, 'CB-2026-00002')).toEqual(['Dispute referred']);
  expect(caseCell(ctx, 'CB-2026-00002', 'Appeal status')).toBe('Upheld');
});

test('bad input gets a specific answer and writes nothing', () => {
  const ctx = disputeTracker(3, [{}]);
  const before = fingerprint(ctx);
  expect(record(ctx, dispute({ complaintId: 'CP-9' }))).toEqual({
    ok: false,
    problems: ['there is no complaint CP-9 in the register'],
  });
  expect(record(ctx, dispute({ body: ' ', referredAt: '2026-11-01T10:00:00Z', outcome: 'Won' }))).toEqual({
    ok: false,
    problems: [
      'a dispute must name the out-of-court body it was referred to',
      'the dispute is referred before complaint CP-1 was received',
      'outcome "Won" is not one of In favour of the complainant, In favour of the platform, Settled, Withdrawn',
      'a dispute with an outcome needs the date the body decided',
    ],
  });
  expect(record(ctx, dispute({ outcome: 'Settled', decidedAt: '2026-11-19T10:00:00Z' }))).toEqual({
    ok: false,
    problems: ['the dispute is decided before it was referred'],
  });
  expect(
    record(ctx, dispute({ disputeId: 'DS-4', outcome: 'Settled', decidedAt: '2026-12-01T10:00:00Z' })),
  ).toEqual({
    ok: false,
    problems: ['there is no dispute DS-4'],
  });
  for (const [request, message] of [
    [dispute({ requestId: 'x' }), 'requestId must be 8-64 letters, digits, - or _'],
    [dispute({ referredAt: 'next Tuesday' }), 'referredAt "next Tuesday" is not a date-time.'],
    [dispute({ referredAt: undefined }), 'referredAt is required (an ISO date-time).'],
    [dispute({ complaintId: '=A1' }), 'complaintId must be a complaint ID such as CP-12'],
    [dispute({ complex: 'yes' }), 'complex must be true or false'],
  ] as const)
    expect(() => record(ctx, request)).toThrow(message);
  expect(fingerprint(ctx)).toEqual(before);
});

test('an outcome for the complainant restores the case from its record, audited once; a repeat changes nothing', () => {
  const ctx = disputeTracker(3, [{}]);
  const body = '=HYPERLINK("https://evil.example","ODR")';
  expect(record(ctx, dispute({ body })).ok).toBe(true);
  // Someone types "restored" over the case in the sheet: the outcome is decided from the sealed record.
  ctx.cases.getRange(3, ctx.column('Appeal status')).setValue('Overturned');
  ctx.cases.getRange(3, ctx.column('Misjudgement')).setValue('Yes');
  const outcome = dispute({
    requestId: 'dispute-outcome-1',
    disputeId: 'DS-1',
    outcome: 'In favour of the complainant',
    decidedAt: '2027-01-15T10:00:00Z',
  });
  expect(record(ctx, outcome)).toEqual({
    ok: true,
    disputeId: 'DS-1',
    caseId: 'CB-2026-00002',
    decisionDueAt: '2027-02-18T22:59:59.999Z',
    outcome: 'In favour of the complainant',
    caseChanged: ['appealStatus', 'misjudgement', 'overturnReason'],
  });
  expect([
    caseCell(ctx, 'CB-2026-00002', 'Appeal status'),
    caseCell(ctx, 'CB-2026-00002', 'Misjudgement'),
  ]).toEqual(['Overturned', 'Yes']);
  const [row] = disputeRows(ctx);
  expect([row?.Body, row?.Outcome]).toEqual([body, 'In favour of the complainant']);
  const sheet = ctx.ss.getSheetByName('Disputes')!;
  expect(
    sheet
      .getDataRange()
      .getFormulas()
      .flat()
      .every((f) => f === ''),
  ).toBe(true);
  expect(String(caseCell(ctx, 'CB-2026-00002', 'Overturn reason'))).toBe(
    `Out-of-court body ${body} decided in favour of the complainant on dispute DS-1 (complaint CP-1)`,
  );
  const once = [
    'Dispute outcome restored the case',
    'Dispute outcome restored the case',
    'Dispute outcome restored the case',
    'Dispute decided',
    'Dispute referred',
  ];
  expect(actions(ctx, 'CB-2026-00002').sort()).toEqual([...once].sort());
  // The same request again, and a different outcome: nothing more is written.
  const before = fingerprint(ctx);
  expect(record(ctx, outcome)).toMatchObject({ ok: true, caseChanged: [] });
  expect(record(ctx, { ...outcome, requestId: 'dispute-outcome-2', outcome: 'Settled' })).toEqual({
    ok: false,
    problems: ['dispute DS-1 is already decided: In favour of the complainant'],
  });
  expect(fingerprint(ctx).sheets).toEqual(before.sheets);
  expect(actions(ctx, 'CB-2026-00002').sort()).toEqual([...once].sort());
});

test('a viewer cannot record a dispute or its outcome: refused, nothing written', () => {
  const ctx = disputeTracker(3, [{}, { caseId: 'CB-2026-00003' }]);
  const viewer = 'rui.view@governance.example';
  ctx.ws.addUser(viewer);
  ctx.ws.shareSpreadsheet(ctx.spreadsheetId, viewer, 'viewer');
  // The first dispute of the tracker: the viewer's run may not make the Disputes tab.
  const empty = fingerprint(ctx);
  expect(() => record(ctx, dispute({ requestId: 'viewer-first-1' }), viewer)).toThrow(
    'You can view this tracker but not edit it, so nothing was saved.',
  );
  expect(ctx.ss.getSheetByName('Disputes')).toBeNull();
  expect(fingerprint(ctx)).toEqual(empty);
  expect(record(ctx, dispute({ complaintId: 'CP-2' })).ok).toBe(true);
  const before = fingerprint(ctx);
  expect(() =>
    record(
      ctx,
      dispute({
        requestId: 'viewer-request-1',
        outcome: 'In favour of the complainant',
        decidedAt: '2027-01-15T10:00:00Z',
      }),
      viewer,
    ),
  ).toThrow('You can view this tracker but not edit it, so nothing was saved.');
  expect(() =>
    record(
      ctx,
      dispute({
        disputeId: 'DS-1',
        complaintId: 'CP-2',
        outcome: 'Settled',
        decidedAt: '2027-01-15T10:00:00Z',
      }),
      viewer,
    ),
  ).toThrow('You can view this tracker but not edit it, so nothing was saved.');
  expect(fingerprint(ctx)).toEqual(before);
});

test('recording a dispute costs the same calls at 40 and 160 cases with a fuller register; cells grow only by the dispute IDs', () => {
  const costs = [
    { cases: 40, complaints: 5, disputes: 2 },
    { cases: 160, complaints: 30, disputes: 12 },
  ].map((size) => {
    const ctx = disputeTracker(
      size.cases,
      Array.from({ length: size.complaints }, (_, i) => ({
        caseId: `CB-2026-${String((i % size.cases) + 1).padStart(5, '0')}`,
      })),
    );
    for (let i = 0; i < size.disputes; i += 1)
      expect(
        record(
          ctx,
          dispute({ requestId: `earlier-dispute-${i}`, complaintId: `CP-${(i % size.complaints) + 1}` }),
        ).ok,
      ).toBe(true);
    ctx.ws.ledger.reset();
    const complaintId = `CP-${size.complaints}`;
    expect(
      record(
        ctx,
        dispute({
          requestId: 'measured-dispute',
          complaintId,
          outcome: 'In favour of the complainant',
          decidedAt: '2027-01-15T10:00:00Z',
        }),
      ),
    ).toMatchObject({ ok: true, caseChanged: ['appealStatus', 'misjudgement', 'overturnReason'] });
    return { calls: ctx.ws.ledger.calls(), cells: cellsMoved(ctx.ws.ledger), disputes: size.disputes };
  });
  const [small, large] = costs as [(typeof costs)[number], (typeof costs)[number]];
  // The Disputes tab exists in the larger tracker already; the smaller one makes it (tab, formats, header).
  const made = [
    'Spreadsheet.insertSheet',
    'Range.setNumberFormat',
    'Range.setFontWeight',
    'Sheet.setFrozenRows',
  ];
  const calls = (c: (typeof costs)[number]) => c.calls.filter((m) => !made.includes(m)).length;
  expect(Math.abs(calls(large) - calls(small))).toBeLessThanOrEqual(4);
  expect(large.calls.length).toBeLessThan(120);
  // Reads: the same rows near the case and the one complaint and dispute rows; the dispute ID column grows.
  expect(large.cells.read - small.cells.read).toBeLessThanOrEqual(large.disputes + 60);
  expect(large.cells.written).toBeLessThanOrEqual(small.cells.written);
});
