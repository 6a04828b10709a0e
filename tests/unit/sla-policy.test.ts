/**
 * SLA targets as written on the Settings tab: what is read, every message for a line that cannot be read,
 * team overrides, and the working minutes a case gets (days follow the calendar's working-day length).
 */
import type { WorkingCalendar } from '../../src/core/sla/calendar';
import { parseSlaTargets, type SlaTargets, targetMinutes } from '../../src/core/sla/policy';

const FORMAT_HELP =
  'write each target like P1: 4h or P1/Algorithm: 8h (h = working hours, d = working days, m = minutes)';
const UNIT_HELP = 'use h (working hours), d (working days) or m (minutes), e.g. 4h or 1d 4h';
const TEAMS = ['Algorithm', 'Policy', 'Moderation quality'];

const calendar = (dayStart: string, dayEnd: string): WorkingCalendar => ({
  timeZone: 'Europe/Dublin',
  workingDays: [1, 2, 3, 4, 5],
  dayStart,
  dayEnd,
  holidays: [],
});
const nineToSix = calendar('09:00', '18:00');

function targetsOf(text: string, knownTeams?: readonly string[]): SlaTargets {
  const parsed = parseSlaTargets(text, knownTeams);
  if (!parsed.ok) throw new Error(`expected targets, got ${parsed.problems.join(' | ')}`);
  return parsed.targets;
}

describe('parseSlaTargets reads', () => {
  test('the Settings example', () => {
    expect(parseSlaTargets('P1: 4h; P2: 1d; P3: 3d; P4: 5d; P1/Algorithm: 8h', TEAMS)).toEqual({
      ok: true,
      targets: {
        bySeverity: {
          P1: { workingDays: 0, minutes: 240, text: '4h' },
          P2: { workingDays: 1, minutes: 0, text: '1d' },
          P3: { workingDays: 3, minutes: 0, text: '3d' },
          P4: { workingDays: 5, minutes: 0, text: '5d' },
        },
        overrides: [
          { severity: 'P1', team: 'Algorithm', duration: { workingDays: 0, minutes: 480, text: '8h' } },
        ],
      },
    });
  });

  test.each([
    ['4h', 0, 240],
    ['1d', 1, 0],
    ['1d 4h', 1, 240],
    ['1.5h', 0, 90],
    ['90m', 0, 90],
    ['4 h', 0, 240],
    ['0.5d', 0.5, 0],
    ['1D2H30M', 1, 150],
    ['1m', 0, 1],
  ])('the time %j', (time, workingDays, minutes) => {
    expect(targetsOf(`P2: ${time}`).bySeverity.P2).toEqual({ workingDays, minutes, text: time });
  });

  test('entries on separate lines, lower-case severities and stray separators', () => {
    const targets = targetsOf('p1: 4h\n\n P2 : 1d ;;\nP3: 2d;');
    expect(Object.keys(targets.bySeverity)).toEqual(['P1', 'P2', 'P3']);
    expect(targets.bySeverity.P2?.workingDays).toBe(1);
  });

  test('blank text is no targets, not an error', () => {
    expect(parseSlaTargets('  \n ')).toEqual({ ok: true, targets: { bySeverity: {}, overrides: [] } });
  });

  test('a team is spelt as on the Lists tab when the teams are known, and as written when they are not', () => {
    expect(targetsOf('P1/algorithm: 8h', TEAMS).overrides[0]?.team).toBe('Algorithm');
    expect(targetsOf('P1/moderation QUALITY: 8h', TEAMS).overrides[0]?.team).toBe('Moderation quality');
    expect(targetsOf('P1/algorithm: 8h').overrides[0]?.team).toBe('algorithm');
    expect(targetsOf('P1/ Legal : 8h').overrides[0]?.team).toBe('Legal');
  });

  test('a severity and the same severity for a team are not duplicates', () => {
    const targets = targetsOf('P1: 4h; P1/Algorithm: 8h; P1/Policy: 6h', TEAMS);
    expect(targets.bySeverity.P1?.minutes).toBe(240);
    expect(targets.overrides.map((o) => [o.severity, o.team, o.duration.minutes])).toEqual([
      ['P1', 'Algorithm', 480],
      ['P1', 'Policy', 360],
    ]);
  });
});

describe('parseSlaTargets refuses', () => {
  test.each([
    ['P1 4h', `"P1 4h" is not readable: ${FORMAT_HELP}`],
    ['P5: 4h', '"P5: 4h": "P5" is not a severity: use P1, P2, P3, P4'],
    [': 4h', '": 4h": "" is not a severity: use P1, P2, P3, P4'],
    ['Urgent/Algorithm: 4h', '"Urgent/Algorithm: 4h": "Urgent" is not a severity: use P1, P2, P3, P4'],
    ['P1/: 4h', `"P1/: 4h" names no team after the /: ${FORMAT_HELP}`],
    ['P1/Legal: 4h', '"P1/Legal: 4h": "Legal" is not a team on the Lists tab'],
    ['P1: 4 hours', `"P1: 4 hours": "4 hours" is not a time: ${UNIT_HELP}`],
    ['P1: 4', `"P1: 4": "4" is not a time: ${UNIT_HELP}`],
    ['P1:', `"P1:": "" is not a time: ${UNIT_HELP}`],
    ['P1: -4h', `"P1: -4h": "-4h" is not a time: ${UNIT_HELP}`],
    ['P1: 4h: 5h', `"P1: 4h: 5h": "4h: 5h" is not a time: ${UNIT_HELP}`],
    ['P1: 0h', '"P1: 0h": a target must be at least one minute'],
    ['P1: 0d 0m', '"P1: 0d 0m": a target must be at least one minute'],
    ['P1: 0.5m', '"P1: 0.5m": a target must be at least one minute'],
    ['P1: 4h; p1: 6h', 'P1 is given twice (4h and 6h): keep one'],
    ['P1/Algorithm: 8h; P1/ALGORITHM: 9h', 'P1/Algorithm is given twice (8h and 9h): keep one'],
  ])('%j', (text, problem) => {
    expect(parseSlaTargets(text, TEAMS)).toEqual({ ok: false, problems: [problem] });
  });

  test('without known teams any team name is taken, but duplicates still count regardless of case', () => {
    expect(parseSlaTargets('P1/Legal: 4h').ok).toBe(true);
    expect(parseSlaTargets('P1/legal: 4h; P1/Legal: 5h')).toEqual({
      ok: false,
      problems: ['P1/Legal is given twice (4h and 5h): keep one'],
    });
  });

  test('every bad line at once, in order, and no targets from the good ones', () => {
    expect(parseSlaTargets('P1: 4h; P9: 2h; P2: soon\nP3/Nobody: 1d; P1: 5h', TEAMS)).toEqual({
      ok: false,
      problems: [
        '"P9: 2h": "P9" is not a severity: use P1, P2, P3, P4',
        `"P2: soon": "soon" is not a time: ${UNIT_HELP}`,
        '"P3/Nobody: 1d": "Nobody" is not a team on the Lists tab',
        'P1 is given twice (4h and 5h): keep one',
      ],
    });
  });
});

describe('targetMinutes', () => {
  const targets = targetsOf('P1: 4h; P2: 1d; P3: 1d 4h; P4: 0.5d; P1/Algorithm: 8h; P2/Policy: 90m', TEAMS);

  test.each([
    ['P1', '', 240],
    ['p1', 'Product', 240],
    ['P1', 'Algorithm', 480],
    [' P1 ', ' algorithm ', 480],
    ['P2', '', 540],
    ['P2', 'Policy', 90],
    ['P2', 'Algorithm', 540],
    ['P3', '', 540 + 240],
    ['P4', '', 270],
  ])('%s escalated to %j: %d minutes on a 09:00-18:00 calendar', (severity, team, minutes) => {
    expect(targetMinutes(targets, severity, team, nineToSix)).toBe(minutes);
  });

  test('a day is as long as the calendar says', () => {
    expect(targetMinutes(targets, 'P2', '', calendar('08:30', '17:00'))).toBe(510);
    expect(targetMinutes(targets, 'P3', '', calendar('08:30', '17:00'))).toBe(510 + 240);
    expect(targetMinutes(targets, 'P2', '', calendar('00:00', '24:00'))).toBe(1440);
    // Half of a 09:00-17:45 day (525 minutes) is 262.5: rounded to whole minutes.
    expect(targetMinutes(targets, 'P4', '', calendar('09:00', '17:45'))).toBe(263);
  });

  test('no target: no SLA', () => {
    const onlyOverride = targetsOf('P2/Policy: 2h', TEAMS);
    expect(targetMinutes(onlyOverride, 'P2', 'Policy', nineToSix)).toBe(120);
    expect(targetMinutes(onlyOverride, 'P2', 'Algorithm', nineToSix)).toBeNull();
    expect(targetMinutes(onlyOverride, 'P1', '', nineToSix)).toBeNull();
    expect(targetMinutes(targets, 'P9', '', nineToSix)).toBeNull();
    expect(targetMinutes(targets, '', '', nineToSix)).toBeNull();
  });

  test('a tiny fraction of a day still gives a one-minute clock, never a zero target', () => {
    expect(targetMinutes(targetsOf('P1: 0.0001d'), 'P1', '', nineToSix)).toBe(1);
  });
});
