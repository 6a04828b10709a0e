/**
 * The next case ID through the built bundle (issue 19, point 1): a counter in the tracker's document
 * properties, set once from the Case ID column, never handing out an ID the column holds, whatever a
 * legacy import or a pasted row put there (found with a TextFinder, case and spaces ignored).
 */
import { callServerFunction } from '../../emulator';
import { documentProperties } from '../support/audit-channel';
import { FIELDS, fillLibrary, type Tracker, tracker } from '../support/intake-tracker';

const COUNTER = 'casebook.caseSequence.2026';

let submissions = 0;
function submitNew(ctx: Tracker): string {
  submissions += 1;
  const reply = callServerFunction(ctx.ws, ctx.session, 'submitCase', [
    {
      submissionId: `counter-${String(submissions).padStart(4, '0')}`,
      fields: { ...FIELDS, sellerId: `S-COUNTER-${submissions}` },
    },
  ]);
  if (!reply.ok) throw new Error(reply.error.message);
  const value = reply.value as { ok: boolean; caseId: string };
  if (!value.ok) throw new Error(JSON.stringify(value));
  return value.caseId;
}

/** A row put straight into the sheet, as a paste or another tool would: only its case ID. */
function pasteRow(ctx: Tracker, caseId: string): void {
  const row = ctx.cases.getLastRow() + 1;
  ctx.cases.getRange(row, ctx.column('Case ID')).setValue(caseId);
}

test('the counter is set from the column once, then advanced without reading the column', () => {
  const ctx = tracker();
  fillLibrary(ctx, 30);
  const store = documentProperties(ctx.ws, ctx.spreadsheetId);
  expect(store.has(COUNTER)).toBe(false);
  ctx.ws.ledger.reset();
  expect(submitNew(ctx)).toBe('CB-2026-00031');
  const firstCells = ctx.ws.ledger.cells();
  expect(store.get(COUNTER)).toBe('31');
  ctx.ws.ledger.reset();
  expect(submitNew(ctx)).toBe('CB-2026-00032');
  // The first read the Case ID column (30 rows and the header's row count); the second did not.
  expect(firstCells - ctx.ws.ledger.cells()).toBeGreaterThanOrEqual(30);
  expect(firstCells - ctx.ws.ledger.cells()).toBeLessThanOrEqual(31);
  expect(store.get(COUNTER)).toBe('32');
});

test('a pasted row holding the next ID, in other case and with spaces, is skipped: the counter takes up from the column', () => {
  const ctx = tracker();
  expect(submitNew(ctx)).toBe('CB-2026-00001');
  pasteRow(ctx, ' cb-2026-00002 ');
  pasteRow(ctx, 'CB-2026-00009');
  expect(submitNew(ctx)).toBe('CB-2026-00010');
  expect(submitNew(ctx)).toBe('CB-2026-00011');
});

test('a longer ID that holds the next one does not take it; one padded with Unicode spaces does, found in one search', () => {
  const ctx = tracker();
  expect(submitNew(ctx)).toBe('CB-2026-00001');
  pasteRow(ctx, 'CB-2026-000020');
  pasteRow(ctx, '\u00a0cb-2026-00003\u2003');
  ctx.ws.ledger.reset();
  expect(submitNew(ctx)).toBe('CB-2026-00002');
  // The cell holding CB-2026-00002 inside a longer ID is not asked for its row: the search is exact.
  expect(ctx.ws.ledger.calls()).not.toContain('Range.getRow');
  // CB-2026-00003 is taken once trimmed: the counter takes up past the column's highest (000020).
  expect(submitNew(ctx)).toBe('CB-2026-00021');
});

test('a counter lost or set back never hands out an ID the column holds', () => {
  const ctx = tracker();
  for (let i = 0; i < 3; i++) submitNew(ctx);
  const store = documentProperties(ctx.ws, ctx.spreadsheetId);
  store.delete(COUNTER);
  expect(submitNew(ctx)).toBe('CB-2026-00004');
  store.set(COUNTER, '1');
  expect(submitNew(ctx)).toBe('CB-2026-00005');
  const ids = ctx.cases
    .getRange(2, ctx.column('Case ID'), ctx.cases.getLastRow() - 1, 1)
    .getValues()
    .map(([id]) => id);
  expect(new Set(ids).size).toBe(ids.length);
});
