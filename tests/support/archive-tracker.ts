/**
 * A tracker whose owner set "Archive closed cases after (days)" and a report folder, with automation on;
 * the steps the archive tests repeat (close a case through the case sidebar, let days pass) and what they
 * read back: the live IDs, the year's archive spreadsheet (by the ID Casebook keeps), its rows and the
 * Audit log's "Archived" entries.
 */
import { clickMenuItem, Execution } from '../../emulator';
import { createServiceGlobals } from '../../emulator/globals';
import { automatedTracker, HOUR, newCase, typeSetting } from './automation-tracker';
import { call, OWNER, type Tracker } from './intake-tracker';

export const DAY = 24 * HOUR;
export const ARCHIVE_AFTER_DAYS = 30;
export const YEAR = 2026;

export interface ArchiveTracker extends Tracker {
  folderId: string;
}

export function archiveTracker(days = ARCHIVE_AFTER_DAYS): ArchiveTracker {
  const ctx = automatedTracker({ 'Archive closed cases after (days)': String(days) });
  const folderId = ctx.ws.createFolder({ name: 'Casebook reports', owner: OWNER }).id;
  typeSetting(ctx, 'Report folder ID', folderId);
  return Object.assign(ctx, { folderId });
}

/** Moves a case New -> Triaged -> Resolved -> Closed through the case sidebar, as the ops user does. */
export function closeCase(ctx: Tracker, caseId: string): void {
  let version = call<{ view: { version: string } }>(ctx, 'getCaseView', { caseId }).view.version;
  for (const changes of [
    { status: 'Triaged' },
    { status: 'Resolved', resolution: 'Listing removed.', rootCause: 'Seller conduct' },
    { status: 'Closed' },
  ]) {
    const saved = call<{ ok: boolean; version: string; errors?: unknown }>(ctx, 'updateCase', {
      caseId,
      version,
      changes,
    });
    if (!saved.ok) throw new Error(`${caseId} not saved: ${JSON.stringify(saved)}`);
    version = saved.version;
  }
}

export function passDays(ctx: Tracker, days: number): void {
  ctx.ws.clock.advance(days * DAY);
}

export function archiveMenu(ctx: Tracker, user = OWNER): unknown {
  return clickMenuItem(ctx.ws, { user, spreadsheetId: ctx.spreadsheetId, caption: 'Archive closed cases' });
}

/** The archive spreadsheet IDs Casebook recorded, by year (read from its document properties). */
export function archiveBookIds(ctx: Tracker): Map<number, string> {
  const exec = new Execution(ctx.ws, {
    user: OWNER,
    authMode: 'FULL',
    activeSpreadsheetId: ctx.spreadsheetId,
  });
  const { PropertiesService } = createServiceGlobals(exec) as {
    PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  };
  const all = PropertiesService.getDocumentProperties().getProperties();
  const ids = new Map<number, string>();
  for (const [key, value] of Object.entries(all))
    if (key.startsWith('casebook.archive.book.')) ids.set(Number(key.slice(22)), value);
  return ids;
}

/** The archive's tab as rows of text keyed by header (empty when there is no archive yet). */
export function archiveRows(ctx: Tracker, tab: 'Cases' | 'Audit log', year = YEAR): Record<string, string>[] {
  const id = archiveBookIds(ctx).get(year);
  if (!id) return [];
  const exec = new Execution(ctx.ws, { user: OWNER, authMode: 'FULL' });
  const { SpreadsheetApp } = createServiceGlobals(exec) as {
    SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  };
  const sheet = SpreadsheetApp.openById(id).getSheetByName(tab);
  if (!sheet) return [];
  const [header, ...rows] = sheet.getDataRange().getValues();
  return rows
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => Object.fromEntries((header ?? []).map((h, i) => [String(h), String(r[i] ?? '')])));
}

export function archivedIds(ctx: Tracker, year = YEAR): string[] {
  return archiveRows(ctx, 'Cases', year).map((r) => r['Case ID'] ?? '');
}

/** Two cases closed long ago, one open, one closed yesterday. */
export function library() {
  const ctx = archiveTracker();
  const open = newCase(ctx).caseId;
  const oldA = newCase(ctx).caseId;
  const oldB = newCase(ctx).caseId;
  closeCase(ctx, oldA);
  closeCase(ctx, oldB);
  passDays(ctx, ARCHIVE_AFTER_DAYS + 1);
  const recent = newCase(ctx).caseId;
  closeCase(ctx, recent);
  passDays(ctx, 1);
  return { ctx, open, oldA, oldB, recent };
}
