/**
 * The team's working calendar, and working time counted on it: how many working minutes lie between two
 * instants, and when a number of working minutes will have passed. SLA clocks run on working time, so a
 * P1 logged on Friday evening is not breached over the weekend. Every working day is built from its local
 * wall-clock start and end in the calendar's time zone and converted to instants, so days of 23 or 25
 * hours (daylight-saving changes) count exactly; nothing here assumes a day lasts 24 hours.
 */
import { settingLabel } from '../schema/settings-schema';
import { WorkingDayMemo } from './calendar-memo';

export interface WorkingCalendar {
  /** IANA time zone the working hours and holidays are meant in, e.g. Europe/Berlin. */
  timeZone: string;
  /** ISO weekdays: 1 = Monday ... 7 = Sunday. */
  workingDays: readonly number[];
  /** 'HH:MM' local time the working day starts. */
  dayStart: string;
  /** 'HH:MM' local time it ends, after dayStart; '24:00' is the following midnight. */
  dayEnd: string;
  /** YYYY-MM-DD dates in the calendar's time zone on which nobody works. */
  holidays: readonly string[];
}

/** A stretch during which the clock does not run. toMs = Infinity is a pause that has not ended yet. */
export interface PausedInterval {
  fromMs: number;
  toMs: number;
}

interface Interval {
  startMs: number;
  endMs: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** A due time further than this is a configuration mistake, not a deadline: searching stops there. */
const SEARCH_LIMIT_MS = 10 * 366 * DAY_MS;

/** Building a formatter costs far more than using one, and an SLA sweep converts thousands of instants. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when Intl knows the IANA time zone (Apps Script's V8 runtime uses the same ICU data). */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === '') return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock an instant shows in the zone, read from Intl to the second. */
function wallClockFromIntl(instantMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    parts[part.type] = Number(part.value);
  }
  const get = (type: string) => parts[type] ?? 0;
  // Some engines write midnight as hour 24 even with h23.
  const hour = get('hour') % 24;
  const wholeSecond = Date.UTC(get('year'), get('month') - 1, get('day'), hour, get('minute'), get('second'));
  return wholeSecond + (((instantMs % 1000) + 1000) % 1000);
}

const HOUR_MS = 3_600_000;
/**
 * Per zone, per UTC hour (instant / HOUR_MS), the zone's offset when it is the same at the hour's first
 * and last second, or NaN when it changes within the hour. Zones change offset at most a few times a year
 * and never twice within an hour, so the offset at both ends holds throughout. Sweeps and schedules ask
 * about the same hours again and again, and Intl's formatToParts is the costly step (most of an SLA
 * sweep's time went there). Module state lives one execution in Apps Script.
 */
const hourOffsets = new Map<string, Map<number, number>>();
/** Hours remembered per zone before the memo starts afresh (a few MB at most). */
const MAX_MEMO_HOURS = 100_000;

/** The wall clock an instant shows in the zone, written as if it were a UTC instant (so it can be compared). */
export function wallClockMs(instantMs: number, timeZone: string): number {
  if (!Number.isFinite(instantMs)) return wallClockFromIntl(instantMs, timeZone);
  const hour = Math.floor(instantMs / HOUR_MS);
  let hours = hourOffsets.get(timeZone);
  let offset = hours?.get(hour);
  if (offset === undefined) {
    const start = hour * HOUR_MS;
    const last = start + HOUR_MS - 1000;
    const atStart = wallClockFromIntl(start, timeZone) - start;
    offset = wallClockFromIntl(last, timeZone) - last === atStart ? atStart : Number.NaN;
    if (!hours || hours.size >= MAX_MEMO_HOURS) {
      hours = new Map();
      hourOffsets.set(timeZone, hours);
    }
    hours.set(hour, offset);
  }
  return Number.isNaN(offset) ? wallClockFromIntl(instantMs, timeZone) : instantMs + offset;
}

/** How a person in the zone reads an instant: "2026-11-27 18:00". */
export function wallClockText(instantMs: number, timeZone: string): string {
  return new Date(wallClockMs(instantMs, timeZone)).toISOString().slice(0, 16).replace('T', ' ');
}

function offsetMs(instantMs: number, timeZone: string): number {
  return wallClockMs(instantMs, timeZone) - instantMs;
}

/**
 * The first instant at which the zone's wall clock reads `wallMs` or later. A time that occurs twice (the
 * clocks go back) gives its first occurrence; a time that never occurs (the clocks jump forward past it)
 * gives the instant of the jump, which is when a working day "starting at 02:30" really starts.
 */
export function instantOfWallClock(wallMs: number, timeZone: string): number {
  const offsets = new Set([
    offsetMs(wallMs - DAY_MS, timeZone),
    offsetMs(wallMs, timeZone),
    offsetMs(wallMs + DAY_MS, timeZone),
  ]);
  const matches = [...offsets]
    .map((offset) => wallMs - offset)
    .filter((instant) => wallClockMs(instant, timeZone) === wallMs);
  if (matches.length > 0) return Math.min(...matches);
  // In a gap: before the jump the wall clock is behind wallMs, after it ahead. Find the jump to the minute.
  const candidates = [...offsets].map((offset) => wallMs - offset);
  let before = Math.min(...candidates);
  let after = Math.max(...candidates);
  while (after - before > MINUTE_MS) {
    const middle = before + Math.floor((after - before) / 2 / MINUTE_MS) * MINUTE_MS;
    if (middle === before) break;
    if (wallClockMs(middle, timeZone) >= wallMs) after = middle;
    else before = middle;
  }
  return after;
}

function minutesOfDay(clock: string, name: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(clock.trim());
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (!match || minutes > 59 || hours * 60 + minutes > 24 * 60) {
    throw new RangeError(`${name} "${clock}" is not a time of day like 09:00`);
  }
  return hours * 60 + minutes;
}

/** The calendar in the form the counting needs, checked once per call so no search can run forever. */
interface PreparedCalendar {
  timeZone: string;
  startMinute: number;
  endMinute: number;
  workingDays: ReadonlySet<number>;
  holidays: ReadonlySet<string>;
}

function prepare(cal: WorkingCalendar): PreparedCalendar {
  if (!isValidTimeZone(cal.timeZone)) throw new RangeError(`"${cal.timeZone}" is not a known time zone`);
  const startMinute = minutesOfDay(cal.dayStart, 'Day start');
  const endMinute = minutesOfDay(cal.dayEnd, 'Day end');
  if (endMinute <= startMinute) throw new RangeError('The working day must end after it starts');
  const workingDays = new Set(cal.workingDays.filter((day) => Number.isInteger(day) && day >= 1 && day <= 7));
  if (workingDays.size === 0) throw new RangeError('The working calendar has no working days');
  return { timeZone: cal.timeZone, startMinute, endMinute, workingDays, holidays: new Set(cal.holidays) };
}

/** Nominal length of one working day in minutes, as Settings states it (a 'd' in an SLA target). */
export function workingDayMinutes(cal: WorkingCalendar): number {
  return minutesOfDay(cal.dayEnd, 'Day end') - minutesOfDay(cal.dayStart, 'Day start');
}

function isoDate(dayMs: number): string {
  return new Date(dayMs).toISOString().slice(0, 10);
}

/** Cache of working-day boundaries: a sweep over many cases asks about the same few weeks again and again. */
const dayIntervals = new Map<string, Interval>();
const DAY_CACHE_LIMIT = 20_000;

function workingInterval(dayMs: number, cal: PreparedCalendar): Interval {
  const key = `${cal.timeZone}|${dayMs}|${cal.startMinute}|${cal.endMinute}`;
  let interval = dayIntervals.get(key);
  if (!interval) {
    interval = {
      startMs: instantOfWallClock(dayMs + cal.startMinute * MINUTE_MS, cal.timeZone),
      endMs: instantOfWallClock(dayMs + cal.endMinute * MINUTE_MS, cal.timeZone),
    };
    if (dayIntervals.size >= DAY_CACHE_LIMIT) dayIntervals.clear();
    dayIntervals.set(key, interval);
  }
  return interval;
}

/**
 * Working intervals in time order, from the local day containing `fromMs` on. Days are stepped as wall-clock
 * dates (UTC midnights stand for local dates), never by adding 24 hours to an instant.
 */
function* workingIntervalsFrom(fromMs: number, cal: PreparedCalendar): Generator<Interval> {
  const wall = wallClockMs(fromMs, cal.timeZone);
  for (let dayMs = wall - (((wall % DAY_MS) + DAY_MS) % DAY_MS); ; dayMs += DAY_MS) {
    const isoWeekday = ((new Date(dayMs).getUTCDay() + 6) % 7) + 1;
    if (!cal.workingDays.has(isoWeekday) || cal.holidays.has(isoDate(dayMs))) continue;
    yield workingInterval(dayMs, cal);
  }
}

/** One memo per calendar (its zone, hours, days and holidays), kept for the whole run. */
const memos = new Map<string, WorkingDayMemo>();
const MEMO_LIMIT = 32;
/** Calendars are values: a calendar object seen before maps straight to its memo. */
const memoOfCalendar = new WeakMap<WorkingCalendar, WorkingDayMemo>();

/** The memo of a calendar's working days (see calendar-memo.ts), made on first use. */
export function workingDayMemo(cal: WorkingCalendar): WorkingDayMemo {
  const known = memoOfCalendar.get(cal);
  if (known) return known;
  const prepared = prepare(cal);
  const key = [
    prepared.timeZone,
    prepared.startMinute,
    prepared.endMinute,
    [...prepared.workingDays].sort().join(','),
    [...prepared.holidays].sort().join(','),
  ].join('|');
  let memo = memos.get(key);
  if (!memo) {
    memo = new WorkingDayMemo((dayMs) => {
      const isoWeekday = ((new Date(dayMs).getUTCDay() + 6) % 7) + 1;
      if (!prepared.workingDays.has(isoWeekday) || prepared.holidays.has(isoDate(dayMs))) return null;
      return workingInterval(dayMs, prepared);
    });
    if (memos.size >= MEMO_LIMIT) memos.clear();
    memos.set(key, memo);
  }
  memoOfCalendar.set(cal, memo);
  return memo;
}

/** Pauses sorted and merged, so overlapping pauses never count twice. */
function mergePauses(pauses: readonly PausedInterval[]): PausedInterval[] {
  const sorted = pauses.filter((p) => p.toMs > p.fromMs).sort((a, b) => a.fromMs - b.fromMs);
  const merged: PausedInterval[] = [];
  for (const pause of sorted) {
    const last = merged[merged.length - 1];
    if (last && pause.fromMs <= last.toMs) last.toMs = Math.max(last.toMs, pause.toMs);
    else merged.push({ fromMs: pause.fromMs, toMs: pause.toMs });
  }
  return merged;
}

/** The parts of [startMs, endMs) outside every (merged, sorted) pause. */
function withoutPauses(startMs: number, endMs: number, merged: readonly PausedInterval[]): Interval[] {
  const pieces: Interval[] = [];
  let cursor = startMs;
  for (const pause of merged) {
    if (pause.toMs <= cursor) continue;
    if (pause.fromMs >= endMs) break;
    if (pause.fromMs > cursor) pieces.push({ startMs: cursor, endMs: pause.fromMs });
    cursor = Math.max(cursor, pause.toMs);
    if (cursor >= endMs) break;
  }
  if (cursor < endMs) pieces.push({ startMs: cursor, endMs });
  return pieces;
}

function requireFinite(value: number, name: string): void {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite number, got ${value}`);
}

/**
 * Working minutes in [startMs, endMs), less the paused stretches (which may overlap each other and
 * non-working time). Exact: seconds in the instants give a fractional minute. 0 when end is not after start.
 */
export function workingMinutesBetween(
  startMs: number,
  endMs: number,
  cal: WorkingCalendar,
  pauses: readonly PausedInterval[] = [],
): number {
  requireFinite(startMs, 'startMs');
  requireFinite(endMs, 'endMs');
  if (endMs <= startMs) return 0;
  if (pauses.length === 0) {
    const memoised = workingDayMemo(cal).workingMsBetween(startMs, endMs);
    if (memoised !== undefined) return memoised / MINUTE_MS;
  }
  const prepared = prepare(cal);
  const merged = mergePauses(pauses);
  let totalMs = 0;
  for (const day of workingIntervalsFrom(startMs, prepared)) {
    if (day.startMs >= endMs) break;
    const from = Math.max(day.startMs, startMs);
    const to = Math.min(day.endMs, endMs);
    if (to <= from) continue;
    for (const piece of withoutPauses(from, to, merged)) totalMs += piece.endMs - piece.startMs;
  }
  return totalMs / MINUTE_MS;
}

/**
 * The instant at which `minutes` working minutes (fractions allowed) have passed since startMs, pauses not
 * counting: the earliest t with workingMinutesBetween(startMs, t) = minutes, so a target met at the end of
 * a working day is due then, not at the next morning. 0 minutes gives startMs.
 * Returns null when there is no due time: the minutes are not used up before a pause that has not ended
 * (toMs = Infinity), or not within ten years. A due time reached before such a pause began still stands.
 */
export function addWorkingMinutes(
  startMs: number,
  minutes: number,
  cal: WorkingCalendar,
  pauses: readonly PausedInterval[] = [],
): number | null {
  requireFinite(startMs, 'startMs');
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`minutes must be zero or more, got ${minutes}`);
  }
  if (minutes === 0) return startMs;
  if (pauses.length === 0) {
    const memoised = workingDayMemo(cal).instantAfterWorking(startMs, minutes * MINUTE_MS, SEARCH_LIMIT_MS);
    if (memoised !== undefined) return memoised;
  }
  const prepared = prepare(cal);
  const merged = mergePauses(pauses);
  const openPauseFrom = merged.find((p) => p.toMs === Number.POSITIVE_INFINITY)?.fromMs ?? null;
  let remainingMs = minutes * MINUTE_MS;
  for (const day of workingIntervalsFrom(startMs, prepared)) {
    if (openPauseFrom !== null && day.startMs >= openPauseFrom) return null;
    if (day.startMs - startMs > SEARCH_LIMIT_MS) return null;
    const from = Math.max(day.startMs, startMs);
    if (day.endMs <= from) continue;
    for (const piece of withoutPauses(from, day.endMs, merged)) {
      const length = piece.endMs - piece.startMs;
      if (remainingMs <= length) return piece.startMs + remainingMs;
      remainingMs -= length;
    }
  }
  // The generator never ends; this satisfies noImplicitReturns.
  return null;
}

/** Settings rows the calendar is read from, by their labels (defined in core/schema/settings-schema). */
export const CALENDAR_SETTINGS = {
  timeZone: settingLabel('timeZone'),
  workingDays: settingLabel('workingDays'),
  workingHours: settingLabel('workingHours'),
  holidays: settingLabel('holidays'),
} as const;

const WEEKDAY_NAMES: readonly (readonly string[])[] = [
  ['mon', 'monday'],
  ['tue', 'tues', 'tuesday'],
  ['wed', 'wednesday'],
  ['thu', 'thur', 'thurs', 'thursday'],
  ['fri', 'friday'],
  ['sat', 'saturday'],
  ['sun', 'sunday'],
];

function isoWeekdayOf(name: string): number | null {
  const index = WEEKDAY_NAMES.findIndex((names) => names.includes(name.trim().toLowerCase()));
  return index < 0 ? null : index + 1;
}

const DAYS_EXAMPLE = 'write days like Mon-Fri or Mon,Tue,Wed';
const HOURS_EXAMPLE = 'write them like 09:00-18:00';

/** 'Mon-Fri', 'Mon,Tue,Wed', 'Mon-Wed, Sat' or 'Fri-Mon' (a range may wrap past Sunday). */
function parseWorkingDays(text: string): { days: number[] } | { problem: string } {
  const label = CALENDAR_SETTINGS.workingDays;
  if (text.trim() === '') return { problem: `${label} is blank: ${DAYS_EXAMPLE}` };
  const days = new Set<number>();
  for (const item of text.split(',')) {
    const ends = item.split(/[-–]/);
    const first = isoWeekdayOf(ends[0] ?? '');
    const last = ends.length === 2 ? isoWeekdayOf(ends[1] ?? '') : first;
    if (ends.length > 2 || first === null || last === null) {
      return {
        problem: `${label} "${text.trim()}": "${item.trim()}" is not a day or range: ${DAYS_EXAMPLE}`,
      };
    }
    for (let day = first; ; day = (day % 7) + 1) {
      days.add(day);
      if (day === last) break;
    }
  }
  return { days: [...days].sort((a, b) => a - b) };
}

function parseWorkingHours(text: string): { dayStart: string; dayEnd: string } | { problem: string } {
  const label = CALENDAR_SETTINGS.workingHours;
  if (text.trim() === '') return { problem: `${label} is blank: ${HOURS_EXAMPLE}` };
  const match = /^(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return { problem: `${label} "${text.trim()}" is not readable: ${HOURS_EXAMPLE}` };
  const [startH, startM, endH, endM] = match.slice(1).map(Number) as [number, number, number, number];
  const start = startH * 60 + startM;
  const end = endH * 60 + endM;
  if (startM > 59 || endM > 59 || start > 24 * 60 || end > 24 * 60) {
    return { problem: `${label} "${text.trim()}" has a time that does not exist: ${HOURS_EXAMPLE}` };
  }
  if (end <= start) {
    return {
      problem: `${label} "${text.trim()}" must end after they start: ${HOURS_EXAMPLE} (a working day cannot cross midnight)`,
    };
  }
  const clock = (minutes: number) =>
    `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return { dayStart: clock(start), dayEnd: clock(end) };
}

function isRealDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return isoDate(date.getTime()) === text;
}

export type ParsedCalendar = { ok: true; calendar: WorkingCalendar } | { ok: false; problems: string[] };

/**
 * The working calendar from the Settings tab's text. Time zone, working days and working hours are
 * required; Holidays may be blank. Every problem is reported at once, so one fix round is enough.
 */
export function parseCalendar(settings: Readonly<Record<string, string>>): ParsedCalendar {
  const problems: string[] = [];
  const text = (key: string) => String(settings[key] ?? '').trim();

  const timeZone = text(CALENDAR_SETTINGS.timeZone);
  if (timeZone === '') {
    problems.push(`${CALENDAR_SETTINGS.timeZone} is blank: give an IANA time zone such as Europe/Berlin`);
  } else if (!isValidTimeZone(timeZone)) {
    problems.push(
      `${CALENDAR_SETTINGS.timeZone} "${timeZone}" is not a known time zone: use an IANA name such as Europe/Berlin`,
    );
  }

  const days = parseWorkingDays(text(CALENDAR_SETTINGS.workingDays));
  if ('problem' in days) problems.push(days.problem);
  const hours = parseWorkingHours(text(CALENDAR_SETTINGS.workingHours));
  if ('problem' in hours) problems.push(hours.problem);

  const holidays = text(CALENDAR_SETTINGS.holidays)
    .split(/[,;\s]+/)
    .filter((item) => item !== '');
  for (const holiday of holidays) {
    if (!isRealDate(holiday)) {
      problems.push(
        `${CALENDAR_SETTINGS.holidays}: "${holiday}" is not a date: write holidays as YYYY-MM-DD, separated by commas`,
      );
    }
  }

  if (problems.length > 0 || 'problem' in days || 'problem' in hours) return { ok: false, problems };
  return {
    ok: true,
    calendar: {
      timeZone,
      workingDays: days.days,
      dayStart: hours.dayStart,
      dayEnd: hours.dayEnd,
      holidays: [...new Set(holidays)].sort(),
    },
  };
}
