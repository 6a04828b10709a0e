/**
 * The yearly archive's pure decisions: the setting, which cases move (closed by their sealed record, older
 * than the setting, one year at a time, oldest first), the highest archived sequence, and the journal.
 */
import {
  archiveYearOf,
  decodeJournal,
  encodeJournal,
  highestSequence,
  parseArchiveAfterDays,
  planArchiveMove,
  type SealedCase,
} from '../../src/core/archive/archive-plan';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 1);

test('the setting: blank is off, whole days 1..3650, anything else is named with its value', () => {
  expect(parseArchiveAfterDays('  ')).toEqual({ days: null });
  expect(parseArchiveAfterDays(' 365 ')).toEqual({ days: 365 });
  for (const bad of ['0', '3651', '30.5', '-3', 'dreißig', '1e3'])
    expect(parseArchiveAfterDays(bad)).toEqual({
      problem: expect.stringContaining(
        `"Archive closed cases after (days)" must be a whole number of days from 1 to 3650 (or blank to keep every case in the tracker); it is "${bad}"`,
      ),
    });
});

test('only closed cases closed longer ago than the setting move; the oldest year first, at most the limit', () => {
  const cases: SealedCase[] = [
    { caseId: 'CB-2026-00003', status: 'Closed', closedAtMs: NOW - 40 * DAY },
    { caseId: 'CB-2025-00007', status: 'Closed', closedAtMs: NOW - 400 * DAY },
    { caseId: 'CB-2025-00002', status: 'Closed', closedAtMs: NOW - 300 * DAY },
    { caseId: 'CB-2025-00009', status: 'Resolved', closedAtMs: NOW - 300 * DAY },
    { caseId: 'CB-2025-00010', status: 'Closed', closedAtMs: null },
    { caseId: 'CB-2026-00004', status: 'Closed', closedAtMs: NOW - 10 * DAY },
    { caseId: 'LEGACY-17', status: 'Closed', closedAtMs: NOW - 900 * DAY },
  ];
  expect(planArchiveMove(cases, NOW, 30, 100)).toEqual({
    year: 2025,
    caseIds: ['CB-2025-00002', 'CB-2025-00007'],
  });
  expect(planArchiveMove(cases, NOW, 30, 1)).toEqual({ year: 2025, caseIds: ['CB-2025-00002'] });
  expect(planArchiveMove(cases.slice(0, 1), NOW, 30, 100)).toEqual({
    year: 2026,
    caseIds: ['CB-2026-00003'],
  });
  expect(planArchiveMove(cases, NOW, 1000, 100)).toBeNull();
  // Exactly at the cutoff: not older, stays.
  expect(
    planArchiveMove([{ caseId: 'CB-2026-00001', status: 'Closed', closedAtMs: NOW - 30 * DAY }], NOW, 30, 9),
  ).toBeNull();
});

test('years and the highest sequence come from the case IDs', () => {
  expect(archiveYearOf(' CB-2024-00042 ')).toBe(2024);
  expect(archiveYearOf('CB-24-42')).toBeNull();
  expect(highestSequence(['CB-2026-00009', 'CB-2026-00120', 'CB-2025-99999', 'x'], 2026)).toBe(120);
  expect(highestSequence([], 2026)).toBe(0);
});

test('a journal survives the store; one Casebook did not write (or that mixes years) is not resumed', () => {
  const journal = { year: 2025, caseIds: ['CB-2025-00001'], startedMs: NOW };
  expect(decodeJournal(encodeJournal(journal))).toEqual(journal);
  expect(decodeJournal(null)).toBeNull();
  expect(decodeJournal('{not json')).toBeNull();
  expect(decodeJournal(JSON.stringify({ ...journal, caseIds: ['CB-2026-00001'] }))).toBeNull();
  expect(decodeJournal(JSON.stringify({ ...journal, caseIds: [7] }))).toBeNull();
  expect(decodeJournal(JSON.stringify({ year: 2025, caseIds: [] }))).toBeNull();
});
