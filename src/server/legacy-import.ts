/**
 * Menu "Import legacy tracker", in the steps of Jira's CSV importer: choose the tab, map columns, map each
 * distinct value Casebook cannot read, set values for fields the tab lacks, preview, import. Each step is
 * a server call that checks its input (legacy-import-request.ts); the preview and the import run the same
 * plan, and the import refuses to write when the plan no longer matches the preview the person saw.
 */

import { settleBeforeWrite } from '../adapters/audit-intent';
import { assertAuditRoom, recordAudit } from '../adapters/audit-log';
import { readCases } from '../adapters/cases-tab';
import { assertRoomForCells } from '../adapters/cell-budget';
import { activeSpreadsheet, activeUserEmail, effectiveUserEmail, flushWrites } from '../adapters/context';
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
import { appendSynonyms } from '../adapters/lists-synonyms';
import { isOwnerOrAdmin, readPrivilegedSettings } from '../adapters/privileged-settings';
import { trackerRecordMac } from '../adapters/seal-key';
import { showDialog } from '../adapters/ui';
import { diffRecord, openRecord, sealRecord } from '../core/cases/case-record';
import type { ImportContext } from '../core/import/convert-row';
import { type DefaultQuestion, defaultQuestions, proposedDefaults } from '../core/import/import-defaults';
import {
  countOutcomes,
  type ImportCounts,
  type ImportPreview,
  previewPlan,
} from '../core/import/import-preview';
import { type ImportPlan, planImport } from '../core/import/plan-import';
import { type ColumnProposal, proposeMapping } from '../core/import/propose-mapping';
import {
  proposedValueMaps,
  type ValueMaps,
  type ValueQuestion,
  valueQuestions,
} from '../core/import/value-maps';
import type { FieldKey } from '../core/schema/case-schema';
import { BadArgument, expectObject, expectText } from './arguments';
import {
  completeImportRequest,
  expectKeys,
  IMPORTABLE_FIELDS,
  type ImportRequest,
  MAX_COLUMNS,
  MAX_VALUES_PER_FIELD,
  readImportRequest,
  readValueMaps,
  withChoices,
} from './legacy-import-request';

export { IMPORTABLE_FIELDS } from './legacy-import-request';

const SAMPLE_ROWS = 50;
/** Distinct values listed per field in the value-mapping step. */
const LISTED_VALUES = 100;

export interface LegacyProposal {
  tab: string;
  rowCount: number;
  columns: (ColumnProposal & { samples: string[] })[];
  fields: { key: FieldKey; header: string }[];
}

export interface LegacyValueProposal {
  values: ValueQuestion[];
  defaults: DefaultQuestion[];
  /** The proposals as a request would send them back unchanged. */
  proposedValueMaps: ValueMaps;
  proposedDefaults: Partial<Record<FieldKey, string>>;
}

export interface ImportSummary {
  counts: ImportCounts;
  reportTab: string;
  message: string;
}

function activeTracker(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const ss = activeSpreadsheet();
  if (!ss) throw new Error('Open the tracker spreadsheet first.');
  return ss;
}

export function showLegacyImport(): void {
  showDialog('import', 'Import legacy tracker', 760, 620);
}

export function listLegacyTabs(): string[] {
  return activeTracker()
    .getSheets()
    .map((s) => s.getName())
    .filter(isLegacyCandidate);
}

function readTab(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, tab: string) {
  const legacy = readLegacyTab(ss, tab);
  if (legacy.headers.length > MAX_COLUMNS)
    throw new BadArgument(`"${tab}" has more than ${MAX_COLUMNS} columns`);
  return legacy;
}

export function proposeLegacyImport(tab: unknown): LegacyProposal {
  const name = expectText('tab', tab, 100);
  const ss = activeTracker();
  const { headers, rows } = readTab(ss, name);
  const sample = rows.slice(0, SAMPLE_ROWS);
  const columns = proposeMapping(headers, sample, readIntakeContext(ss)).map((proposal) => ({
    ...proposal,
    samples: sample
      .map((row) => String(row[proposal.column - 1] ?? '').trim())
      .filter((v) => v !== '')
      .slice(0, 3)
      .map((v) => (v.length > 60 ? `${v.slice(0, 57)}...` : v)),
  }));
  return { tab: name, rowCount: rows.length, columns, fields: IMPORTABLE_FIELDS };
}

/** Reads the tab and the tracker's lists, and checks the whole request against them. */
function prepare(request: unknown) {
  const { tab, body } = readImportRequest(request);
  const ss = activeTracker();
  const { headers, rows } = readTab(ss, tab);
  const ctx = readIntakeContext(ss);
  const checked = completeImportRequest(tab, body, headers.length, ctx);
  return { ss, rows, ctx, request: checked };
}

/** The value-mapping and defaults steps' questions, for the confirmed column mapping. */
export function proposeLegacyValues(request: unknown): LegacyValueProposal {
  const { rows, ctx, request: checked } = prepare(request);
  const values = valueQuestions(rows, checked.mapping, ctx, LISTED_VALUES);
  const defaults = defaultQuestions(new Set(checked.mapping.values()), ctx.lists);
  return {
    values,
    defaults,
    proposedValueMaps: proposedValueMaps(values),
    proposedDefaults: proposedDefaults(defaults),
  };
}

function plan(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  rows: unknown[][],
  ctx: ImportContext,
  request: ImportRequest,
  user: string,
) {
  const table = readCases(ss);
  const importPlan: ImportPlan = planImport({
    tab: request.tab,
    rows,
    mapping: request.mapping,
    ctx: withChoices(ctx, request),
    existing: existingCases(table),
    now: new Date(),
    user,
  });
  return { table, importPlan };
}

/** What the import would do, written nowhere; with how numeric dates are read (Settings: Date order). */
export function previewLegacyImport(request: unknown): ImportPreview & { dateOrder: string } {
  const { ss, rows, ctx, request: checked } = prepare(request);
  const importPlan = plan(ss, rows, ctx, checked, activeUserEmail()).importPlan;
  return { ...previewPlan(importPlan), dateOrder: ctx.dateOrder === 'MDY' ? 'MDY' : 'DMY' };
}

function describe(counts: ImportCounts): string {
  return (
    `Imported ${counts.imported} (${counts.warnings} with warnings), linked ${counts.linked} to existing cases; ` +
    `not imported ${counts['not imported']}, duplicates ${counts.duplicate}, already imported ${counts['already imported']}, ` +
    `blank ${counts.blank}, section headers ${counts.section}.`
  );
}

export function runLegacyImport(request: unknown): ImportSummary {
  readImportRequest(request);
  return withDocumentLock(() => {
    const { ss, rows, ctx, request: checked } = prepare(request);
    // Its changes and their audit entries are both written or neither: refused before any write.
    assertAuditRoom(ss);
    const user = activeUserEmail();
    const { table, importPlan } = plan(ss, rows, ctx, checked, user);
    if (checked.digest !== null && previewPlan(importPlan).digest !== checked.digest)
      throw new Error(
        'The old tab or the library changed since the preview, so nothing was imported: preview again.',
      );
    // Refused whole, before the first write, when the rows and report tab would pass 10 million cells.
    assertRoomForCells(
      ss,
      importGrowthCells(ss, table, checked.tab, importPlan),
      `importing ${importPlan.newCases.length} cases`,
    );
    // The import reseals linked rows: a dead write's intent is settled from them first.
    settleBeforeWrite(ss);
    const mac = trackerRecordMac();
    writeNewCases(table, importPlan, (row) => sealRecord(mac, String(row.caseId ?? ''), row, ctx.timeZone));
    writeLinks(table, importPlan, (caseId, row, changes) => {
      const record = openRecord(mac, caseId, row.caseRecord);
      if (!record.ok) return null;
      const sealed = diffRecord(row, record.fields, ctx.timeZone).sealed;
      return sealRecord(mac, caseId, { ...sealed, ...changes }, ctx.timeZone);
    });
    const reportTab = writeReport(ss, checked.tab, importPlan);
    const counts = countOutcomes(importPlan);
    const message = describe(counts);
    recordAudit(ss, [
      {
        at: new Date(),
        user,
        action: 'Import legacy tracker',
        details: `${checked.tab}: ${message}`,
        source: 'Import',
      },
    ]);
    flushWrites();
    ss.toast(message, 'Casebook');
    return { counts, reportTab, message };
  });
}

/** Saves confirmed value maps as Lists tab synonyms, so the normaliser and the next import know them. */
export function saveLegacySynonyms(request: unknown): { added: number; message: string } {
  const body = expectObject('request', request);
  expectKeys('request', body, ['valueMaps']);
  const ss = activeTracker();
  return withDocumentLock(() => {
    const ctx = readIntakeContext(ss);
    const maps = readValueMaps(body.valueMaps, ctx.lists);
    const entries = (Object.entries(maps) as [FieldKey, Record<string, string>][]).flatMap(([list, map]) =>
      Object.entries(map)
        .filter(([, to]) => to !== '')
        .map(([from, to]) => ({ list, from, to })),
    );
    if (entries.length === 0) throw new BadArgument('No mapped values to save');
    if (entries.length > MAX_VALUES_PER_FIELD * 4) throw new BadArgument('Too many values to save at once');
    // The Lists tab is the owner's (it decides what every import and the normaliser read).
    const { people } = readPrivilegedSettings(ss);
    if (!isOwnerOrAdmin(people, effectiveUserEmail()))
      throw new Error(
        `Only the tracker's owner (${people.spreadsheetOwner}) or an admin they name can save synonyms to the Lists tab. Your import still uses these value maps; ask them to save the synonyms for next time.`,
      );
    const added = appendSynonyms(ss, entries);
    const user = activeUserEmail();
    const message = `Saved ${added} synonym${added === 1 ? '' : 's'} on the Lists tab.`;
    recordAudit(ss, [
      { at: new Date(), user, action: 'Save import synonyms', details: message, source: 'Import' },
    ]);
    return { added, message };
  });
}
