/**
 * Utilities as Google documents it. formatDate follows Java SimpleDateFormat (Locale US weeks: Sunday
 * first, week 1 holds 1 January) in Java time zone IDs; expected values below are worked out by hand.
 * Docs: https://developers.google.com/apps-script/reference/utilities/utilities ,
 * https://docs.oracle.com/javase/8/docs/api/java/text/SimpleDateFormat.html ,
 * https://docs.oracle.com/javase/8/docs/api/java/util/TimeZone.html
 */
import { Execution } from '../../emulator/runtime/execution';
import { formatJavaDate, usWeek } from '../../emulator/services/java-date-format';
import { createUtilities, MAX_SLEEP_MS } from '../../emulator/services/utilities';
import { createWorkspace } from '../../emulator/workspace';

const USER = 'lead@governance.example';

function setup() {
  const ws = createWorkspace({ users: [{ email: USER }] });
  const start = () => createUtilities(new Execution(ws, { user: USER, authMode: 'FULL' }));
  return { ws, Utilities: start(), start };
}

const d = (iso: string) => new Date(iso);
const fmt = (iso: string, tz: string, pattern: string) => setup().Utilities.formatDate(d(iso), tz, pattern);

describe('formatDate: fields and time zones', () => {
  test('RFC 1123-style and ISO-style patterns', () => {
    expect(fmt('2026-11-23T14:05:09Z', 'UTC', 'EEE, d MMM yyyy HH:mm:ss Z')).toBe(
      'Mon, 23 Nov 2026 14:05:09 +0000',
    );
    expect(fmt('2026-11-23T09:00:00Z', 'Europe/Berlin', "yyyy-MM-dd'T'HH:mm")).toBe('2026-11-23T10:00');
    expect(fmt('2026-07-01T12:00:00Z', 'America/New_York', "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe(
      '2026-07-01T08:00:00-04:00',
    );
  });

  test('Europe/Dublin across the spring change (2026-03-29 01:00 UTC: GMT to IST)', () => {
    const p = 'EEE, d MMM yyyy HH:mm:ss Z z';
    expect(fmt('2026-03-29T00:30:00Z', 'Europe/Dublin', p)).toBe('Sun, 29 Mar 2026 00:30:00 +0000 GMT');
    expect(fmt('2026-03-29T00:59:59Z', 'Europe/Dublin', 'HH:mm:ss')).toBe('00:59:59');
    expect(fmt('2026-03-29T01:00:00Z', 'Europe/Dublin', 'HH:mm:ss')).toBe('02:00:00');
    expect(fmt('2026-03-29T01:30:00Z', 'Europe/Dublin', p)).toBe('Sun, 29 Mar 2026 02:30:00 +0100 IST');
  });

  test('the time zone decides the calendar day', () => {
    expect(fmt('2026-11-23T23:30:00Z', 'UTC', 'yyyy-MM-dd')).toBe('2026-11-23');
    expect(fmt('2026-11-23T23:30:00Z', 'Europe/Berlin', 'yyyy-MM-dd')).toBe('2026-11-24');
    expect(fmt('2026-11-23T03:30:00Z', 'America/Los_Angeles', 'yyyy-MM-dd HH:mm')).toBe('2026-11-22 19:30');
  });

  test('years, months, days and eras', () => {
    const t = '2026-03-05T09:07:03.007Z';
    expect(fmt(t, 'UTC', 'y yy yyyy yyyyy G')).toBe('2026 26 2026 02026 AD');
    expect(fmt(t, 'UTC', 'M MM MMM MMMM L')).toBe('3 03 Mar March 3');
    expect(fmt(t, 'UTC', 'd dd D DDD')).toBe('5 05 64 064');
    expect(fmt(t, 'UTC', 'E EEE EEEE u F')).toBe('Thu Thu Thursday 4 1');
    expect(fmt('2026-12-31T12:00:00Z', 'UTC', 'D')).toBe('365');
  });

  test('hours (H k K h), AM/PM, minutes, seconds and milliseconds', () => {
    expect(fmt('2026-11-23T00:05:09.007Z', 'UTC', 'H k K h a m s S SSS')).toBe('0 24 0 12 AM 5 9 7 007');
    expect(fmt('2026-11-23T12:05:00Z', 'UTC', 'HH kk KK hh a')).toBe('12 12 00 12 PM');
    expect(fmt('2026-11-23T23:59:00Z', 'UTC', 'h:mm a')).toBe('11:59 PM');
  });

  test('offsets: Z is RFC 822, X is ISO 8601 ("Z" for UTC)', () => {
    expect(fmt('2026-01-15T12:00:00Z', 'UTC', 'Z|X|XX|XXX')).toBe('+0000|Z|Z|Z');
    expect(fmt('2026-01-15T12:00:00Z', 'Europe/Berlin', 'Z|X|XX|XXX')).toBe('+0100|+01|+0100|+01:00');
    expect(fmt('2026-01-15T12:00:00Z', 'Asia/Kolkata', 'Z|X|XXX')).toBe('+0530|+05|+05:30');
    expect(fmt('2026-01-15T12:00:00Z', 'America/New_York', 'Z|XXX')).toBe('-0500|-05:00');
    expect(() => fmt('2026-01-15T12:00:00Z', 'UTC', 'XXXX')).toThrow('invalid ISO 8601 format: length=4');
  });

  test('zone names: abbreviations with z, long names with zzzz', () => {
    const winter = '2026-01-15T12:00:00Z';
    const summer = '2026-07-15T12:00:00Z';
    expect(fmt(winter, 'Europe/London', 'z')).toBe('GMT');
    expect(fmt(summer, 'Europe/London', 'z')).toBe('BST');
    expect(fmt(winter, 'Europe/Berlin', 'z')).toBe('CET');
    expect(fmt(summer, 'Europe/Berlin', 'z')).toBe('CEST');
    expect(fmt(winter, 'America/New_York', 'z zzzz')).toBe('EST Eastern Standard Time');
    expect(fmt(summer, 'America/New_York', 'z')).toBe('EDT');
    expect(fmt(winter, 'UTC', 'z zzzz')).toBe('UTC Coordinated Universal Time');
    expect(fmt(winter, 'GMT', 'z')).toBe('GMT');
  });

  test('Java custom zone IDs (GMT+h, GMT+hh:mm, GMT-hhmm); an unknown ID falls back to GMT', () => {
    const t = '2026-11-23T09:00:00Z';
    expect(fmt(t, 'GMT+1', 'HH:mm z')).toBe('10:00 GMT+01:00');
    expect(fmt(t, 'GMT+05:30', 'HH:mm Z')).toBe('14:30 +0530');
    expect(fmt(t, 'GMT-0330', 'HH:mm XXX')).toBe('05:30 -03:30');
    expect(fmt(t, 'Mars/Olympus_Mons', 'HH:mm z')).toBe('09:00 GMT');
    expect(fmt(t, 'GMT+25', 'HH:mm')).toBe('09:00');
  });
});

describe("formatDate: weeks and the 'YYYY' pitfall", () => {
  test("'YYYY' is the week year: from Sunday 27 Dec 2026 it is 2027, while 'yyyy' stays 2026", () => {
    expect(fmt('2026-12-26T12:00:00Z', 'UTC', 'yyyy YYYY w')).toBe('2026 2026 52');
    for (const day of ['27', '28', '29', '30', '31']) {
      expect(fmt(`2026-12-${day}T12:00:00Z`, 'UTC', 'yyyy YYYY w')).toBe('2026 2027 1');
    }
    expect(fmt('2026-12-31T12:00:00Z', 'UTC', 'YYYY-MM-dd')).toBe('2027-12-31');
    expect(fmt('2026-12-31T12:00:00Z', 'UTC', 'yyyy-MM-dd')).toBe('2026-12-31');
  });

  test('Locale US weeks, not ISO: 31 Dec 2026 (a Thursday) is ISO week 53 of 2026 but Java week 1 of 2027', () => {
    expect(usWeek(2026, 12, 31)).toEqual([2027, 1]);
    expect(usWeek(2027, 1, 2)).toEqual([2027, 1]);
    expect(usWeek(2027, 1, 3)).toEqual([2027, 2]);
  });

  test('the week year follows the time zone', () => {
    // 23:30 UTC on Saturday 26 Dec is already Sunday 27 Dec in Auckland (UTC+13 in summer).
    expect(fmt('2026-12-26T23:30:00Z', 'UTC', 'YYYY')).toBe('2026');
    expect(fmt('2026-12-26T23:30:00Z', 'Pacific/Auckland', 'YYYY EEE')).toBe('2027 Sun');
  });

  test("week of year 'w' and week of month 'W' (Sunday first, week 1 holds the 1st)", () => {
    expect(fmt('2026-01-01T12:00:00Z', 'UTC', 'w')).toBe('1');
    expect(fmt('2026-01-03T12:00:00Z', 'UTC', 'w')).toBe('1');
    expect(fmt('2026-01-04T12:00:00Z', 'UTC', 'ww')).toBe('02');
    expect(fmt('2026-11-23T12:00:00Z', 'UTC', 'w')).toBe('48');
    // November 2026 starts on a Sunday.
    expect(fmt('2026-11-07T12:00:00Z', 'UTC', 'W')).toBe('1');
    expect(fmt('2026-11-08T12:00:00Z', 'UTC', 'W')).toBe('2');
    expect(fmt('2026-11-30T12:00:00Z', 'UTC', 'W')).toBe('5');
  });
});

describe('formatDate: pattern syntax and arguments', () => {
  test("quoted text, '' for a quote, and other characters as they are", () => {
    expect(fmt('2026-11-23T09:00:00Z', 'UTC', "h 'o''clock', ''yy")).toBe("9 o'clock, '26");
    expect(fmt('2026-11-23T09:00:00Z', 'UTC', "'Week' w: dd/MM")).toBe('Week 48: 23/11');
  });

  test('reserved letters and unterminated quotes throw', () => {
    const { Utilities } = setup();
    expect(() => Utilities.formatDate(d('2026-11-23T09:00:00Z'), 'UTC', 'yyyy-qq')).toThrow(
      "Illegal pattern character 'q'",
    );
    expect(() => Utilities.formatDate(d('2026-11-23T09:00:00Z'), 'UTC', "yyyy 'x")).toThrow(
      'Unterminated quote',
    );
  });

  test('a non-Date is refused with the method-signature message', () => {
    const { Utilities } = setup();
    expect(() => Utilities.formatDate('2026-11-23' as unknown as Date, 'UTC', 'yyyy')).toThrow(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
    expect(() => Utilities.formatDate(new Date(Number.NaN), 'UTC', 'yyyy')).toThrow('Invalid argument: date');
  });

  test('formatJavaDate is pure and takes epoch milliseconds too', () => {
    expect(formatJavaDate(Date.UTC(2026, 10, 23, 9), 'Europe/Dublin', 'yyyy-MM-dd HH:mm')).toBe(
      '2026-11-23 09:00',
    );
  });
});

describe('getUuid and sleep', () => {
  const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  test('UUIDs are RFC 4122 version 4, distinct across executions, and repeat across workspaces', () => {
    const first = setup();
    const a = first.Utilities.getUuid();
    const b = first.start().getUuid();
    expect(a).toMatch(V4);
    expect(b).toMatch(V4);
    expect(a).not.toBe(b);
    const second = setup();
    expect(second.Utilities.getUuid()).toBe(a);
    const many = new Set(Array.from({ length: 200 }, () => first.Utilities.getUuid()));
    expect(many.size).toBe(200);
  });

  test('sleep advances the workspace clock, up to 300000 ms', () => {
    const { ws, Utilities } = setup();
    const t0 = ws.clock.now();
    Utilities.sleep(1500);
    Utilities.sleep(MAX_SLEEP_MS);
    expect(ws.clock.now() - t0).toBe(301_500);
    expect(() => Utilities.sleep(300_001)).toThrow('Invalid argument: milliseconds');
    expect(() => Utilities.sleep(-1)).toThrow('Invalid argument: milliseconds');
  });
});

describe('formatString (sprintf-like)', () => {
  test('%s %d %i, width, precision and flags', () => {
    const { Utilities } = setup();
    expect(Utilities.formatString('%s has %d cases', 'DE', 4.7)).toBe('DE has 4 cases');
    expect(Utilities.formatString('%6.2f|', 12.345)).toBe(' 12.35|');
    expect(Utilities.formatString('%-6s|', 'abc')).toBe('abc   |');
    expect(Utilities.formatString('%05d', 42)).toBe('00042');
    expect(Utilities.formatString('%05d', -42)).toBe('-0042');
    expect(Utilities.formatString('%+d %+d', 5, -5)).toBe('+5 -5');
    expect(Utilities.formatString('%.2s', 'abc')).toBe('ab');
    expect(Utilities.formatString('%x %X %o', 255, 255, 8)).toBe('ff FF 10');
    expect(Utilities.formatString('%e', 12345.678)).toBe('1.234568e+04');
    expect(Utilities.formatString('%f', 1.5)).toBe('1.500000');
    expect(Utilities.formatString('100%% of %i', 3)).toBe('100% of 3');
  });
});

describe('base64, digests and signatures (Java signed bytes)', () => {
  test('base64Encode takes UTF-8 text or bytes; base64Decode returns signed bytes', () => {
    const { Utilities } = setup();
    expect(Utilities.base64Encode('\u00e9')).toBe('w6k=');
    expect(Utilities.base64Decode('w6k=')).toEqual([-61, -87]);
    expect(Utilities.base64Decode('w6k')).toEqual([-61, -87]);
    expect(Utilities.base64Encode([-61, -87])).toBe('w6k=');
    expect(Utilities.base64Encode('abc', Utilities.Charset.US_ASCII)).toBe('YWJj');
  });

  test('web-safe base64 uses - and _ and keeps padding; the alphabets do not mix', () => {
    const { Utilities } = setup();
    expect(Utilities.base64Encode([-5, -1])).toBe('+/8=');
    expect(Utilities.base64EncodeWebSafe([-5, -1])).toBe('-_8=');
    expect(Utilities.base64DecodeWebSafe('-_8=')).toEqual([-5, -1]);
    expect(() => Utilities.base64Decode('-_8=')).toThrow('Could not decode string.');
    expect(() => Utilities.base64Decode('not base64!')).toThrow('Could not decode string.');
  });

  test('computeDigest and computeHmacSha256Signature return signed bytes', () => {
    const { Utilities } = setup();
    // MD5("abc") = 90 01 50 98 ...; SHA-256("abc") = ba 78 16 bf ...
    expect(Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'abc').slice(0, 4)).toEqual([
      -112, 1, 80, -104,
    ]);
    const sha = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, 'abc');
    expect(sha).toHaveLength(32);
    expect(sha.slice(0, 4)).toEqual([-70, 120, 22, -65]);
    // HMAC-SHA256(key "key", "The quick brown fox jumps over the lazy dog") = f7 bc 83 f4 ...
    const mac = Utilities.computeHmacSha256Signature('The quick brown fox jumps over the lazy dog', 'key');
    expect(mac.slice(0, 4)).toEqual([-9, -68, -125, -12]);
    expect(() => Utilities.computeDigest(Utilities.DigestAlgorithm.MD2, 'abc')).toThrow('not emulated');
  });
});

describe('parseCsv (RFC 4180)', () => {
  test('quoted fields hold delimiters, doubled quotes and line breaks', () => {
    const { Utilities } = setup();
    expect(Utilities.parseCsv('id,summary\nCB-1,"Sold ""replica"", banned"\n')).toEqual([
      ['id', 'summary'],
      ['CB-1', 'Sold "replica", banned'],
    ]);
    expect(Utilities.parseCsv('a,"line 1\nline 2"\r\nb,c')).toEqual([
      ['a', 'line 1\nline 2'],
      ['b', 'c'],
    ]);
  });

  test('empty fields, a quoted empty last field, other delimiters, empty input', () => {
    const { Utilities } = setup();
    expect(Utilities.parseCsv('a,,c\nd,')).toEqual([
      ['a', '', 'c'],
      ['d', ''],
    ]);
    expect(Utilities.parseCsv('a\n""')).toEqual([['a'], ['']]);
    expect(Utilities.parseCsv('a\tb', '\t')).toEqual([['a', 'b']]);
    expect(Utilities.parseCsv('')).toEqual([]);
    expect(() => Utilities.parseCsv('a', ';;')).toThrow('Invalid argument: delimiter');
  });
});

describe('parseDate (Java SimpleDateFormat, lenient, in a Java time zone)', () => {
  // Docs: https://developers.google.com/apps-script/reference/utilities/utilities#parseDate(String,String,String)
  // ("Parses the provided string date according to the specification described in the Java Standard Edition
  // SimpleDateFormat class"); rules from https://docs.oracle.com/javase/8/docs/api/java/text/SimpleDateFormat.html .
  const iso = (text: string, tz: string, pattern: string) =>
    setup().Utilities.parseDate(text, tz, pattern).toISOString();

  test('wall-clock text read in the given time zone, across daylight saving time', () => {
    expect(iso('2026-11-23 10:00', 'Europe/Berlin', 'yyyy-MM-dd HH:mm')).toBe('2026-11-23T09:00:00.000Z');
    expect(iso('2026-07-01 10:00', 'Europe/Berlin', 'yyyy-MM-dd HH:mm')).toBe('2026-07-01T08:00:00.000Z');
    expect(iso('23/11/2026', 'GMT+05:30', 'dd/MM/yyyy')).toBe('2026-11-22T18:30:00.000Z');
    expect(iso('2026-11-23', 'Not/AZone', 'yyyy-MM-dd')).toBe('2026-11-23T00:00:00.000Z');
  });

  test('month and day names, 12-hour clocks, an explicit offset wins over the time zone', () => {
    expect(iso('Mon, 23 Nov 2026 14:05:09 +0100', 'UTC', 'EEE, d MMM yyyy HH:mm:ss Z')).toBe(
      '2026-11-23T13:05:09.000Z',
    );
    expect(iso('November 3, 2026 12:30 AM', 'UTC', 'MMMM d, yyyy hh:mm a')).toBe('2026-11-03T00:30:00.000Z');
    expect(iso('3 nov 2026 1:30 pm', 'UTC', 'd MMM yyyy h:mm a')).toBe('2026-11-03T13:30:00.000Z');
    expect(iso('2026-11-23T10:00:00Z', 'Europe/Berlin', "yyyy-MM-dd'T'HH:mm:ssX")).toBe(
      '2026-11-23T10:00:00.000Z',
    );
  });

  test('abutting numeric fields take their pattern width; lenient fields roll over; yy is within 80 years back and 20 ahead', () => {
    expect(iso('20261123', 'UTC', 'yyyyMMdd')).toBe('2026-11-23T00:00:00.000Z');
    expect(iso('2026-13-01', 'UTC', 'yyyy-MM-dd')).toBe('2027-01-01T00:00:00.000Z');
    expect(iso('2026-02-30', 'UTC', 'yyyy-MM-dd')).toBe('2026-03-02T00:00:00.000Z');
    // The workspace clock starts on 2026-11-23: the window runs from 1946-11-23, so 45 is 2045, 47 is 1947.
    expect(new Date(setup().ws.clock.now()).getUTCFullYear()).toBe(2026);
    expect(iso('01/02/45', 'UTC', 'dd/MM/yy').slice(0, 4)).toBe('2045');
    expect(iso('01/02/47', 'UTC', 'dd/MM/yy').slice(0, 4)).toBe('1947');
    expect(iso('01/02/99', 'UTC', 'dd/MM/yy').slice(0, 4)).toBe('1999');
    // DateFormat.parse "may not use the entire text": trailing text is ignored.
    expect(iso('2026-11-23 and more', 'UTC', 'yyyy-MM-dd')).toBe('2026-11-23T00:00:00.000Z');
  });

  test("text that does not match throws Java's ParseException text; wrong argument types name the signature", () => {
    const { Utilities } = setup();
    expect(() => Utilities.parseDate('23 Nov', 'UTC', 'yyyy-MM-dd')).toThrow('Unparseable date: "23 Nov"');
    expect(() => Utilities.parseDate('', 'UTC', 'yyyy')).toThrow('Unparseable date: ""');
    expect(() => Utilities.parseDate(20261123 as unknown as string, 'UTC', 'yyyyMMdd')).toThrow(
      "The parameters (number,String,String) don't match the method signature for Utilities.parseDate.",
    );
    expect(() => Utilities.parseDate('1', 'UTC', 'Q')).toThrow("Illegal pattern character 'Q'");
    expect(() => Utilities.parseDate('12', 'UTC', 'ww')).toThrow(
      "not emulated: Utilities.parseDate(pattern letter 'w')",
    );
  });

  test('round trip with formatDate', () => {
    const { Utilities } = setup();
    const when = new Date('2026-03-29T01:30:00Z');
    const text = Utilities.formatDate(when, 'Europe/Dublin', 'yyyy-MM-dd HH:mm:ss');
    expect(Utilities.parseDate(text, 'Europe/Dublin', 'yyyy-MM-dd HH:mm:ss').getTime()).toBe(when.getTime());
  });
});
