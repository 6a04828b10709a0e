/**
 * The period the "DSA transparency figures" menu item asks for: two days typed as the tracker's people
 * write them (day-first or month-first as the Settings tab's date order says, or ISO), both included, read as wall-clock
 * days in the tracker's time zone. Bad input gets an error that says what to type.
 */
import { type DateOrder, dayPattern, normaliseDate } from '../normalise/date';
import { instantOfWallClock } from '../sla/calendar';
import type { Period } from './transparency-figures';

const DAY_MS = 86_400_000;
const SEPARATOR = /\s+(?:to|until|bis|au|a|al|-|–|—)\s+|\s*(?:\.\.|–|—)\s*/i;

export type PeriodAnswer =
  | { ok: true; period: Period; from: string; to: string }
  | { ok: false; error: string };

/** "01/07/2026 to 31/12/2026" (day-first) as the period from the start of 1 July to the end of 31 December. */
export function parseFiguresPeriod(input: string, order: DateOrder, timeZone: string): PeriodAnswer {
  const example = order === 'MDY' ? '07/01/2026 to 12/31/2026' : '01/07/2026 to 31/12/2026';
  const usage = `Write the period as ${dayPattern(order)} to ${dayPattern(order)}, for example ${example}.`;
  const parts = input.trim().split(SEPARATOR);
  if (input.trim() === '') return { ok: false, error: `No period given. ${usage}` };
  if (parts.length !== 2) return { ok: false, error: `"${input.trim()}" is not a period. ${usage}` };
  const days: string[] = [];
  for (const part of parts) {
    const day = normaliseDate(part.trim(), order, timeZone);
    if (!day.ok) return { ok: false, error: `"${part.trim()}" is not a date. ${usage}` };
    days.push(day.value);
  }
  const [from, to] = days as [string, string];
  if (to < from) return { ok: false, error: `The period ends (${to}) before it starts (${from}). ${usage}` };
  const startMs = instantOfWallClock(Date.parse(`${from}T00:00:00Z`), timeZone);
  const endMs = instantOfWallClock(Date.parse(`${to}T00:00:00Z`) + DAY_MS, timeZone);
  return { ok: true, period: { startMs, endMs, timeZone }, from, to };
}
