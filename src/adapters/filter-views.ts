/**
 * Casebook's saved views on the Cases tab, as Sheets filter views made through the Sheets Advanced Service:
 * a filter view filters only the window of whoever opens it, so one reviewer's view never changes what a
 * colleague sees (the basic filter does). Set up tracker creates them once and, when run again, updates
 * them in place: ours are known by the IDs kept in document properties (and, if those were lost, by their
 * exact titles). Anyone's own filter views are never read beyond their ID and title, nor changed.
 * Docs: https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#AddFilterViewRequest
 * and #UpdateFilterViewRequest; a link with `fvid=<filterViewId>` opens the view for that person only.
 */
import type { FieldKey } from '../core/schema/case-schema';
import { SLA_WORDS } from '../core/sla/case-sla';
import { TABS } from '../core/tracker/layout';

type Criteria = Record<string, unknown>;

export interface ViewDefinition {
  /** Stable key ("breached", "mine:ana@x.example") under which the view's ID is kept. */
  key: string;
  title: string;
  criteria: Partial<Record<FieldKey, Criteria>>;
}

const PROPERTY = 'casebook.filterViews';
const OPEN_ONLY: Criteria = { hiddenValues: ['Resolved', 'Closed'] };
const textEq = (value: string): Criteria => ({
  condition: { type: 'TEXT_EQ', values: [{ userEnteredValue: value }] },
});

/** The views setup keeps: one "My open cases" per team member, then the shared ones. */
export function viewDefinitions(teamMembers: readonly string[]): ViewDefinition[] {
  return [
    ...teamMembers.map((member) => ({
      key: `mine:${member}`,
      title: `Casebook: My open cases - ${member}`,
      criteria: { owner: textEq(member), status: OPEN_ONLY },
    })),
    {
      key: 'breached',
      title: 'Casebook: P1/P2 breached',
      criteria: { slaStatus: textEq(SLA_WORDS.breached), severity: { hiddenValues: ['P3', 'P4'] } },
    },
    // The SLA column's "Due soon" word: the condition the Sheets API offers for "due today" (DATE_EQ with a
    // relative date) is not in the emulator, and "Due soon" is what the owner's notices say.
    { key: 'dueToday', title: 'Casebook: Due soon', criteria: { slaStatus: textEq(SLA_WORDS.dueSoon) } },
    {
      key: 'unassigned',
      title: 'Casebook: Unassigned',
      criteria: { owner: { condition: { type: 'BLANK' } }, status: OPEN_ONLY },
    },
    { key: 'misjudgements', title: 'Casebook: Misjudgements', criteria: { misjudgement: textEq('Yes') } },
  ];
}

export function sheetsApi(): GoogleAppsScript.Sheets {
  if (typeof Sheets === 'undefined' || !Sheets)
    throw new Error('The Sheets API advanced service is not enabled for Casebook (see appsscript.json).');
  return Sheets;
}

interface ExistingView {
  filterViewId: number;
  title?: string;
  range?: Record<string, number | undefined>;
  filterSpecs?: { columnIndex?: number; filterCriteria?: unknown }[];
}

/** Keys sorted, so two objects with the same content compare equal whatever order the API used. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

function specsOf(specs: readonly { columnIndex?: number; filterCriteria?: unknown }[]): string {
  return canonical(
    specs
      .map((s) => ({ columnIndex: s.columnIndex ?? 0, filterCriteria: s.filterCriteria ?? {} }))
      .sort((a, b) => a.columnIndex - b.columnIndex),
  );
}

/** The view already has this title, columns (it runs to the end of the tab either way) and criteria. */
function sameView(
  existing: ExistingView,
  wanted: {
    title: string;
    range: Record<string, number>;
    filterSpecs: { columnIndex: number; filterCriteria: unknown }[];
  },
): boolean {
  const range = existing.range ?? {};
  return (
    existing.title === wanted.title &&
    (range.sheetId ?? 0) === wanted.range.sheetId &&
    (range.startRowIndex ?? 0) === 0 &&
    (range.startColumnIndex ?? 0) === 0 &&
    range.endColumnIndex === wanted.range.endColumnIndex &&
    specsOf(existing.filterSpecs ?? []) === specsOf(wanted.filterSpecs)
  );
}

export function readViewIds(): Record<string, number> {
  const stored = PropertiesService.getDocumentProperties()?.getProperty(PROPERTY) ?? null;
  if (!stored) return {};
  try {
    const raw = JSON.parse(stored) as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(raw).filter((e): e is [string, number] => typeof e[1] === 'number'),
    );
  } catch {
    return {};
  }
}

/** The link that opens a view for whoever clicks it. */
export function viewLink(spreadsheetUrl: string, sheetId: number, viewId: number): string {
  return `${spreadsheetUrl.replace(/#.*$/, '')}#gid=${sheetId}&fvid=${viewId}`;
}

/**
 * Creates the missing views and updates Casebook's existing ones in one batchUpdate. `columnOf` gives
 * the Cases tab's columns by field. Returns how many were added and updated.
 */
export function syncFilterViews(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  columnOf: ReadonlyMap<FieldKey, number>,
  teamMembers: readonly string[],
): { added: number; updated: number } {
  const api = sheetsApi();
  const spreadsheetId = ss.getId();
  const cases = ss.getSheetByName(TABS.cases);
  if (!cases) return { added: 0, updated: 0 };
  const sheetId = cases.getSheetId();
  const width = cases.getMaxColumns();
  const found = api.Spreadsheets.get(spreadsheetId, {
    fields: 'sheets(properties(sheetId),filterViews(filterViewId,title,range,filterSpecs))',
  }) as {
    sheets?: {
      properties?: { sheetId?: number };
      filterViews?: ExistingView[];
    }[];
  };
  const existing =
    (found.sheets ?? []).find((s) => (s.properties?.sheetId ?? 0) === sheetId)?.filterViews ?? [];
  const stored = readViewIds();
  const requests: object[] = [];
  const keysAdded: string[] = [];
  const ids: Record<string, number> = {};
  for (const view of viewDefinitions(teamMembers)) {
    const filter = {
      title: view.title,
      range: { sheetId, startRowIndex: 0, startColumnIndex: 0, endColumnIndex: width },
      filterSpecs: Object.entries(view.criteria).map(([key, filterCriteria]) => ({
        columnIndex: (columnOf.get(key as FieldKey) ?? 1) - 1,
        filterCriteria,
      })),
    };
    const match =
      existing.find((v) => v.filterViewId === stored[view.key]) ??
      existing.find((v) => v.title === view.title);
    if (match) {
      ids[view.key] = match.filterViewId;
      // Set up tracker writes only what differs: a view already as wanted is left alone.
      if (sameView(match, filter)) continue;
      requests.push({
        updateFilterView: {
          filter: { filterViewId: match.filterViewId, ...filter },
          fields: 'title,range,filterSpecs',
        },
      });
    } else {
      keysAdded.push(view.key);
      requests.push({ addFilterView: { filter } });
    }
  }
  if (requests.length === 0) {
    if (JSON.stringify(ids) !== JSON.stringify(stored))
      PropertiesService.getDocumentProperties()?.setProperty(PROPERTY, JSON.stringify(ids));
    return { added: 0, updated: 0 };
  }
  const response = api.Spreadsheets.batchUpdate({ requests }, spreadsheetId) as {
    replies?: { addFilterView?: { filter?: { filterViewId?: number } } }[];
  };
  const newIds = (response.replies ?? [])
    .map((r) => r.addFilterView?.filter?.filterViewId)
    .filter((id): id is number => typeof id === 'number');
  keysAdded.forEach((key, i) => {
    const id = newIds[i];
    if (id !== undefined) ids[key] = id;
  });
  PropertiesService.getDocumentProperties()?.setProperty(PROPERTY, JSON.stringify(ids));
  return { added: keysAdded.length, updated: requests.length - keysAdded.length };
}

/**
 * Links to Casebook's views that exist now, by view key, found by title in one read (this also works in
 * the hourly run, which has no document properties).
 */
export function viewLinks(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  teamMembers: readonly string[],
): { key: string; title: string; url: string }[] {
  if (typeof Sheets === 'undefined' || !Sheets) return [];
  const cases = ss.getSheetByName(TABS.cases);
  if (!cases) return [];
  const sheetId = cases.getSheetId();
  const found = Sheets.Spreadsheets.get(ss.getId(), {
    fields: 'sheets(properties(sheetId),filterViews(filterViewId,title,range,filterSpecs))',
  }) as {
    sheets?: {
      properties?: { sheetId?: number };
      filterViews?: ExistingView[];
    }[];
  };
  const views = (found.sheets ?? []).find((s) => (s.properties?.sheetId ?? 0) === sheetId)?.filterViews ?? [];
  const url = ss.getUrl();
  return viewDefinitions(teamMembers).flatMap((view) => {
    const match = views.find((v) => v.title === view.title);
    return match
      ? [
          {
            key: view.key,
            title: view.title.replace(/^Casebook: /, ''),
            url: viewLink(url, sheetId, match.filterViewId),
          },
        ]
      : [];
  });
}
