/**
 * What the security and fault-sweep tests read back as "the record": cases by ID, the Audit log after the
 * owner's run has drained pending entries, sent mail, and cells holding a formula. One place, so every
 * invariant is checked the same way.
 */
import { fireDueTimeTriggers } from '../../../emulator';
import { auditRows, HOUR } from '../../support/automation-tracker';
import type { Tracker } from '../../support/intake-tracker';

/** The owner's next hourly run (moves pending audit entries into the log, sweeps SLAs, sends notices). */
export function nextHourlyRun(ctx: Tracker): void {
  ctx.ws.clock.advance(HOUR);
  fireDueTimeTriggers(ctx.ws);
}

/** Case IDs in the Cases tab, in row order (blank rows left out). */
export function caseIds(ctx: Tracker): string[] {
  const last = ctx.cases.getLastRow();
  if (last < 2) return [];
  return ctx.cases
    .getRange(2, ctx.column('Case ID'), last - 1, 1)
    .getValues()
    .map((r) => String(r[0]))
    .filter((id) => id !== '');
}

/** Rows of Cases that hold something but no case ID: a partial or ghost row. */
export function rowsWithoutId(ctx: Tracker): number[] {
  const last = ctx.cases.getLastRow();
  if (last < 2) return [];
  const table = ctx.cases.getRange(2, 1, last - 1, ctx.headers.length).getValues();
  const id = ctx.column('Case ID') - 1;
  return table.flatMap((row, i) => (row[id] === '' && row.some((v) => v !== '') ? [i + 2] : []));
}

export interface AuditEntry {
  user: string;
  action: string;
  caseId: string;
  field: string;
  oldValue: string;
  newValue: string;
  details: string;
  source: string;
}

/** The Audit log's entries (columns by header, so a sequence or seal column does not shift them). */
export function auditEntries(ctx: Tracker): AuditEntry[] {
  const sheet = ctx.ss.getSheetByName('Audit log')!;
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
  const at = (row: string[], header: string) => row[headers.indexOf(header)] ?? '';
  return auditRows(ctx).map((row) => ({
    user: at(row, 'User'),
    action: at(row, 'Action'),
    caseId: at(row, 'Case ID'),
    field: at(row, 'Field'),
    oldValue: at(row, 'Old value'),
    newValue: at(row, 'New value'),
    details: at(row, 'Details'),
    source: at(row, 'Source'),
  }));
}

/** Every cell of the spreadsheet that holds a formula, as "Sheet!R1C1" (Casebook writes none by itself). */
export function formulaCells(ctx: Tracker, allowed: (sheet: string) => boolean = () => false): string[] {
  const found: string[] = [];
  for (const sheet of ctx.ss.getSheets()) {
    if (allowed(sheet.getName()) || sheet.getLastRow() < 1 || sheet.getLastColumn() < 1) continue;
    const formulas = sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn()).getFormulas();
    formulas.forEach((row, r) => {
      row.forEach((formula, c) => {
        if (formula !== '') found.push(`${sheet.getName()}!R${r + 1}C${c + 1}: ${formula}`);
      });
    });
  }
  return found;
}

/** Mail sent, as "to: subject" lines, so doubles stand out. */
export function mailLines(ctx: Tracker): string[] {
  return ctx.ws.mail.map((m) => `${m.to}: ${m.subject}`);
}
