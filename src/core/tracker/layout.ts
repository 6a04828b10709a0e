/**
 * The tracker's tabs as Casebook lays them out: Cases (one column per schema field), Lists (the editable
 * taxonomy the validation rules read as ranges), Settings and the Audit log. Pure: the setup adapter asks
 * this module what to create and where, from the headers it read.
 */

import { matchKey } from '../normalise/text';
import { CASE_FIELDS, FIXED_LISTS, type ListName } from '../schema/case-schema';
import {
  DEFAULT_ACTIONS,
  DEFAULT_POLICIES,
  DEFAULT_ROOT_CAUSES,
  DEFAULT_SYNONYMS,
  DEFAULT_TEAMS,
} from '../taxonomy/defaults';
import { MARKETS } from '../taxonomy/markets';

export const TABS = {
  cases: 'Cases',
  lists: 'Lists',
  settings: 'Settings',
  audit: 'Audit log',
  /** Hidden: where people who may not write the protected Audit log leave their entries (see audit-log.ts). */
  auditInbox: 'Audit inbox',
} as const;

export const CASE_HEADERS: readonly string[] = CASE_FIELDS.map((f) => f.header);

export const AUDIT_HEADERS = [
  'Timestamp',
  'User',
  'Action',
  'Case ID',
  'Field',
  'Old value',
  'New value',
  'Details',
  'Source',
] as const;

/** Where a change came from, as the Audit log's Source column says. */
export type AuditSource = 'Sidebar' | 'Intake form' | 'Sheet edit' | 'Automation' | 'Import' | 'Setup';

export const SETTINGS_HEADERS = ['Setting', 'Value', 'What it does'] as const;

export const DEFAULT_SETTINGS: readonly (readonly [string, string, string])[] = [
  ['Date order', 'DMY', 'How numeric dates like 03/11/2026 are read: DMY (day first) or MDY.'],
  [
    'Duplicate window (days)',
    '14',
    'Same seller and policy within this many days counts as a possible duplicate.',
  ],
  ['Weekly report day', 'MONDAY', 'Day the weekly summary Doc is generated.'],
  ['Weekly report hour', '7', "Hour (0-23, the tracker's time zone) the weekly summary is generated."],
  ['Report folder ID', '', 'Drive folder for weekly summary Docs (blank: your Drive root).'],
  ['Managers', '', 'Emails (comma-separated) that receive the weekly summary link.'],
  ['Personal data in reports', 'No', 'Yes to include shop names and owners in generated Docs.'],
  [
    'SLA targets',
    'P1: 4h; P2: 1d; P3: 3d; P4: 5d',
    'Working time a case may take by severity, e.g. P1: 4h (h = working hours, d = working days). Add a team override like P1/Algorithm: 8h.',
  ],
  ['Time zone', '', "Time zone of the working calendar, e.g. Europe/Berlin (blank: the spreadsheet's)."],
  ['Working days', 'Mon-Fri', 'Days the SLA clock runs, e.g. Mon-Fri or Mon,Tue,Wed,Thu.'],
  ['Working hours', '09:00-18:00', 'Hours the SLA clock runs on working days.'],
  ['Holidays', '', 'Dates the SLA clock stops, YYYY-MM-DD, comma-separated.'],
  ['Due soon at (%)', '75', 'Share of the SLA target after which a case is due soon and its owner is told.'],
  ['Team lead', '', 'Email that receives breach notices (and due-soon notices of owners not listed below).'],
  ['Team members', '', 'Emails (comma-separated) of case owners who receive due-soon notices.'],
];

/** One column group on the Lists tab; its first column is what validation rules read. */
export interface ListBlock {
  list: ListName | 'synonyms';
  headers: readonly string[];
  seed: readonly (readonly string[])[];
  /** Named range over the first column's values (rows 2 to the end), e.g. CB_Markets. */
  namedRange: string;
}

const fixed = (list: ListName, header: string, name: string): ListBlock => ({
  list,
  headers: [header],
  seed: (FIXED_LISTS as Record<string, readonly string[]>)[list]!.map((v) => [v]),
  namedRange: name,
});

export const LIST_BLOCKS: readonly ListBlock[] = [
  {
    list: 'markets',
    headers: ['Market', 'Name', 'In DSA scope'],
    seed: MARKETS.map((m) => [m.code, m.name, m.inDsaScope ? 'Yes' : 'No']),
    namedRange: 'CB_Markets',
  },
  {
    list: 'policies',
    headers: [
      'Policy',
      'DSA category',
      'DSA keywords',
      'Decision ground',
      'Legal ground',
      'Illegality explanation',
      'Description',
    ],
    seed: DEFAULT_POLICIES.map((p) => [
      p.name,
      p.dsaCategory,
      p.dsaKeywords.join(', '),
      p.ground,
      p.legalGround ?? '',
      p.illegalityExplanation ?? '',
      p.description,
    ]),
    namedRange: 'CB_Policies',
  },
  {
    list: 'actions',
    headers: ['Enforcement action', 'Restriction type', 'DSA decision', 'Temporary'],
    seed: DEFAULT_ACTIONS.map((a) => [a.name, a.restrictionType, a.dsaDecision, a.temporary ? 'Yes' : 'No']),
    namedRange: 'CB_Actions',
  },
  { list: 'teams', headers: ['Team'], seed: DEFAULT_TEAMS.map((t) => [t]), namedRange: 'CB_Teams' },
  {
    list: 'rootCauses',
    headers: ['Root cause'],
    seed: DEFAULT_ROOT_CAUSES.map((r) => [r]),
    namedRange: 'CB_RootCauses',
  },
  fixed('detectionSources', 'Detection source', 'CB_DetectionSources'),
  fixed('automatedDecisions', 'Automated decision', 'CB_AutomatedDecisions'),
  fixed('severities', 'Severity', 'CB_Severities'),
  fixed('statuses', 'Status', 'CB_Statuses'),
  fixed('appealStatuses', 'Appeal status', 'CB_AppealStatuses'),
  fixed('yesNo', 'Yes/No', 'CB_YesNo'),
  {
    list: 'synonyms',
    headers: ['Synonym list', 'Synonym', 'Means'],
    seed: Object.entries(DEFAULT_SYNONYMS).flatMap(([list, map]) =>
      Object.entries(map).map(([from, to]) => [list, from, to]),
    ),
    namedRange: 'CB_Synonyms',
  },
];

/** Where each block starts on the Lists tab: blocks sit side by side with one empty column between. */
export function listBlockColumns(): Map<ListBlock['list'], number> {
  const columns = new Map<ListBlock['list'], number>();
  let column = 1;
  for (const block of LIST_BLOCKS) {
    columns.set(block.list, column);
    column += block.headers.length + 1;
  }
  return columns;
}

export interface ColumnPlan {
  /** 1-based column of every wanted header, existing or to be appended. */
  columnOf: Map<string, number>;
  /** Wanted headers not found, in schema order, to write after the last used column. */
  append: { header: string; column: number }[];
}

/**
 * Finds wanted columns by header, wherever users moved them (case, spacing and accents ignored), and
 * places missing ones after the last used column. User-added columns are left where they are.
 */
export function planColumns(existing: readonly unknown[], wanted: readonly string[]): ColumnPlan {
  const byKey = new Map<string, number>();
  existing.forEach((header, i) => {
    const key = matchKey(String(header ?? ''));
    if (key !== '' && !byKey.has(key)) byKey.set(key, i + 1);
  });
  let lastUsed = 0;
  existing.forEach((header, i) => {
    if (String(header ?? '').trim() !== '') lastUsed = i + 1;
  });
  const columnOf = new Map<string, number>();
  const append: ColumnPlan['append'] = [];
  for (const header of wanted) {
    const found = byKey.get(matchKey(header));
    if (found !== undefined) columnOf.set(header, found);
    else {
      lastUsed += 1;
      columnOf.set(header, lastUsed);
      append.push({ header, column: lastUsed });
    }
  }
  return { columnOf, append };
}
