/**
 * A set-up tracker with an old tracker's tab pasted in (all cells as text, as a paste from another tool
 * leaves them), and the import dialog's steps driven through the bundle's server functions with every
 * proposal accepted unchanged.
 */
import type { LegacyFixture } from '../fixtures/legacy/legacy-fixture';
import { call, type Tracker, tracker } from './intake-tracker';

export function trackerWithLegacyTab(
  fixture: LegacyFixture,
): Tracker & { legacy: GoogleAppsScript.Spreadsheet.Sheet } {
  const ctx = tracker();
  const legacy = ctx.ss.insertSheet(fixture.tab);
  const height = fixture.rows.length + 1;
  if (height > legacy.getMaxRows()) legacy.insertRowsAfter(legacy.getMaxRows(), height - legacy.getMaxRows());
  const width = fixture.headers.length;
  if (width > legacy.getMaxColumns())
    legacy.insertColumnsAfter(legacy.getMaxColumns(), width - legacy.getMaxColumns());
  const range = legacy.getRange(1, 1, height, width);
  range.setNumberFormat('@');
  range.setValues([fixture.headers, ...fixture.rows.map((r) => r.map((c) => String(c ?? '')))]);
  return { ...ctx, legacy };
}

export interface AcceptedImport {
  proposal: {
    rowCount: number;
    columns: { header: string; field: string | null; alternative?: string; reason: string }[];
  };
  values: {
    values: {
      field: string;
      values: { raw: string; count: number; proposed: string | null; basis: string }[];
    }[];
    defaults: { field: string; proposed: string; rule: string }[];
    proposedValueMaps: Record<string, Record<string, string>>;
    proposedDefaults: Record<string, string>;
  };
  request: Record<string, unknown>;
}

/** The dialog's steps up to the preview, every proposal accepted as it is. */
export function acceptProposals(ctx: Tracker, tab: string): AcceptedImport {
  const proposal = call<AcceptedImport['proposal']>(ctx, 'proposeLegacyImport', tab);
  const mapping = proposal.columns.map((c, i) => ({ column: i + 1, field: c.field }));
  const values = call<AcceptedImport['values']>(ctx, 'proposeLegacyValues', { tab, mapping });
  const request = { tab, mapping, valueMaps: values.proposedValueMaps, defaults: values.proposedDefaults };
  return { proposal, values, request };
}
