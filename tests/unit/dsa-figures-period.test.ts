/** The figures menu's period: typed in the tracker's date order, read as wall-clock days of its zone. */
import { parseFiguresPeriod } from '../../src/core/dsa/figures-period';

test('day-first and month-first periods are whole Berlin days, both ends included, over a DST change', () => {
  const dayFirst = parseFiguresPeriod('29/03/2026 to 25/10/2026', 'DMY', 'Europe/Berlin');
  expect(dayFirst).toMatchObject({ ok: true, from: '2026-03-29', to: '2026-10-25' });
  if (!dayFirst.ok) throw new Error('refused');
  // Midnight of 29 March is still winter time (UTC+1); the end of 25 October is winter time again.
  expect(new Date(dayFirst.period.startMs).toISOString()).toBe('2026-03-28T23:00:00.000Z');
  expect(new Date(dayFirst.period.endMs).toISOString()).toBe('2026-10-25T23:00:00.000Z');
  expect(parseFiguresPeriod('03/29/2026 – 10/25/2026', 'MDY', 'Europe/Berlin')).toEqual(dayFirst);
  expect(parseFiguresPeriod('2026-03-29..2026-10-25', 'DMY', 'Europe/Berlin')).toEqual(dayFirst);
});

test.each([
  ['', 'No period given.'],
  ['29/03/2026', '"29/03/2026" is not a period.'],
  ['30/02/2026 to 01/03/2026', '"30/02/2026" is not a date.'],
  ['01/03/2026 to 28/02/2026', 'The period ends (2026-02-28) before it starts (2026-03-01).'],
  ['=NOW() to 01/03/2026', '"=NOW()" is not a date.'],
])('"%s" is refused: %s', (input, start) => {
  const answer = parseFiguresPeriod(input, 'DMY', 'Europe/Berlin');
  expect(answer.ok).toBe(false);
  if (answer.ok) return;
  expect(answer.error.startsWith(start)).toBe(true);
  expect(answer.error).toContain('dd/mm/yyyy to dd/mm/yyyy');
});
