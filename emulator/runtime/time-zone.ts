/**
 * Wall-clock parts of an instant in an IANA time zone, and the reverse, through Intl. Spreadsheets, the
 * script manifest and triggers each have a time zone; every conversion in the emulator goes through here.
 */

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 1 = Monday ... 7 = Sunday (ISO). */
  weekday: number;
  /** Minutes ahead of UTC at that instant. */
  offsetMinutes: number;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        weekday: 'short',
      });
    } catch {
      throw new RangeError(`Invalid time zone: ${timeZone}`);
    }
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

export function zonedParts(instant: Date | number, timeZone: string): ZonedParts {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const raw: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(ms))) raw[part.type] = part.value;
  const p = {
    year: Number(raw.year),
    month: Number(raw.month),
    day: Number(raw.day),
    hour: Number(raw.hour),
    minute: Number(raw.minute),
    second: Number(raw.second),
  };
  const millisecond = ((ms % 1000) + 1000) % 1000;
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return {
    ...p,
    millisecond,
    weekday: WEEKDAYS.indexOf(raw.weekday ?? '') + 1,
    offsetMinutes: Math.round((asUtc - (ms - millisecond)) / 60_000),
  };
}

/** The instant at which a wall-clock time occurs in a time zone (the later offset wins across a DST change). */
export function zonedTimeToUtc(
  [year, month, day, hour, minute, second]: [number, number, number, number, number, number],
  timeZone: string,
): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute, second);
  const first = guess - zonedParts(guess, timeZone).offsetMinutes * 60_000;
  return guess - zonedParts(first, timeZone).offsetMinutes * 60_000;
}
