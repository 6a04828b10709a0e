/**
 * Menu "Import legacy tracker": a dialog lists the spreadsheet's other tabs, proposes a column mapping for
 * the chosen one, and imports it once the user confirms. Each step is a server call that checks its input.
 */

import { assertAuditRoom, recordAudit } from '../adapters/audit-log';
import { readCases } from '../adapters/cases-tab';
import { assertRoomForCells } from '../adapters/cell-budget';
import { withDocumentLock } from '../adapters/document-lock';
import { readIntakeContext } from '../adapters/intake-context';
import {
  existingCases,
  importGrowthCells,
  isLegacyCandidate,
  readLegacyTab,
  writeLinks,
  writeNewCases,
  writeReport,
} from '../adapters/legacy-import';
import { trackerRecordMac } from '../adapters/seal-key';
import { showDialog } from '../adapters/ui';
import { diffRecord, openRecord, sealRecord } from '../core/cases/case-record';
import { type Outcome, planImport } from '../core/import/plan-import';
import { type ColumnProposal, proposeMapping } from '../core/import/propose-mapping';
import { CASE_FIELDS, type FieldKey } from '../core/schema/case-schema';
import { BadArgument, expectArray, expectInteger, expectObject, expectText } from './arguments';

const SAMPLE_ROWS = 50;
const MAX_COLUMNS = 200;

/** Fields an old tracker can fill: everything people write, plus its own ID; not what Casebook sets. */
export const IMPORTABLE_FIELDS = CASE_FIELDS.filter((f) => !f.system || f.key === 'legacyId').map((f) => ({
  key: f.key as FieldKey,
  header: f.header,
}));

export interface LegacyProposal {
  tab: string;
  rowCount: number;
  columns: (ColumnProposal & { samples: string[] })[];
  fields: { key: FieldKey; header: string }[];
}

export type ImportCounts = Record<Outcome, number>;

export interface ImportSummary {
  counts: ImportCounts;
  reportTab: string;
  message: string;
}

function activeTracker(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) throw new Error('Open the tracker spreadsheet first.');
  return ss;
}

export function showLegacyImport(): void {
  showDialog('import', 'Import legacy tracker', 680, 560);
}

export function listLegacyTabs(): string[] {
  return activeTracker()
    .getSheets()
    .map((s) => s.getName())
    .filter(isLegacyCandidate);
}

export function proposeLegacyImport(tab: unknown): LegacyProposal {
  const name = expectText('tab', tab, 100);
  const { headers, rows } = readLegacyTab(activeTracker(), name);
  if (headers.length > MAX_COLUMNS) throw new BadArgument(`"${name}" has more than ${MAX_COLUMNS} columns`);
  const sample = rows.slice(0, SAMPLE_ROWS);
  const columns = proposeMapping(headers, sample).map((proposal) => ({
    ...proposal,
    samples: sample
      .map((row) => String(row[proposal.column - 1] ?? '').trim())
      .filter((v) => v !== '')
      .slice(0, 3)
      .map((v) => (v.length > 60 ? `${v.slice(0, 57)}...` : v)),
  }));
  return { tab: name, rowCount: rows.length, columns, fields: IMPORTABLE_FIELDS };
}

function readMapping(value: unknown, width: number): Map<number, FieldKey> {
  const allowed = new Set<string>(IMPORTABLE_FIELDS.map((f) => f.key));
  const mapping = new Map<number, FieldKey>();
  const used = new Set<string>();
  for (const entry of expectArray('mapping', value, MAX_COLUMNS)) {
    const item = expectObject('mapping entry', entry);
    const column = expectInteger('mapping column', item.column, 1, width);
    if (item.field === null || item.field === '') continue;
    const field = expectText('mapping field', item.field, 40);
    if (!allowed.has(field)) throw new BadArgument(`"${field}" is not a field an import can fill`);
    if (used.has(field)) throw new BadArgument(`"${field}" is mapped to more than one column`);
    used.add(field);
    mapping.set(column, field as FieldKey);
  }
  if (mapping.size === 0) throw new BadArgument('Map at least one column to a case field');
  return mapping;
}

function describe(counts: ImportCounts): string {
  return (
    `Imported ${counts.imported}, linked ${counts.linked} to existing cases; not imported ${counts['not imported']}, ` +
    `duplicates ${counts.duplicate}, already imported ${counts['already imported']}, blank ${counts.blank}.`
  );
}

export function runLegacyImport(request: unknown): ImportSummary {
  const body = expectObject('request', request);
  const tab = expectText('tab', body.tab, 100);
  const ss = activeTracker();
  return withDocumentLock(() => {
    // Its changes and their audit entries are both written or neither: refused before any write.
    assertAuditRoom(ss);
    const { headers, rows } = readLegacyTab(ss, tab);
    const mapping = readMapping(body.mapping, headers.length);
    const ctx = readIntakeContext(ss);
    const table = readCases(ss);
    const user = Session.getActiveUser().getEmail();
    const plan = planImport({
      tab,
      rows,
      mapping,
      ctx,
      existing: existingCases(table),
      now: new Date(),
      user,
    });
    // Refused whole, before the first write, when the rows and report tab would pass 10 million cells.
    assertRoomForCells(
      ss,
      importGrowthCells(ss, table, tab, plan),
      `importing ${plan.newCases.length} cases`,
    );
    const mac = trackerRecordMac();
    writeNewCases(table, plan, (row) => sealRecord(mac, String(row.caseId ?? ''), row, ctx.timeZone));
    writeLinks(table, plan, (caseId, row, changes) => {
      const record = openRecord(mac, caseId, row.caseRecord);
      if (!record.ok) return null;
      const sealed = diffRecord(row, record.fields, ctx.timeZone).sealed;
      return sealRecord(mac, caseId, { ...sealed, ...changes }, ctx.timeZone);
    });
    const reportTab = writeReport(ss, tab, plan);
    const counts = {
      imported: 0,
      linked: 0,
      'already imported': 0,
      duplicate: 0,
      'not imported': 0,
      blank: 0,
    } as ImportCounts;
    for (const outcome of plan.outcomes) counts[outcome.outcome] += 1;
    const message = describe(counts);
    recordAudit(ss, [
      {
        at: new Date(),
        user,
        action: 'Import legacy tracker',
        details: `${tab}: ${message}`,
        source: 'Import',
      },
    ]);
    SpreadsheetApp.flush();
    ss.toast(message, 'Casebook');
    return { counts, reportTab, message };
  });
}
