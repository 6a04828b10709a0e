/**
 * The duplicate check of the New case form, through the built bundle: what counts as a possible duplicate
 * (same LIVE session; same seller and policy within the Settings window), the three choices a person can
 * make and how each is saved and audited, a case logged by someone else meanwhile, and fixed call costs.
 */
import { pendingAudit } from '../support/audit-channel';
import { call, callError, FIELDS, fillLibrary, type Tracker, tracker } from '../support/intake-tracker';

interface Match {
  caseId: string;
  row: number;
  reason: string;
  daysApart: number | null;
  description: string;
  url: string;
}
type Reply =
  | { ok: true; caseId: string; row: number; duplicateCheck: string }
  | { ok: false; errors: Record<string, string>; duplicates?: Match[] };

let sequence = 0;
const submit = (ctx: Tracker, fields: Record<string, string>, duplicateChoice?: unknown) =>
  call<Reply>(ctx, 'submitCase', {
    submissionId: `sub-dup-${String(++sequence).padStart(4, '0')}`,
    fields,
    ...(duplicateChoice === undefined ? {} : { duplicateChoice }),
  });
const find = (ctx: Tracker, probe: Record<string, string>) =>
  call<{ matches: Match[]; windowDays: number }>(ctx, 'findDuplicates', probe);
const probeOf = (fields: Record<string, string>) => ({
  sellerId: fields.sellerId ?? '',
  policy: fields.policy ?? '',
  liveDate: fields.liveDate ?? '',
  liveSessionId: fields.liveSessionId ?? '',
});

/** A tracker holding one case (CB-2026-00001: seller S-4711, Counterfeit goods, LIVE 2026-11-20, session L-77). */
function withFirstCase() {
  const ctx = tracker();
  const first = submit(ctx, { ...FIELDS, liveSessionId: 'L-77' });
  expect(first).toMatchObject({ ok: true, caseId: 'CB-2026-00001', row: 2, duplicateCheck: '' });
  return ctx;
}

const cell = (ctx: Tracker, row: number, header: string) =>
  ctx.cases.getRange(row, ctx.column(header)).getValue();

function lastAudit(ctx: Tracker): unknown[] {
  // Ops may not write the protected Audit log: entries wait in the audit channel for the owner's run.
  const e = pendingAudit(ctx.ws, ctx.spreadsheetId).at(-1)!;
  return [e.user, e.action, e.caseId, e.field, e.oldValue, e.newValue, e.details];
}

describe('what counts as a possible duplicate', () => {
  test('same seller and policy within the window, found however the seller ID and policy are typed', () => {
    const ctx = withFirstCase();
    const { matches, windowDays } = find(ctx, {
      sellerId: ' s-4711 ',
      policy: 'Counterfeit',
      liveDate: '2026-11-25',
      liveSessionId: '',
    });
    expect(windowDays).toBe(14);
    expect(matches).toEqual([
      {
        caseId: 'CB-2026-00001',
        row: 2,
        reason: 'sameSellerAndPolicy',
        daysApart: 5,
        policy: 'Counterfeit goods',
        liveDay: '2026-11-20',
        status: 'New',
        description: 'Same seller and policy, LIVE 5 days apart (New)',
        url: expect.stringMatching(/#gid=\d+&range=A2$/),
      },
    ]);
  });

  test('outside the window, another policy or another seller is not a duplicate', () => {
    const ctx = withFirstCase();
    const base = probeOf(FIELDS);
    expect(find(ctx, { ...base, liveDate: '2026-12-05' }).matches).toEqual([]); // 15 days
    expect(find(ctx, { ...base, liveDate: '2026-12-04' }).matches).toHaveLength(1); // 14 days
    expect(find(ctx, { ...base, policy: 'Misleading pricing' }).matches).toEqual([]);
    expect(find(ctx, { ...base, sellerId: 'S-4712' }).matches).toEqual([]);
  });

  test('the same LIVE session is a duplicate whatever the seller, policy or date', () => {
    const ctx = withFirstCase();
    const { matches } = find(ctx, { sellerId: 'S-9', policy: '', liveDate: '', liveSessionId: 'l-77' });
    expect(matches).toMatchObject([{ caseId: 'CB-2026-00001', reason: 'sameSession' }]);
    expect(matches[0]?.description).toBe('Same LIVE session (Counterfeit goods, 2026-11-20)');
  });

  test('the window comes from Settings', () => {
    const ctx = withFirstCase();
    const settings = ctx.ss.getSheetByName('Settings')!;
    const keys = settings.getRange(1, 1, settings.getLastRow(), 1).getValues().flat();
    settings.getRange(keys.indexOf('Duplicate window (days)') + 1, 2).setValue('3');
    const probe = { ...probeOf(FIELDS), liveDate: '2026-11-25' };
    expect(find(ctx, probe)).toEqual({ matches: [], windowDays: 3, complaints: { cases: [], problem: '' } });
    settings.getRange(keys.indexOf('Duplicate window (days)') + 1, 2).setValue('not a number');
    expect(find(ctx, probe).windowDays).toBe(14);
  });

  test('too little to compare asks nothing of the library; garbage is refused', () => {
    const ctx = withFirstCase();
    ctx.ws.ledger.reset();
    expect(find(ctx, { sellerId: 'S-4711', policy: '', liveDate: '', liveSessionId: '' }).matches).toEqual(
      [],
    );
    expect(callError(ctx, 'findDuplicates', 'S-4711')).toBe('request must be an object');
    expect(callError(ctx, 'findDuplicates', { summary: 'x' })).toContain('"summary" is not used');
    expect(callError(ctx, 'findDuplicates', { sellerId: 7 })).toBe('sellerId must be text');
    expect(callError(ctx, 'findDuplicates', { sellerId: 'x'.repeat(201) })).toContain('longer than 200');
  });
});

describe('saving a case that may be a duplicate', () => {
  test('without a decision nothing is written and the possible duplicates come back', () => {
    const ctx = withFirstCase();
    const reply = submit(ctx, { ...FIELDS, liveDate: '22/11/2026' });
    expect(reply).toMatchObject({ ok: false, errors: {}, duplicates: [{ caseId: 'CB-2026-00001' }] });
    expect(ctx.cases.getLastRow()).toBe(2);
  });

  test('"link as related": saved with the earlier case in Related cases, and audited', () => {
    const ctx = withFirstCase();
    const reply = submit(
      ctx,
      { ...FIELDS, liveDate: '22/11/2026', relatedCases: 'CB-2025-00009' },
      { kind: 'related', caseIds: ['CB-2026-00001'] },
    );
    expect(reply).toMatchObject({
      ok: true,
      caseId: 'CB-2026-00002',
      duplicateCheck: 'Linked as related to CB-2026-00001',
    });
    expect(cell(ctx, 3, 'Related cases')).toBe('CB-2025-00009, CB-2026-00001');
    expect(cell(ctx, 3, 'Duplicate of')).toBe('');
    expect(cell(ctx, 3, 'Duplicate check')).toBe('Linked as related to CB-2026-00001');
    expect(lastAudit(ctx)).toEqual([
      'ana.ops@governance.example',
      'Duplicate check',
      'CB-2026-00002',
      '',
      '',
      '',
      'Linked as related to CB-2026-00001',
    ]);
  });

  test('"mark as a duplicate": saved with Duplicate of set, and audited', () => {
    const ctx = withFirstCase();
    const reply = submit(
      ctx,
      { ...FIELDS, liveSessionId: 'L-77', sellerId: 'S-1' },
      {
        kind: 'duplicate',
        caseIds: ['CB-2026-00001'],
      },
    );
    expect(reply).toMatchObject({ ok: true, duplicateCheck: 'Marked as a duplicate of CB-2026-00001' });
    expect(cell(ctx, 3, 'Duplicate of')).toBe('CB-2026-00001');
    expect(cell(ctx, 3, 'Related cases')).toBe('CB-2026-00001');
    expect(lastAudit(ctx)[1]).toBe('Duplicate check');
  });

  test('"not a duplicate": needs a reason, which is saved and audited; formula-looking reasons stay text', () => {
    const ctx = withFirstCase();
    expect(
      callError(ctx, 'submitCase', {
        submissionId: 'sub-dup-reason',
        fields: { ...FIELDS, liveDate: '22/11/2026' },
        duplicateChoice: { kind: 'distinct', caseIds: ['CB-2026-00001'], reason: '  ' },
      }),
    ).toBe('duplicateChoice.reason must be non-empty text');
    expect(ctx.cases.getLastRow()).toBe(2);
    const reason = '=HYPERLINK("x") a second LIVE on another product';
    const reply = submit(
      ctx,
      { ...FIELDS, liveDate: '22/11/2026' },
      {
        kind: 'distinct',
        caseIds: ['CB-2026-00001'],
        reason,
      },
    );
    expect(reply).toMatchObject({ ok: true, caseId: 'CB-2026-00002' });
    expect(cell(ctx, 3, 'Duplicate check')).toBe(`Not a duplicate of CB-2026-00001: ${reason}`);
    expect(ctx.cases.getRange(3, ctx.column('Duplicate check')).getFormula()).toBe('');
    expect(cell(ctx, 3, 'Related cases')).toBe('');
    expect(lastAudit(ctx)[6]).toBe(`Not a duplicate of CB-2026-00001: ${reason}`);
  });

  test('a case logged by someone else after the form checked is caught when saving', () => {
    const ctx = tracker();
    const mine = { ...FIELDS, sellerId: 'S-5000' };
    expect(find(ctx, probeOf(mine)).matches).toEqual([]);
    expect(submit(ctx, { ...mine, summary: 'logged by a colleague' })).toMatchObject({ ok: true });
    const reply = submit(ctx, mine);
    expect(reply).toMatchObject({ ok: false, duplicates: [{ caseId: 'CB-2026-00001' }] });
    expect(ctx.cases.getLastRow()).toBe(2);
  });

  test('a decision about other cases than the ones found does not count; garbage choices are refused', () => {
    const ctx = withFirstCase();
    const fields = { ...FIELDS, liveDate: '22/11/2026' };
    expect(submit(ctx, fields, { kind: 'related', caseIds: ['CB-2026-00042'] })).toMatchObject({
      ok: false,
      duplicates: [{ caseId: 'CB-2026-00001' }],
    });
    for (const [choice, message] of [
      ['related', 'duplicateChoice must be an object'],
      [{ kind: 'merge', caseIds: [] }, 'duplicateChoice.kind must be related, duplicate or distinct'],
      [{ kind: 'related', caseIds: 'CB-2026-00001' }, 'duplicateChoice.caseIds must be a list'],
      [{ kind: 'related', caseIds: ['=A1'] }, 'duplicateChoice.caseIds must be case IDs'],
      [{ kind: 'related', caseIds: Array(6).fill('CB-2026-00001') }, 'has more than 5 items'],
    ] as [unknown, string][]) {
      expect(
        callError(ctx, 'submitCase', { submissionId: 'sub-dup-garbage', fields, duplicateChoice: choice }),
      ).toContain(message);
    }
    expect(ctx.cases.getLastRow()).toBe(2);
  });
});

describe('service-call budgets', () => {
  const ledgerAt = (size: number, work: (ctx: Tracker) => void) => {
    const ctx = tracker();
    fillLibrary(ctx, size);
    ctx.ws.ledger.reset();
    work(ctx);
    return ctx.ws.ledger.byMember();
  };

  test('the duplicate check costs the same at 100 and at 3,000 cases', () => {
    const check = (ctx: Tracker) => expect(find(ctx, probeOf(FIELDS)).matches).toEqual([]);
    expect(ledgerAt(3_000, check)).toEqual(ledgerAt(100, check));
  });

  test('opening the New case form costs the same at 100 and at 3,000 cases', () => {
    const open = (ctx: Tracker) => {
      call(ctx, 'showIntakeSidebar');
      expect(call<{ lists: { markets: string[] } }>(ctx, 'getIntakeOptions').lists.markets).toContain('DE');
    };
    expect(ledgerAt(3_000, open)).toEqual(ledgerAt(100, open));
  });

  test('saving with a duplicate decision costs the same at 100 and at 3,000 cases', () => {
    const save = (ctx: Tracker) => {
      // Case 50 of the library becomes the earlier case this one duplicates.
      ctx.cases.getRange(51, ctx.column('Seller ID'), 1, 1).setValue('S-4711');
      ctx.cases.getRange(51, ctx.column('Policy')).setValue('Counterfeit goods');
      ctx.cases.getRange(51, ctx.column('LIVE date')).setValue(new Date(Date.UTC(2026, 10, 19)));
      ctx.ws.ledger.reset();
      expect(submit(ctx, FIELDS, { kind: 'related', caseIds: ['CB-2026-00050'] })).toMatchObject({
        ok: true,
      });
    };
    expect(ledgerAt(3_000, save)).toEqual(ledgerAt(100, save));
  });
});
