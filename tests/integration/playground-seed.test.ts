/**
 * The playground's demo library, built through Casebook's own functions: at least 300 cases over the last
 * eight weeks, across EU markets, policies, actions and statuses, with escalations, appeals, overturned
 * decisions and duplicate decisions, every one valid by Validate library, and the same on every fresh start.
 */
import { clickMenuItem, createWorkspace, type Workspace } from '../../emulator';
import { PEOPLE, seedDemoTracker } from '../../emulator/playground/seed';
import { shareDemoLibrary } from '../support/demo-library';

jest.setTimeout(120_000);
const NOW = Date.UTC(2026, 10, 23, 9);
const DAY = 86_400_000;

function casesOf(ws: Workspace, spreadsheetId: string): Record<string, unknown>[] {
  const sheet = ws.getSpreadsheet(spreadsheetId).sheets.find((s) => s.name === 'Cases')!;
  const header = sheet.cells[0]!.map((c) => String(c?.value ?? ''));
  return sheet.cells
    .slice(1)
    .filter((line) => line?.some((c) => c && c.value !== ''))
    .map((line) => Object.fromEntries(header.map((h, i) => [h, line?.[i]?.value ?? ''])));
}

let ws: Workspace;
let spreadsheetId: string;
let cases: Record<string, unknown>[];

beforeAll(() => {
  ws = createWorkspace({ now: NOW });
  const seeded = seedDemoTracker(ws);
  spreadsheetId = seeded.spreadsheetId;
  cases = casesOf(ws, spreadsheetId);
  expect(seeded.cases).toBe(cases.length);
  // Before any test here changes it: the run's other files take this library rather than seeding their own.
  shareDemoLibrary(ws, seeded, NOW);
});

test('at least 300 cases over the last eight weeks, the clock back at now', () => {
  expect(cases.length).toBeGreaterThanOrEqual(300);
  const created = cases.map((c) => (c['Created at'] as Date).getTime());
  expect(Math.min(...created)).toBeGreaterThanOrEqual(NOW - 56 * DAY);
  expect(Math.min(...created)).toBeLessThan(NOW - 49 * DAY);
  expect(Math.max(...created)).toBeLessThanOrEqual(NOW);
  expect(ws.clock.now()).toBe(NOW);
});

test('a realistic mix: markets, policies, actions, statuses, escalations, appeals, misjudgements', () => {
  const distinct = (header: string) => new Set(cases.map((c) => c[header]).filter((v) => v !== ''));
  expect(distinct('Market').size).toBeGreaterThanOrEqual(8);
  expect(distinct('Policy').size).toBeGreaterThanOrEqual(10);
  expect(distinct('Enforcement action').size).toBeGreaterThanOrEqual(8);
  expect([...distinct('Status')].sort()).toEqual([
    'Awaiting response',
    'Closed',
    'Escalated',
    'New',
    'Resolved',
    'Triaged',
  ]);
  expect(distinct('Escalated to').size).toBeGreaterThanOrEqual(3);
  const overturned = cases.filter((c) => c['Appeal status'] === 'Overturned');
  expect(overturned.length).toBeGreaterThanOrEqual(5);
  expect(overturned.every((c) => c.Misjudgement === 'Yes' && c['Root cause'] !== '')).toBe(true);
  expect(
    cases.filter((c) => String(c['Duplicate check']).startsWith('Linked as related')).length,
  ).toBeGreaterThan(0);
  expect(new Set(cases.map((c) => c['Created by']))).toEqual(new Set([PEOPLE.ops.email, PEOPLE.ops2.email]));
  // Some sellers come back again and again.
  const perSeller = new Map<unknown, number>();
  for (const c of cases) perSeller.set(c['Seller ID'], (perSeller.get(c['Seller ID']) ?? 0) + 1);
  expect(Math.max(...perSeller.values())).toBeGreaterThanOrEqual(8);
});

test('every case is valid and every change is in the Audit log', () => {
  const summary = clickMenuItem(ws, { user: PEOPLE.owner.email, spreadsheetId, caption: 'Validate library' });
  expect(summary).toMatchObject({ rowsChecked: cases.length, invalidRows: 0 });
  const audit = ws.getSpreadsheet(spreadsheetId).sheets.find((s) => s.name === 'Audit log')!;
  const actions = audit.cells.slice(1).map((line) => String(line?.[2]?.value ?? ''));
  expect(actions.filter((a) => a === 'New case').length).toBe(cases.length);
  expect(actions.filter((a) => a === 'Edit').length).toBeGreaterThan(cases.length / 2);
});

test('the same library on every fresh start (checked on a small one)', () => {
  const seeded = () => {
    const fresh = createWorkspace({ now: NOW });
    return casesOf(fresh, seedDemoTracker(fresh, 30).spreadsheetId);
  };
  const first = seeded();
  expect(first).toHaveLength(30);
  expect(seeded()).toEqual(first);
});
