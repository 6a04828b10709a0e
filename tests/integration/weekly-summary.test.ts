/**
 * Issue 7 through the built bundle: "Generate weekly summary" from the menu (default last week, a typed
 * week, garbage) and from the hourly dispatcher at the Settings weekday and hour in Berlin (on time,
 * doubled, late, early), one Doc per week whatever happens (replaced in place, in the Settings folder,
 * people's copies left alone), the Reports tab and the Audit log, managers mailed once (the mail quota
 * deferring, never losing), personal data only when Settings allows it, Settings mistakes named before
 * anything is written, and a fixed service-call budget at 10,000 cases. Saves the rendered Doc as HTML.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { clickMenuItem } from '../../emulator';
import { renderDocument } from '../../emulator/playground/documents';
import { elementText } from '../../emulator/services/document-model';
import { LIBRARY_FIELDS, WINDOW_FIELDS } from '../../src/core/report/report-cases';
import { auditRows, HOUR, typeSetting } from '../support/automation-tracker';
import { OWNER } from '../support/intake-tracker';
import { cellsMoved } from '../support/ledger-cells';
import {
  BOSS,
  CFO,
  DAY,
  docsNamed,
  docText,
  fillClosedHistory,
  fillRealisticLibrary,
  generateFromMenu,
  hourlyRunAt,
  MONDAY_7_BERLIN,
  mailTo,
  type ReportTracker,
  reportsRows,
  reportTracker,
  SHOP,
  W47_NAME,
} from '../support/report-tracker';

const lastPrompt = (ctx: ReportTracker) => ctx.ws.ui.dialogs.filter((d) => d.kind === 'prompt').at(-1);
const lastAlert = (ctx: ReportTracker) => ctx.ws.ui.dialogs.filter((d) => d.kind === 'alert').at(-1);
const reportAudit = (ctx: ReportTracker) => auditRows(ctx).filter((r) => r[2] === 'Weekly summary');

describe('the menu', () => {
  test('blank = last week: one Doc in the Settings folder, a Reports row, an audit entry, the managers mailed', () => {
    const ctx = reportTracker();
    // Enough cases for every section of the Doc (escalations, patterns, notable cases) to have something.
    fillRealisticLibrary(ctx, 400);
    const said = generateFromMenu(ctx);
    expect(lastPrompt(ctx)).toMatchObject({
      title: 'Generate weekly summary',
      prompt: 'Which ISO week? (default 2026-W47 = last week)',
      buttons: 'OK_CANCEL',
    });
    const [doc, ...others] = docsNamed(ctx.ws, W47_NAME);
    expect(others).toEqual([]);
    expect(doc!.parents).toEqual([ctx.folderId]);
    expect(doc!.owner).toBe(OWNER);
    const url = `https://docs.google.com/document/d/${doc!.id}/edit`;
    expect(said).toBe(`Created "${W47_NAME}":\n${url}\nSent the summary to ${BOSS}, ${CFO}.`);
    expect(lastAlert(ctx)?.prompt).toBe(said);

    const text = docText(doc!);
    expect(text.startsWith('Weekly summary 2026-W47')).toBe(true);
    expect(text).toContain('Monday 16 November to Sunday 22 November 2026 (Europe/Berlin)');
    // The Definitions heading carries a bookmark, and every "Definitions" link points at it.
    const definitions = doc!.body.find(
      (e) => e.kind === 'paragraph' && docText({ ...doc!, body: [e] }) === 'Definitions',
    );
    const [bookmark] = (definitions as { bookmarks?: string[] }).bookmarks ?? [];
    expect(bookmark).toMatch(/^id\./);
    const links = doc!.body.flatMap((e) => (e.kind === 'table' ? [] : e.runs.map((r) => r.linkUrl)));
    expect(links.filter((l) => l === `#bookmark=${bookmark}`).length).toBeGreaterThanOrEqual(3);
    expect(text).not.toContain('docs/weekly-summary.md');
    expect(doc!.body.some((e) => e.kind === 'table')).toBe(true);
    expect(doc!.body.some((e) => e.kind === 'paragraph' && e.inline?.kind === 'image')).toBe(true);
    // Docs follows an appended table with an empty paragraph (gas-fakes test/testdocsnext.js); a heading or
    // paragraph right after a table is written into it, so no table is followed by a stray blank line
    // unless a list, an image or the end of the Doc comes next.
    doc!.body.forEach((element, i) => {
      if (element.kind !== 'table') return;
      const next = doc!.body[i + 1];
      expect(next?.kind).toBe('paragraph');
      const blank = next?.kind === 'paragraph' && next.inline === null && elementText(next) === '';
      const after = doc!.body[i + 2];
      if (blank)
        expect(after === undefined || after.kind !== 'paragraph' || after.inline !== null).toBe(true);
    });

    expect(reportsRows(ctx)).toEqual([
      [
        '2026-W47',
        W47_NAME,
        url,
        new Date(MONDAY_7_BERLIN - HOUR).toISOString(),
        OWNER,
        'Menu',
        `${BOSS}, ${CFO}`,
      ],
    ]);
    expect(reportAudit(ctx)).toHaveLength(1);
    expect(reportAudit(ctx)[0]).toEqual(
      expect.arrayContaining([OWNER, `Created ${W47_NAME}: ${url}`, 'Menu']),
    );
    for (const manager of [BOSS, CFO]) {
      expect(mailTo(ctx.ws, manager)).toHaveLength(1);
      expect(mailTo(ctx.ws, manager)[0]).toMatchObject({ from: OWNER, subject: W47_NAME, htmlBody: null });
      // Plain text: the headline as the Doc words it, the ranked actions, the Doc and the tracker.
      const body = mailTo(ctx.ws, manager)[0]?.body ?? '';
      expect(body).toContain(`The Doc: ${url}`);
      expect(body).toContain(`The tracker: ${ctx.ss.getUrl()}`);
      const headline = doc!.body[3]!;
      expect(body).toContain(`Headline\n${docText({ ...doc!, body: [headline] })}\n`);
      expect(body).toMatch(/\nNeeds a decision\n(1\. .+ Risk \d+ \u00d7 \d+ \u00d7 \d+ = \d+\.\n)+/);
    }

    const html = renderDocument(ctx.ws, doc!.id);
    expect(html).toContain('2026-W47');
    const out = path.resolve(__dirname, '../../test-output/docs');
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'weekly-summary-2026-W47.html'), html);
  });

  test('a typed week makes that week; "w46" means this year', () => {
    const ctx = reportTracker();
    generateFromMenu(ctx, '2026-W46');
    expect(docsNamed(ctx.ws, 'Casebook weekly 2026-W46 - Tracker')).toHaveLength(1);
    generateFromMenu(ctx, 'w45');
    expect(docsNamed(ctx.ws, 'Casebook weekly 2026-W45 - Tracker')).toHaveLength(1);
    expect(reportsRows(ctx).map((r) => r[0])).toEqual(['2026-W46', '2026-W45']);
  });

  test('garbage, a week that has not started, or Cancel: said, and nothing is written', () => {
    const ctx = reportTracker();
    const docsBefore = ctx.ws.documents.size;
    const auditBefore = auditRows(ctx).length;
    expect(generateFromMenu(ctx, 'next week')).toBe(
      '"next week" is not an ISO week: write it like 2026-W47. Nothing was generated.',
    );
    expect(generateFromMenu(ctx, '2026-W60')).toBe(
      '2026 has weeks 1 to 53, not week 60. Nothing was generated.',
    );
    expect(generateFromMenu(ctx, '2026-W50')).toBe(
      '2026-W50 has not started yet: choose 2026-W48 or an earlier week. Nothing was generated.',
    );
    ctx.ws.answerNextDialog({ button: 'CANCEL' });
    ctx.ws.ui.dialogs.length = 0;
    clickMenuItem(ctx.ws, {
      user: OWNER,
      spreadsheetId: ctx.spreadsheetId,
      caption: 'Generate weekly summary',
    });
    expect(ctx.ws.ui.dialogs.map((d) => d.kind)).toEqual(['prompt']);
    expect(ctx.ws.documents.size).toBe(docsBefore);
    expect(reportsRows(ctx)).toEqual([]);
    expect(auditRows(ctx)).toHaveLength(auditBefore);
    expect(ctx.ws.mail).toEqual([]);
  });

  test('the same week twice leaves one Doc: same ID, content replaced, one Reports row; a copy someone made is left alone', () => {
    const ctx = reportTracker();
    generateFromMenu(ctx);
    const [first] = docsNamed(ctx.ws, W47_NAME);
    // Someone keeps a copy of the same name in the folder.
    const copy = ctx.ws.createDocument({ name: W47_NAME, owner: OWNER });
    copy.parents = [ctx.folderId];
    const copyBody = JSON.stringify(copy.body);
    ctx.ws.clock.advance(HOUR);
    const said = generateFromMenu(ctx);
    expect(said.startsWith(`Replaced "${W47_NAME}":`)).toBe(true);
    const docs = docsNamed(ctx.ws, W47_NAME);
    expect(docs.map((d) => d.id)).toEqual([first!.id, copy.id]);
    expect(copy.trashed).toBe(false);
    expect(JSON.stringify(copy.body)).toBe(copyBody);
    // Not appended twice: the title once.
    expect(docText(first!).split('Weekly summary 2026-W47')).toHaveLength(2);
    // Regenerated: the managers already have this week's mail and the link still works.
    expect(said).toContain(`Nobody was mailed. Already mailed this week, so not again: ${BOSS}, ${CFO}.`);
    expect([BOSS, CFO].map((m) => mailTo(ctx.ws, m).length)).toEqual([1, 1]);
    const rows = reportsRows(ctx);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.[3]).toBe(new Date(MONDAY_7_BERLIN).toISOString());
    expect(reportAudit(ctx).map((r) => r[7]?.split(':')[0])).toEqual([
      `Created ${W47_NAME}`,
      `Replaced ${W47_NAME}`,
    ]);
  });

  test('without its Reports row, the Doc of that name in the folder is reused', () => {
    const ctx = reportTracker();
    generateFromMenu(ctx);
    const [first] = docsNamed(ctx.ws, W47_NAME);
    const reports = ctx.ss.getSheetByName('Reports')!;
    reports.deleteRow(2);
    generateFromMenu(ctx);
    expect(docsNamed(ctx.ws, W47_NAME).map((d) => d.id)).toEqual([first!.id]);
    expect(reportsRows(ctx)).toHaveLength(1);
  });

  test('a busy script lock generates nothing and says so', () => {
    const ctx = reportTracker();
    // Another execution (the owner's hourly run, say) holds the script lock the whole time.
    ctx.ws.locks.set('script', { holder: { isEnded: false } });
    expect(generateFromMenu(ctx)).toMatch(/^Casebook is busy: the hourly run or another weekly summary/);
    expect(docsNamed(ctx.ws, W47_NAME)).toEqual([]);
    expect(reportsRows(ctx)).toEqual([]);
  });
});

describe('personal data', () => {
  test('No (the default): seller IDs only, no shop name in the Doc', () => {
    const ctx = reportTracker();
    generateFromMenu(ctx);
    const text = docText(docsNamed(ctx.ws, W47_NAME)[0]!);
    expect(text).toContain('S-');
    expect(text).not.toContain(SHOP);
  });

  test('Yes: the shop name is there', () => {
    const ctx = reportTracker({ 'Personal data in reports': 'Yes' });
    generateFromMenu(ctx);
    expect(docText(docsNamed(ctx.ws, W47_NAME)[0]!)).toContain(SHOP);
  });
});

describe('Settings mistakes are named before anything is written', () => {
  test.each([
    ['Weekly report day', 'Funday', 'Settings "Weekly report day": "Funday" is not a weekday'],
    ['Weekly report hour', '25', 'Settings "Weekly report hour": "25" is not an hour'],
    [
      'Report folder ID',
      'my reports folder',
      'Settings "Report folder ID": "my reports folder" is not a Drive folder ID',
    ],
    ['Managers', 'boss@governance.example, the boss', 'Settings "Managers": "the" is not an email address'],
    ['Personal data in reports', 'maybe', 'Settings "Personal data in reports": "maybe" must be Yes or No'],
  ])('%s = %p', (key, value, problem) => {
    const ctx = reportTracker({ [key]: value });
    const docsBefore = ctx.ws.documents.size;
    const auditBefore = auditRows(ctx).length;
    ctx.ws.answerNextDialog({ button: 'OK' });
    const said = clickMenuItem(ctx.ws, {
      user: OWNER,
      spreadsheetId: ctx.spreadsheetId,
      caption: 'Generate weekly summary',
    }) as string;
    expect(said).toContain(problem);
    expect(said).toMatch(/^Fix the Settings tab first, nothing was generated: /);
    expect(ctx.ws.ui.dialogs.filter((d) => d.kind === 'prompt')).toEqual([]);
    expect(ctx.ws.documents.size).toBe(docsBefore);
    expect(reportsRows(ctx)).toEqual([]);
    expect(auditRows(ctx)).toHaveLength(auditBefore);
    expect(ctx.ws.mail).toEqual([]);
  });

  test('a folder ID no folder has (or someone else’s folder): named, no Doc created', () => {
    const ctx = reportTracker({ 'Report folder ID': '1NoSuchFolderAbCdEfGh' });
    const docsBefore = ctx.ws.documents.size;
    expect(generateFromMenu(ctx)).toBe(
      'Settings "Report folder ID": no Drive folder "1NoSuchFolderAbCdEfGh" that you can open. Check the ID, ask the folder’s owner to share it with you, or leave it blank for your Drive root.',
    );
    expect(ctx.ws.documents.size).toBe(docsBefore);
    expect(reportsRows(ctx)).toEqual([]);
  });

  test('a blank folder means the Drive root', () => {
    const ctx = reportTracker({ 'Report folder ID': '' });
    generateFromMenu(ctx);
    expect(docsNamed(ctx.ws, W47_NAME).map((d) => d.parents)).toEqual([[]]);
  });
});

describe('the hourly dispatcher (Settings: Monday 07:00, Europe/Berlin)', () => {
  test('before the hour nothing; at 07:05 one Doc; a doubled run in the same hour and the next hours add nothing', () => {
    const ctx = reportTracker();
    hourlyRunAt(ctx, MONDAY_7_BERLIN - 30 * 60_000); // 06:30 Berlin
    expect(docsNamed(ctx.ws, W47_NAME)).toEqual([]);
    expect(reportsRows(ctx)).toEqual([]);
    hourlyRunAt(ctx, MONDAY_7_BERLIN + 5 * 60_000);
    expect(docsNamed(ctx.ws, W47_NAME)).toHaveLength(1);
    hourlyRunAt(ctx, MONDAY_7_BERLIN + 20 * 60_000);
    for (let hour = 1; hour <= 5; hour++) hourlyRunAt(ctx, MONDAY_7_BERLIN + hour * HOUR + 5 * 60_000);
    expect(docsNamed(ctx.ws, W47_NAME)).toHaveLength(1);
    expect(reportsRows(ctx)).toHaveLength(1);
    expect(reportsRows(ctx)[0]?.slice(4, 7)).toEqual([OWNER, 'Automation', `${BOSS}, ${CFO}`]);
    expect(mailTo(ctx.ws, BOSS)).toHaveLength(1);
    expect(mailTo(ctx.ws, CFO)).toHaveLength(1);
    expect(reportAudit(ctx)).toHaveLength(1);
  });

  test('a late run (the trigger missed Monday, fires Tuesday) makes that week once; the next Monday makes the next', () => {
    const ctx = reportTracker();
    hourlyRunAt(ctx, MONDAY_7_BERLIN - 30 * 60_000);
    hourlyRunAt(ctx, MONDAY_7_BERLIN + DAY + 3 * HOUR);
    hourlyRunAt(ctx, MONDAY_7_BERLIN + DAY + 4 * HOUR);
    hourlyRunAt(ctx, MONDAY_7_BERLIN + 6 * DAY);
    expect(docsNamed(ctx.ws, W47_NAME)).toHaveLength(1);
    expect(mailTo(ctx.ws, BOSS)).toHaveLength(1);
    hourlyRunAt(ctx, MONDAY_7_BERLIN + 7 * DAY + 5 * 60_000);
    expect(docsNamed(ctx.ws, 'Casebook weekly 2026-W48 - Tracker')).toHaveLength(1);
    expect(reportsRows(ctx).map((r) => r[0])).toEqual(['2026-W47', '2026-W48']);
  });

  test('another weekday and hour in Settings: Friday 16:00 Berlin', () => {
    const ctx = reportTracker({ 'Weekly report day': 'Fri', 'Weekly report hour': '16' });
    const friday16 = MONDAY_7_BERLIN + 4 * DAY + 9 * HOUR;
    hourlyRunAt(ctx, friday16 - HOUR);
    hourlyRunAt(ctx, friday16 - 10 * 60_000);
    expect(reportsRows(ctx)).toEqual([]);
    hourlyRunAt(ctx, friday16 + 10 * 60_000);
    expect(reportsRows(ctx).map((r) => r[0])).toEqual(['2026-W47']);
  });

  test('turned on mid-week, it does not make last week’s Doc at once', () => {
    const ctx = reportTracker({}, MONDAY_7_BERLIN + 2 * DAY);
    hourlyRunAt(ctx, MONDAY_7_BERLIN + 2 * DAY + HOUR);
    hourlyRunAt(ctx, MONDAY_7_BERLIN + 2 * DAY + 2 * HOUR);
    expect(reportsRows(ctx)).toEqual([]);
  });

  test('made from the menu after the scheduled hour: the hourly run does not make it again', () => {
    const ctx = reportTracker();
    hourlyRunAt(ctx, MONDAY_7_BERLIN - 30 * 60_000);
    ctx.ws.clock.set(MONDAY_7_BERLIN + 10 * 60_000);
    generateFromMenu(ctx);
    hourlyRunAt(ctx, MONDAY_7_BERLIN + 30 * 60_000);
    hourlyRunAt(ctx, MONDAY_7_BERLIN + 90 * 60_000);
    expect(reportAudit(ctx)).toHaveLength(1);
    expect(mailTo(ctx.ws, BOSS)).toHaveLength(1);
  });

  test('regenerated from the menu after the scheduled run: the Doc is replaced, nobody is mailed twice', () => {
    const ctx = reportTracker();
    const COO = 'coo@governance.example';
    hourlyRunAt(ctx, MONDAY_7_BERLIN - 30 * 60_000);
    hourlyRunAt(ctx, MONDAY_7_BERLIN + 5 * 60_000);
    expect([BOSS, CFO].map((m) => mailTo(ctx.ws, m).length)).toEqual([1, 1]);
    // A manager is added to Settings before the deputy regenerates the week by hand, twice.
    typeSetting(ctx, 'Managers', `${BOSS}, ${CFO}, ${COO}`);
    ctx.ws.clock.set(MONDAY_7_BERLIN + 40 * 60_000);
    const said = generateFromMenu(ctx);
    expect(said).toContain(`Replaced "${W47_NAME}"`);
    expect(said).toContain(
      `Sent the summary to ${COO}. Already mailed this week, so not again: ${BOSS}, ${CFO}.`,
    );
    generateFromMenu(ctx);
    hourlyRunAt(ctx, MONDAY_7_BERLIN + 90 * 60_000);
    expect([BOSS, CFO, COO].map((m) => mailTo(ctx.ws, m).length)).toEqual([1, 1, 1]);
    expect(reportsRows(ctx)[0]?.[6]).toBe(`${BOSS}, ${CFO}, ${COO}`);
    expect(docsNamed(ctx.ws, W47_NAME)).toHaveLength(1);
  });

  test('mail quota used up: the Doc is made, the links wait, the next runs with quota send each exactly once', () => {
    const ctx = reportTracker();
    hourlyRunAt(ctx, MONDAY_7_BERLIN - 30 * 60_000);
    ctx.ws.getUser(OWNER).mailRecipientsPerDay = 1;
    hourlyRunAt(ctx, MONDAY_7_BERLIN + 5 * 60_000);
    expect(docsNamed(ctx.ws, W47_NAME)).toHaveLength(1);
    expect(mailTo(ctx.ws, BOSS)).toHaveLength(1);
    expect(mailTo(ctx.ws, CFO)).toEqual([]);
    expect(reportsRows(ctx)[0]?.[6]).toBe(`${BOSS}; waiting for mail quota: ${CFO}`);
    ctx.ws.getUser(OWNER).mailRecipientsPerDay = 0;
    hourlyRunAt(ctx, MONDAY_7_BERLIN + HOUR + 5 * 60_000);
    expect(mailTo(ctx.ws, CFO)).toEqual([]);
    ctx.ws.getUser(OWNER).mailRecipientsPerDay = 1500;
    hourlyRunAt(ctx, MONDAY_7_BERLIN + 2 * HOUR + 5 * 60_000);
    hourlyRunAt(ctx, MONDAY_7_BERLIN + 2 * HOUR + 20 * 60_000);
    hourlyRunAt(ctx, MONDAY_7_BERLIN + 3 * HOUR + 5 * 60_000);
    expect(mailTo(ctx.ws, BOSS)).toHaveLength(1);
    expect(mailTo(ctx.ws, CFO)).toHaveLength(1);
    expect(mailTo(ctx.ws, CFO)[0]?.body).toContain(reportsRows(ctx)[0]?.[2]);
    expect(reportsRows(ctx)[0]?.[6]).toBe(`${BOSS}, ${CFO}`);
    expect(docsNamed(ctx.ws, W47_NAME)).toHaveLength(1);
    expect(auditRows(ctx).filter((r) => /^Weekly summary 2026-W47 link to/.test(r[7] ?? ''))).toHaveLength(2);
  });

  test('quota used up from the menu before the hour: the scheduled run’s mail settles the waiting links', () => {
    const ctx = reportTracker();
    hourlyRunAt(ctx, MONDAY_7_BERLIN - 30 * 60_000);
    ctx.ws.getUser(OWNER).mailRecipientsPerDay = 0;
    ctx.ws.clock.set(MONDAY_7_BERLIN - 20 * 60_000);
    expect(generateFromMenu(ctx)).toMatch(
      /The mail quota is used up: managers still waiting get the link from the next hourly run/,
    );
    ctx.ws.getUser(OWNER).mailRecipientsPerDay = 1500;
    // The scheduled run at 07:50 regenerates (the menu's Doc was made before 07:00) and mails the same Doc's
    // link: the waiting ones are settled by it, not sent on top.
    hourlyRunAt(ctx, MONDAY_7_BERLIN + 50 * 60_000);
    expect(docsNamed(ctx.ws, W47_NAME)).toHaveLength(1);
    expect([BOSS, CFO].map((m) => mailTo(ctx.ws, m).length)).toEqual([1, 1]);
    hourlyRunAt(ctx, MONDAY_7_BERLIN + 2 * HOUR);
    expect([BOSS, CFO].map((m) => mailTo(ctx.ws, m).length)).toEqual([1, 1]);
    expect(reportsRows(ctx)[0]?.slice(5)).toEqual(['Automation', `${BOSS}, ${CFO}`]);
  });

  test('quota used up from the menu after the hour: the next hourly run delivers the waiting links, once', () => {
    const ctx = reportTracker();
    hourlyRunAt(ctx, MONDAY_7_BERLIN - 30 * 60_000);
    hourlyRunAt(ctx, MONDAY_7_BERLIN + 5 * 60_000);
    expect([BOSS, CFO].map((m) => mailTo(ctx.ws, m).length)).toEqual([1, 1]);
    // Someone regenerates W46 by hand while the quota is gone.
    ctx.ws.getUser(OWNER).mailRecipientsPerDay = 0;
    ctx.ws.clock.set(MONDAY_7_BERLIN + 20 * 60_000);
    generateFromMenu(ctx, '2026-W46');
    expect(reportsRows(ctx)[1]?.[6]).toBe(`waiting for mail quota: ${BOSS}, ${CFO}`);
    ctx.ws.getUser(OWNER).mailRecipientsPerDay = 1500;
    hourlyRunAt(ctx, MONDAY_7_BERLIN + HOUR + 5 * 60_000);
    hourlyRunAt(ctx, MONDAY_7_BERLIN + 2 * HOUR + 5 * 60_000);
    const w46 = (to: string) => mailTo(ctx.ws, to).filter((m) => m.subject.includes('2026-W46'));
    expect([w46(BOSS).length, w46(CFO).length]).toEqual([1, 1]);
    expect(reportsRows(ctx)[1]?.[6]).toBe(`${BOSS}, ${CFO}`);
  });

  test('a bad Settings value: the hourly run makes nothing and logs why', () => {
    const ctx = reportTracker({ 'Weekly report hour': '25' });
    hourlyRunAt(ctx, MONDAY_7_BERLIN - 30 * 60_000);
    hourlyRunAt(ctx, MONDAY_7_BERLIN + 5 * 60_000);
    expect(reportsRows(ctx)).toEqual([]);
    expect(
      ctx.ws.logs.some((l) => /weekly summaries wait until the Settings tab is fixed/.test(l.message)),
    ).toBe(true);
  });
});

describe('cost', () => {
  /**
   * One generation of W47 with personal data on a library filled by `fill`: calls, by member, cells. With
   * `withoutApi`, the Sheets API read fails, so the summary reads with SpreadsheetApp only.
   */
  function generationCost(size: number, fill: (ctx: ReportTracker) => void, withoutApi = false) {
    const ctx = reportTracker();
    fill(ctx);
    typeSetting(ctx, 'Personal data in reports', 'Yes');
    if (withoutApi) ctx.ws.faults.failOn(BATCH_GET, 1, new Error('Service unavailable: Sheets'));
    ctx.ws.ledger.reset();
    generateFromMenu(ctx);
    const text = docText(docsNamed(ctx.ws, W47_NAME)[0]!);
    return {
      size,
      calls: ctx.ws.ledger.calls().length,
      byMember: ctx.ws.ledger.byMember(),
      characters: text.length,
      cellsRead: cellsMoved(ctx.ws.ledger).read,
    };
  }
  const sheetsCalls = (c: ReturnType<typeof generationCost>) =>
    Object.entries(c.byMember)
      .filter(([member]) => /^(Spreadsheet|Sheet|Range)/.test(member))
      .reduce((sum, [, n]) => sum + n, 0);
  /**
   * Reads of a run of adjacent columns over all rows: 8 runs of the stage-1 columns and 2 of the columns
   * that tell an issued statement (transparency-inputs.ts); 8 of the window ones (the DSA section's action
   * and automated decision fill the gaps that split them in 9 without it).
   */
  const LIBRARY_RUNS = 8 + 2;
  const WINDOW_RUNS = 8;
  const BATCH_GET = 'Sheets.Spreadsheets.Values.batchGet';

  test('generation stays within a fixed service-call budget at 100 and at 10,000 cases, reading only the report columns', () => {
    const costs = [100, 10_000].map((size) => generationCost(size, (ctx) => fillRealisticLibrary(ctx, size)));
    for (const cost of costs) {
      expect(cost.calls).toBeLessThanOrEqual(BUDGET);
      // The other tabs once each (5), the Cases header, one read per run of adjacent stage-1 columns (their
      // ranges named in one getRangeList), then the window columns (below), and the audit drain's read of
      // the rows its lines take.
      expect(cost.byMember['Range.getValues']).toBeLessThanOrEqual(5 + 1 + LIBRARY_RUNS + 1 + 1);
      expect(cost.byMember['Sheet.getRangeList']).toBe(1);
      // The DSA section reads the Lists tab's policy/action mapping in one getSheetValues.
      expect(cost.byMember['Sheet.getSheetValues']).toBe(1);
      expect(cost.byMember['Body.appendTable'] ?? 0).toBeLessThanOrEqual(12);
      // Every seal, the log's and the run's own entries', is computed in script (adapters/seal-key.ts):
      // no Utilities round trip per entry, however long the log.
      expect(cost.byMember['Utilities.computeHmacSha256Signature'] ?? 0).toBe(0);
      expect(cost.byMember['Utilities.base64Encode'] ?? 0).toBe(0);
      // Styles go in one setAttributes per element or run, never one setter per attribute.
      for (const member of [
        'ListItem.setGlyphType',
        'Text.setBold',
        'Text.setForegroundColor',
        'TableRow.editAsText',
        // A table before a paragraph is inserted in front of it: its trailing paragraph is never looked up.
        'Table.getNextSibling',
        'Paragraph.asParagraph',
      ])
        expect({ member, calls: cost.byMember[member] ?? 0 }).toEqual({ member, calls: 0 });
      expect(cost.characters).toBeLessThan(60_000);
    }
    const [small, large] = costs as [(typeof costs)[number], (typeof costs)[number]];
    // The window columns: at 100 rows one block (runs with a few columns between are one read); at 10,000,
    // where every row reaches the windows (nine weeks), all their runs in one Sheets API Values.batchGet
    // (with the spreadsheet's ID and time zone for its dates), priced lower than a read a run.
    expect(small.byMember['Range.getValues']).toBe(5 + 1 + LIBRARY_RUNS + 1 + 1);
    expect(small.byMember[BATCH_GET] ?? 0).toBe(0);
    expect(large.byMember['Range.getValues']).toBe(5 + 1 + LIBRARY_RUNS + 1);
    expect(large.byMember[BATCH_GET]).toBe(1);
    // Every row reaches the windows, so cells grow by all the report's 25 columns per case and the DSA
    // section's 4 (of the tab's 64); the small library's runs read together add a few thousand cells,
    // under one a row at 10,000.
    expect(Math.round((large.cellsRead - small.cellsRead) / (large.size - small.size))).toBe(25 + 4);
  }, 240_000);

  test('without the Sheets API (its call fails), the same budget with SpreadsheetApp reads: a read per column run', () => {
    const costs = [100, 10_000].map((size) =>
      generationCost(size, (ctx) => fillRealisticLibrary(ctx, size), true),
    );
    const [small, large] = costs as [(typeof costs)[number], (typeof costs)[number]];
    // The budget, and at 10,000 the failed try: the spreadsheet's ID and time zone and the batchGet.
    for (const cost of costs) expect(cost.calls).toBeLessThanOrEqual(BUDGET + 3);
    expect(large.byMember[BATCH_GET]).toBe(1);
    // Stage 1 one read per run of adjacent columns (ranges named in one getRangeList); the window columns at
    // 100 rows one block (runs with a few columns between are one read), at 10,000, where every row reaches
    // the windows (nine weeks), one read per run in a second getRangeList.
    expect(small.byMember['Range.getValues']).toBe(5 + 1 + LIBRARY_RUNS + 1 + 1);
    expect(small.byMember['Sheet.getRangeList']).toBe(1);
    expect(large.byMember['Range.getValues']).toBe(5 + 1 + LIBRARY_RUNS + WINDOW_RUNS + 1);
    expect(large.byMember['Sheet.getRangeList']).toBe(2);
    // Every row reaches the windows, so cells grow by all the report's 25 columns per case and the DSA
    // section's 4 (of the tab's 64); the small library's runs read together add a few thousand cells,
    // under one a row at 10,000.
    expect(Math.round((large.cellsRead - small.cellsRead) / (large.size - small.size))).toBe(25 + 4);
  }, 240_000);

  test('a case outside every window costs only the stage-1 columns, at two library sizes', () => {
    const costs = [1_000, 3_000].map((size) =>
      generationCost(size, (ctx) => {
        fillRealisticLibrary(ctx, 100);
        fillClosedHistory(ctx, size);
      }),
    );
    const [small, large] = costs as [(typeof costs)[number], (typeof costs)[number]];
    // Last year's closed cases add exactly the whole-library columns per row and the two that tell an
    // issued statement (transparency-inputs.ts), no window column.
    expect((large.cellsRead - small.cellsRead) / (large.size - small.size)).toBe(LIBRARY_FIELDS.length + 2);
    expect(LIBRARY_FIELDS.length).toBe(10);
    // And no call: the window columns are read for the same rows (this year's) at both sizes.
    expect(sheetsCalls(large)).toBe(sheetsCalls(small));
    expect(large.calls).toBe(small.calls);
  }, 240_000);

  /** Last year's closed cases with one in `every` still open (scattered through the old rows, as in a real library). */
  function fillHistoryWithOpenOnes(ctx: ReportTracker, size: number, every: number): number {
    const first = ctx.cases.getLastRow() + 1;
    fillClosedHistory(ctx, size);
    let open = 0;
    for (let row = first + every - 1; row < first + size; row += every) {
      ctx.cases.getRange(row, ctx.column('Status')).setValue('In review');
      ctx.cases.getRange(row, ctx.column('Resolved at')).setValue('');
      open += 1;
    }
    return open;
  }

  test('old open cases scattered through the library cost their window columns only, in one batchGet, at two sizes', () => {
    const costs = [2_600, 7_800].map((size) => {
      let open = 0;
      const cost = generationCost(size, (ctx) => {
        fillRealisticLibrary(ctx, 100);
        open = fillHistoryWithOpenOnes(ctx, size, 260);
      });
      return { ...cost, open };
    });
    const [small, large] = costs as [(typeof costs)[number], (typeof costs)[number]];
    expect([small.open, large.open]).toEqual([10, 30]);
    // Rows that reach no window add the stage-1 columns only; each scattered open row adds the same few
    // cells of its window columns (one range of the row, the columns between read along), never a read.
    const stage1 = (LIBRARY_FIELDS.length + 2) * (large.size - small.size);
    const perOpenRow = (large.cellsRead - small.cellsRead - stage1) / (large.open - small.open);
    expect(Number.isInteger(perOpenRow)).toBe(true);
    expect(perOpenRow).toBeGreaterThanOrEqual(WINDOW_FIELDS.length);
    expect(perOpenRow).toBeLessThan(64);
    expect(large.byMember[BATCH_GET]).toBe(1);
    expect(small.byMember[BATCH_GET]).toBe(1);
    expect(sheetsCalls(large)).toBe(sheetsCalls(small));
    expect(large.calls).toBe(small.calls);
  }, 240_000);

  test('when the Sheets API call fails, the summary reads the window rows with SpreadsheetApp: the same report', () => {
    // One tracker generated twice at the same instant (the seller IDs of logged cases differ between trackers).
    const ctx = reportTracker();
    fillRealisticLibrary(ctx, 100);
    fillHistoryWithOpenOnes(ctx, 2_600, 260);
    typeSetting(ctx, 'Personal data in reports', 'Yes');
    const at = ctx.ws.clock.now();
    const build = (failApi: boolean) => {
      ctx.ws.clock.set(at);
      ctx.ws.ledger.reset();
      if (failApi)
        ctx.ws.faults.failOn(BATCH_GET, 1, new Error('Service Spreadsheets failed while accessing document'));
      generateFromMenu(ctx);
      return { text: docText(docsNamed(ctx.ws, W47_NAME)[0]!), byMember: ctx.ws.ledger.byMember() };
    };
    const fallback = build(true);
    const viaApi = build(false);
    expect(viaApi.byMember[BATCH_GET]).toBe(1);
    expect(fallback.byMember[BATCH_GET]).toBe(1);
    expect(fallback.byMember['Range.getValues']).toBeGreaterThan(
      viaApi.byMember['Range.getValues'] as number,
    );
    // The Doc names its generation time, the same in both (the clock is the test's).
    expect(fallback.text).toBe(viaApi.text);
  }, 240_000);
});

/**
 * Service calls one generation may make, whatever the library's size: about 40 on the Sheets side (each
 * tab read once), the rest Docs calls, bounded by the layout's caps (tables are one call each; lists hold
 * at most 15 items of a few calls each). 100 cases take 308 today, 50,000 cases 328 (more list items), the
 * DSA transparency section's 10 among them (5 Sheets calls: the Lists mapping's lookup and one-call read,
 * the two register tabs' lookups, the statement columns' run; 5 Docs calls: its heading and table).
 */
const BUDGET = 335;
