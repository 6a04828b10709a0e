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

/** A bigger tab from a fixture's data rows: copies with their first cell suffixed, so no copy is a duplicate. */
export function scaledFixture(fixture: LegacyFixture, rows: number): LegacyFixture {
  const out: unknown[][] = [];
  for (let copy = 0; out.length < rows; copy++)
    for (const row of fixture.rows) {
      if (out.length >= rows) break;
      const [first, ...rest] = row;
      out.push([String(first) === '' ? '' : `${String(first)}-${copy}`, ...rest]);
    }
  return { ...fixture, rows: out, made: { data: rows, blank: 0, section: 0, duplicate: 0 } };
}

export interface StepCost {
  step: string;
  calls: number;
  /** Cells read and written. */
  cells: number;
  byMember: Record<string, number>;
  modelledMs: number;
}

/** Runs the dialog's steps with every proposal accepted, measuring each server call on the ledger. */
export function measuredImport(
  ctx: Tracker,
  tab: string,
): { steps: StepCost[]; counts: Record<string, number> } {
  const steps: StepCost[] = [];
  const measure = <T>(step: string, work: () => T): T => {
    ctx.ws.ledger.reset();
    const value = work();
    steps.push({
      step,
      calls: ctx.ws.ledger.count(),
      cells: ctx.ws.ledger.cells(),
      byMember: ctx.ws.ledger.byMember(),
      modelledMs: Math.round(ctx.ws.ledger.modelledMs()),
    });
    return value;
  };
  const proposal = measure('proposeLegacyImport', () =>
    call<AcceptedImport['proposal']>(ctx, 'proposeLegacyImport', tab),
  );
  const mapping = proposal.columns.map((c, i) => ({ column: i + 1, field: c.field }));
  const values = measure('proposeLegacyValues', () =>
    call<AcceptedImport['values']>(ctx, 'proposeLegacyValues', { tab, mapping }),
  );
  const request = { tab, mapping, valueMaps: values.proposedValueMaps, defaults: values.proposedDefaults };
  const preview = measure('previewLegacyImport', () =>
    call<{ digest: string }>(ctx, 'previewLegacyImport', request),
  );
  const summary = measure('runLegacyImport', () =>
    call<{ counts: Record<string, number> }>(ctx, 'runLegacyImport', { ...request, digest: preview.digest }),
  );
  return { steps, counts: summary.counts };
}
