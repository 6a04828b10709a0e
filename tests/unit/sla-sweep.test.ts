/**
 * The hourly SLA sweep, planned from Cases rows alone: which SLA columns change (and only those), when a
 * case becomes due soon or breached, who is told (owner on Team members, else the team lead with the
 * reason, else nobody and the case is listed as unnotified), the escalation level raised once per cycle,
 * notice tokens (on the row or delivered but not yet written) stopping repeats, a new cycle planning
 * again, paused and stopped clocks staying quiet, and case ID order. Then the digest mails built from the
 * notices, and wallClockText, which writes their due times in the team's zone.
 *
 * Rows run on a 09:00-18:00 Monday-to-Friday Dublin calendar in January 2026 (Dublin is on UTC then, so
 * local and UTC read the same). P1 is 4h = 240 working minutes: a P1 started Monday 2026-01-12 09:00 is
 * due soon (75% = 180 minutes) at 12:00 and due at 13:00, and breaches after 13:00. Every expected value
 * is worked out by hand here.
 */
import {
  digestsOf,
  NOTICE_TOKENS,
  noticeKey,
  planSlaSweep,
  type SlaNotice,
  type SweepPlan,
  tokenFor,
  tokensOf,
  tokenText,
} from '../../src/core/automation/sla-sweep';
import { wallClockText } from '../../src/core/sla/calendar';
import { caseSla } from '../../src/core/sla/case-sla';
import { parseSlaSettings, type SlaSettings } from '../../src/core/sla/sla-settings';
import type { CaseRow } from '../../src/core/validation/validate-case';

const at = (iso: string) => Date.parse(iso);
const date = (iso: string) => new Date(iso);

const ID1 = 'CB-2026-00001';
const ID2 = 'CB-2026-00002';
const ID3 = 'CB-2026-00003';
const LEAD = 'lead@example.com';
const ANA = 'ana@example.com';
const BO = 'bo@example.com';

const MON_0900 = '2026-01-12T09:00:00Z';
const MON_1300 = '2026-01-12T13:00:00Z';
const DUE_MON_1300 = '2026-01-12T13:00:00.000Z';

function settings(over: Record<string, string> = {}): SlaSettings {
  const parsed = parseSlaSettings(
    new Map(
      Object.entries({
        'Time zone': 'Europe/Dublin',
        'Working days': 'Mon-Fri',
        'Working hours': '09:00-18:00',
        'SLA targets': 'P1: 4h; P2: 1d; P1/Algorithm: 8h',
        'Due soon at (%)': '75',
        // Written in mixed case: recipients are compared and sent in lower case.
        'Team lead': 'Lead@Example.com',
        'Team members': 'ana@example.com, BO@example.com',
        ...over,
      }),
    ),
    'Europe/Dublin',
    ['Algorithm', 'Legal'],
  );
  if (!parsed.ok) throw new Error(`test settings do not parse: ${parsed.problems.join('; ')}`);
  return parsed.settings;
}
const SLA = settings();
const NO_LEAD = settings({ 'Team lead': '' });

/** A P1 owned by a team member, started Monday 09:00, its SLA columns up to date as of Monday 09:00. */
function row(over: CaseRow = {}): CaseRow {
  return {
    caseId: ID1,
    status: 'Triaged',
    severity: 'P1',
    escalatedTo: '',
    owner: ANA,
    createdAt: date(MON_0900),
    statusChangedAt: date(MON_0900),
    slaCycle: 1,
    slaCycleStart: date(MON_0900),
    slaPausedMinutes: 0,
    slaDue: date(MON_1300),
    slaStatus: 'On track',
    slaNotices: '',
    escalationLevel: 0,
    ...over,
  };
}

const plan = (rows: CaseRow[], nowIso: string, sla = SLA, delivered: string[] = []): SweepPlan =>
  planSlaSweep(rows, at(nowIso), sla, new Set(delivered));

const EMPTY: SweepPlan = { changes: [], notices: [], unnotified: [] };

const dueSoonAudit = (from = 'On track') => ({ field: 'SLA', oldValue: from, newValue: 'Due soon' });
const breachAudit = (from = 'Due soon') => ({ field: 'SLA', oldValue: from, newValue: 'Breached' });
const levelAudit = (from: number) => ({
  field: 'Escalation level',
  oldValue: String(from),
  newValue: String(from + 1),
});

describe('notice tokens and keys', () => {
  test('the tokens the SLA notices column holds', () => {
    expect(NOTICE_TOKENS).toEqual({
      levelRaised: 'level raised',
      dueSoonSent: 'due soon sent',
      breachSent: 'breach sent',
    });
    expect(tokenFor('dueSoon')).toBe('due soon sent');
    expect(tokenFor('breach')).toBe('breach sent');
  });

  test.each([
    ['blank', '', []],
    ['null', null, []],
    ['undefined', undefined, []],
    ['one token', 'due soon sent', ['due soon sent']],
    ['as written by tokenText', 'due soon sent, level raised', ['due soon sent', 'level raised']],
    ['stray spaces and empty items', ' , due soon sent,,level raised ,  ', ['due soon sent', 'level raised']],
    ['a repeated token counts once', 'breach sent, breach sent', ['breach sent']],
  ])('tokensOf: %s', (_name, value, tokens) => {
    expect([...tokensOf(value)]).toEqual(tokens);
  });

  test('tokenText joins with ", " in insertion order, and reads back the same', () => {
    expect(tokenText(new Set())).toBe('');
    expect(tokenText(new Set(['level raised', 'due soon sent']))).toBe('level raised, due soon sent');
    expect(tokenText(tokensOf(' level raised,due soon sent '))).toBe('level raised, due soon sent');
  });

  test('noticeKey names case, cycle and token', () => {
    expect(noticeKey(ID1, 1, 'breach sent')).toBe('CB-2026-00001#1#breach sent');
    expect(noticeKey(ID2, 3, tokenFor('dueSoon'))).toBe('CB-2026-00002#3#due soon sent');
  });
});

describe('planSlaSweep: on track and due soon', () => {
  test('a case on track whose columns are current: no change, no notice', () => {
    expect(plan([row()], '2026-01-12T11:00:00Z')).toEqual(EMPTY);
  });

  test('a case on track with blank SLA columns: only the columns are filled in, nothing audited', () => {
    expect(plan([row({ slaDue: '', slaStatus: '' })], '2026-01-12T10:00:00Z')).toEqual({
      changes: [{ caseId: ID1, fields: { slaDue: date(MON_1300), slaStatus: 'On track' }, audit: [] }],
      notices: [],
      unnotified: [],
    });
  });

  test.each([
    // 75% of 240 minutes = 180 minutes = 12:00.
    ['75', '2026-01-12T11:59:00Z', 'On track'],
    ['75', '2026-01-12T12:00:00Z', 'Due soon'],
    // Exactly at the target is still on time.
    ['75', '2026-01-12T13:00:00Z', 'Due soon'],
    ['75', '2026-01-12T13:01:00Z', 'Breached'],
    // 50% = 120 minutes = 11:00; 90% = 216 minutes = 12:36.
    ['50', '2026-01-12T10:59:00Z', 'On track'],
    ['50', '2026-01-12T11:00:00Z', 'Due soon'],
    ['90', '2026-01-12T12:35:00Z', 'On track'],
    ['90', '2026-01-12T12:36:00Z', 'Due soon'],
  ])('Due soon at %s%%, at %s: %s', (percent, now, status) => {
    const result = plan([row({ slaStatus: '' })], now, settings({ 'Due soon at (%)': percent }));
    expect(result.changes.map((c) => c.fields.slaStatus)).toEqual([status]);
    const kinds = result.notices.map((n) => n.kind);
    expect(kinds).toEqual(status === 'On track' ? [] : status === 'Due soon' ? ['dueSoon'] : ['breach']);
  });

  test('becoming due soon: the status changes (audited) and the owner is told once', () => {
    expect(plan([row()], '2026-01-12T12:00:00Z')).toEqual({
      changes: [{ caseId: ID1, fields: { slaStatus: 'Due soon' }, audit: [dueSoonAudit()] }],
      notices: [
        {
          caseId: ID1,
          cycle: 1,
          kind: 'dueSoon',
          recipient: ANA,
          severity: 'P1',
          team: '',
          owner: ANA,
          due: DUE_MON_1300,
          note: 'You own this case.',
        },
      ],
      unnotified: [],
    });
  });

  test.each([
    ['a team member', ANA, ANA, ANA, 'You own this case.'],
    ['a team member written in another case', ' Bo@Example.COM ', BO, BO, 'You own this case.'],
    [
      'someone not on Team members',
      'zoe@example.com',
      LEAD,
      'zoe@example.com',
      'Its owner zoe@example.com is not listed under Team members in Settings.',
    ],
    ['nobody', '', LEAD, '', 'The case has no owner.'],
  ])('due soon, owned by %s: told to the right person', (_name, owner, recipient, ownerOut, note) => {
    const result = plan([row({ owner, slaStatus: 'Due soon' })], '2026-01-12T12:30:00Z');
    expect(result.changes).toEqual([]);
    expect(result.unnotified).toEqual([]);
    expect(result.notices).toEqual([
      {
        caseId: ID1,
        cycle: 1,
        kind: 'dueSoon',
        recipient,
        severity: 'P1',
        team: '',
        owner: ownerOut,
        due: DUE_MON_1300,
        note,
      },
    ]);
  });

  test('no team lead: an owner off Team members leaves the case unnotified; a member is still told', () => {
    expect(plan([row({ owner: 'zoe@example.com' })], '2026-01-12T12:00:00Z', NO_LEAD)).toEqual({
      changes: [{ caseId: ID1, fields: { slaStatus: 'Due soon' }, audit: [dueSoonAudit()] }],
      notices: [],
      unnotified: [ID1],
    });
    expect(plan([row({ owner: '' })], '2026-01-12T12:00:00Z', NO_LEAD).unnotified).toEqual([ID1]);
    const member = plan([row()], '2026-01-12T12:00:00Z', NO_LEAD);
    expect(member.unnotified).toEqual([]);
    expect(member.notices.map((n) => [n.kind, n.recipient])).toEqual([['dueSoon', ANA]]);
  });

  test('a team override: P1 escalated to Algorithm has 8h, so the due time moves and the team is named', () => {
    // 480 minutes from Monday 09:00 is 17:00; 75% = 360 minutes is 15:00.
    const escalated = row({ escalatedTo: 'Algorithm' });
    expect(plan([escalated], '2026-01-12T14:59:00Z')).toEqual({
      changes: [{ caseId: ID1, fields: { slaDue: date('2026-01-12T17:00:00Z') }, audit: [] }],
      notices: [],
      unnotified: [],
    });
    const result = plan([escalated], '2026-01-12T15:00:00Z');
    expect(result.changes).toEqual([
      {
        caseId: ID1,
        fields: { slaDue: date('2026-01-12T17:00:00Z'), slaStatus: 'Due soon' },
        audit: [dueSoonAudit()],
      },
    ]);
    expect(result.notices).toEqual([
      expect.objectContaining({ kind: 'dueSoon', team: 'Algorithm', due: '2026-01-12T17:00:00.000Z' }),
    ]);
  });

  test('the due-soon notice is not planned again once its token is on the row', () => {
    expect(
      plan([row({ slaStatus: 'Due soon', slaNotices: 'due soon sent' })], '2026-01-12T12:30:00Z'),
    ).toEqual(EMPTY);
  });

  test('a case with no target (P4 here) has no SLA: stale columns are cleared, no notice', () => {
    expect(plan([row({ severity: 'P4' })], '2026-01-12T16:00:00Z')).toEqual({
      changes: [{ caseId: ID1, fields: { slaDue: '', slaStatus: '' }, audit: [] }],
      notices: [],
      unnotified: [],
    });
  });
});

describe('planSlaSweep: breaches', () => {
  const dueSoonSent = row({ slaStatus: 'Due soon', slaNotices: 'due soon sent' });

  test('at breach: status Breached, level raised once, a breach notice to the team lead', () => {
    expect(plan([dueSoonSent], '2026-01-12T13:30:00Z')).toEqual({
      changes: [
        {
          caseId: ID1,
          fields: {
            slaStatus: 'Breached',
            escalationLevel: 1,
            slaNotices: 'due soon sent, level raised',
          },
          audit: [breachAudit(), levelAudit(0)],
        },
      ],
      notices: [
        {
          caseId: ID1,
          cycle: 1,
          kind: 'breach',
          recipient: LEAD,
          severity: 'P1',
          team: '',
          owner: ANA,
          due: DUE_MON_1300,
          note: 'You are the team lead.',
        },
      ],
      unnotified: [],
    });
  });

  test.each([
    [2, 3, '2', '3'],
    ['2', 3, '2', '3'],
    ['', 1, '0', '1'],
    ['not a number', 1, '0', '1'],
  ])('escalation level %p becomes %p', (level, next, oldText, newText) => {
    const [change] = plan([row({ ...dueSoonSent, escalationLevel: level })], '2026-01-12T14:00:00Z').changes;
    expect(change?.fields.escalationLevel).toBe(next);
    expect(change?.audit).toContainEqual({ field: 'Escalation level', oldValue: oldText, newValue: newText });
  });

  test('the breach notice goes to the team lead even when the owner is a team member', () => {
    const result = plan([row({ ...dueSoonSent, owner: BO })], '2026-01-12T14:00:00Z');
    expect(result.notices.map((n) => [n.kind, n.recipient, n.owner])).toEqual([['breach', LEAD, BO]]);
  });

  test('straight from on track to breached (the due-soon hour was missed): only the breach is told', () => {
    const result = plan([row()], '2026-01-12T14:00:00Z');
    expect(result.notices.map((n) => n.kind)).toEqual(['breach']);
    expect(result.changes).toEqual([
      {
        caseId: ID1,
        fields: { slaStatus: 'Breached', escalationLevel: 1, slaNotices: 'level raised' },
        audit: [breachAudit('On track'), levelAudit(0)],
      },
    ]);
  });

  test('no team lead: the breach is unnotified, and the level is still raised', () => {
    const result = plan([dueSoonSent], '2026-01-12T14:00:00Z', NO_LEAD);
    expect(result.notices).toEqual([]);
    expect(result.unnotified).toEqual([ID1]);
    expect(result.changes[0]?.fields).toEqual({
      slaStatus: 'Breached',
      escalationLevel: 1,
      slaNotices: 'due soon sent, level raised',
    });
  });

  test('the next run after the breach was written and mailed: nothing', () => {
    const done = row({
      slaStatus: 'Breached',
      escalationLevel: 1,
      slaNotices: 'due soon sent, level raised, breach sent',
    });
    expect(plan([done], '2026-01-12T15:00:00Z')).toEqual(EMPTY);
  });

  test('tokens written in another order or spacing are the same tokens: the column is not rewritten', () => {
    const done = row({
      slaStatus: 'Breached',
      escalationLevel: 1,
      slaNotices: ' breach sent,level raised ,due soon sent',
    });
    expect(plan([done], '2026-01-12T15:00:00Z')).toEqual(EMPTY);
  });

  test('a breach mail held back (level raised, not sent): planned again, the level not raised again', () => {
    const heldBack = row({
      slaStatus: 'Breached',
      escalationLevel: 1,
      slaNotices: 'due soon sent, level raised',
    });
    const result = plan([heldBack], '2026-01-12T15:00:00Z');
    expect(result.changes).toEqual([]);
    expect(result.notices.map((n) => [n.caseId, n.kind, n.recipient])).toEqual([[ID1, 'breach', LEAD]]);
  });
});

describe('planSlaSweep: delivered notices', () => {
  test('a delivered breach counts as sent: no notice, and its token is written', () => {
    const heldBack = row({
      slaStatus: 'Breached',
      escalationLevel: 1,
      slaNotices: 'due soon sent, level raised',
    });
    expect(plan([heldBack], '2026-01-12T15:00:00Z', SLA, ['CB-2026-00001#1#breach sent'])).toEqual({
      changes: [
        { caseId: ID1, fields: { slaNotices: 'due soon sent, level raised, breach sent' }, audit: [] },
      ],
      notices: [],
      unnotified: [],
    });
  });

  test('a delivered due-soon notice counts as sent', () => {
    expect(plan([row()], '2026-01-12T12:00:00Z', SLA, ['CB-2026-00001#1#due soon sent'])).toEqual({
      changes: [
        {
          caseId: ID1,
          fields: { slaStatus: 'Due soon', slaNotices: 'due soon sent' },
          audit: [dueSoonAudit()],
        },
      ],
      notices: [],
      unnotified: [],
    });
  });

  test('keys of another case, another cycle or another token do not count', () => {
    const delivered = [
      'CB-2026-00002#1#due soon sent',
      'CB-2026-00001#2#due soon sent',
      'CB-2026-00001#1#due soon',
      'CB-2026-00001#due soon sent',
    ];
    const result = plan([row()], '2026-01-12T12:00:00Z', SLA, delivered);
    expect(result.notices.map((n) => [n.caseId, n.kind])).toEqual([[ID1, 'dueSoon']]);
    expect(result.changes[0]?.fields).toEqual({ slaStatus: 'Due soon' });
  });
});

describe('planSlaSweep: a new cycle', () => {
  // Reopened on Tuesday 09:00: cycle 2 starts then, due soon at 12:00 and due at 13:00 on Tuesday.
  const reopened = (over: CaseRow = {}) =>
    row({
      status: 'Reopened',
      statusChangedAt: date('2026-01-13T09:00:00Z'),
      slaCycle: 2,
      slaCycleStart: date('2026-01-13T09:00:00Z'),
      slaDue: date('2026-01-13T13:00:00Z'),
      slaStatus: 'On track',
      slaNotices: '',
      escalationLevel: 1,
      ...over,
    });

  test('with its notices cleared, the due-soon notice is planned again, for cycle 2', () => {
    const result = plan([reopened()], '2026-01-13T12:00:00Z', SLA, ['CB-2026-00001#1#due soon sent']);
    expect(result.notices).toEqual([
      {
        caseId: ID1,
        cycle: 2,
        kind: 'dueSoon',
        recipient: ANA,
        severity: 'P1',
        team: '',
        owner: ANA,
        due: '2026-01-13T13:00:00.000Z',
        note: 'You own this case.',
      },
    ]);
    expect(result.changes).toEqual([
      { caseId: ID1, fields: { slaStatus: 'Due soon' }, audit: [dueSoonAudit()] },
    ]);
  });

  test('a cycle written as text counts the same', () => {
    const result = plan([reopened({ slaCycle: '2' })], '2026-01-13T12:00:00Z');
    expect(result.notices.map((n) => n.cycle)).toEqual([2]);
  });

  test('breaching again raises the level again and tells the team lead again', () => {
    const result = plan(
      [reopened({ slaStatus: 'Due soon', slaNotices: 'due soon sent' })],
      '2026-01-13T13:30:00Z',
      SLA,
      ['CB-2026-00001#1#breach sent'],
    );
    expect(result.changes).toEqual([
      {
        caseId: ID1,
        fields: { slaStatus: 'Breached', escalationLevel: 2, slaNotices: 'due soon sent, level raised' },
        audit: [breachAudit(), levelAudit(1)],
      },
    ]);
    expect(result.notices.map((n) => [n.kind, n.recipient, n.cycle])).toEqual([['breach', LEAD, 2]]);
  });
});

describe('planSlaSweep: paused and stopped clocks', () => {
  test('paused after becoming due soon, its mail never sent: Paused, due time unknown, no notice', () => {
    // Awaiting response since 12:30: 210 of 240 minutes used, the clock stands still.
    const paused = row({
      status: 'Awaiting response',
      statusChangedAt: date('2026-01-12T12:30:00Z'),
      slaStatus: 'Due soon',
    });
    expect(plan([paused], '2026-01-12T16:00:00Z')).toEqual({
      changes: [{ caseId: ID1, fields: { slaDue: '', slaStatus: 'Paused' }, audit: [] }],
      notices: [],
      unnotified: [],
    });
  });

  test('paused after breaching: stays Breached, no breach notice while paused', () => {
    const paused = row({
      status: 'Awaiting response',
      statusChangedAt: date('2026-01-12T13:30:00Z'),
      slaStatus: 'Breached',
      escalationLevel: 1,
      slaNotices: 'due soon sent, level raised',
    });
    expect(plan([paused], '2026-01-12T16:00:00Z')).toEqual(EMPTY);
  });

  test.each([
    // Resolved at 12:30: 210 minutes, on time.
    ['Resolved', '2026-01-12T12:30:00Z', 'Met'],
    ['Closed', '2026-01-12T12:30:00Z', 'Met'],
    // Resolved at 14:00: 300 minutes, late.
    ['Resolved', '2026-01-12T14:00:00Z', 'Missed'],
    ['Closed', '2026-01-12T14:00:00Z', 'Missed'],
  ])('%s at %s: %s, no notice and no level raised', (status, resolvedAt, word) => {
    const stopped = row({
      status,
      resolvedAt: date(resolvedAt),
      statusChangedAt: date('2026-01-12T15:00:00Z'),
      slaStatus: 'Due soon',
    });
    expect(plan([stopped], '2026-01-12T16:00:00Z')).toEqual({
      changes: [{ caseId: ID1, fields: { slaStatus: word }, audit: [] }],
      notices: [],
      unnotified: [],
    });
  });
});

describe('planSlaSweep: rows and order', () => {
  test('rows without a case ID are skipped', () => {
    const breached = { slaStatus: 'Due soon' };
    expect(
      plan(
        [
          row({ ...breached, caseId: '' }),
          row({ ...breached, caseId: '   ' }),
          row({ ...breached, caseId: undefined }),
        ],
        '2026-01-12T14:00:00Z',
      ),
    ).toEqual(EMPTY);
  });

  test('cases are planned in case ID order, whatever the row order; the rows are left in place', () => {
    const rows = [
      row({ caseId: ID3, slaStatus: 'Due soon', slaNotices: 'due soon sent', owner: 'zoe@example.com' }),
      row({ caseId: ` ${ID1} `, owner: 'zoe@example.com' }),
      row({ caseId: '', owner: 'zoe@example.com' }),
      row({ caseId: ID2, owner: BO }),
    ];
    // At 12:30 all three are due soon: ID3 was told already, ID1's owner has nobody to stand in (no team
    // lead), ID2's owner is told. At 13:30 all three have breached.
    const result = plan(rows, '2026-01-12T12:30:00Z', NO_LEAD);
    expect(result.changes.map((c) => c.caseId)).toEqual([ID1, ID2]);
    expect(result.notices.map((n) => [n.caseId, n.recipient])).toEqual([[ID2, BO]]);
    expect(result.unnotified).toEqual([ID1]);

    const later = plan(rows, '2026-01-12T13:30:00Z');
    expect(later.changes.map((c) => c.caseId)).toEqual([ID1, ID2, ID3]);
    expect(later.notices.map((n) => [n.caseId, n.kind])).toEqual([
      [ID1, 'breach'],
      [ID2, 'breach'],
      [ID3, 'breach'],
    ]);
    expect(rows.map((r) => r.caseId)).toEqual([ID3, ` ${ID1} `, '', ID2]);
  });
});

describe('planSlaSweep: hour by hour', () => {
  test('each notice goes out once; one held back by the mail quota goes next hour; the level rises once', () => {
    const current = row({ slaDue: '', slaStatus: '' });
    const told: string[][] = [];
    const levels: unknown[] = [];
    for (const [hour, deliver] of [
      ['10', true],
      ['11', true],
      ['12', true],
      ['13', true],
      ['14', false],
      ['15', true],
      ['16', true],
    ] as const) {
      const result = planSlaSweep([current], at(`2026-01-12T${hour}:00:00Z`), SLA);
      for (const change of result.changes) Object.assign(current, change.fields);
      const sent = deliver ? result.notices : [];
      const tokens = tokensOf(current.slaNotices);
      for (const notice of sent) tokens.add(tokenFor(notice.kind));
      current.slaNotices = tokenText(tokens);
      told.push(result.notices.map((n) => `${n.kind} ${n.recipient}`));
      levels.push(current.escalationLevel);
    }
    expect(told).toEqual([[], [], [`dueSoon ${ANA}`], [], [`breach ${LEAD}`], [`breach ${LEAD}`], []]);
    expect(levels).toEqual([0, 0, 0, 0, 1, 1, 1]);
    expect(current.slaStatus).toBe('Breached');
    expect(current.slaDue).toEqual(date(MON_1300));
    expect(current.slaNotices).toBe('due soon sent, level raised, breach sent');
  });
});

describe('digestsOf', () => {
  const LINKS = new Map([
    [ID2, 'https://docs.google.com/spreadsheets/d/abc/edit#gid=7&range=A3'],
    [ID3, 'https://docs.google.com/spreadsheets/d/abc/edit#gid=7&range=A4'],
  ]);
  const FOOTER = `Sent by Casebook's hourly SLA check for "Tracker". Change who is told on its Settings tab.`;
  const notice = (over: Partial<SlaNotice>): SlaNotice => ({
    caseId: ID1,
    cycle: 1,
    kind: 'dueSoon',
    recipient: ANA,
    severity: 'P2',
    team: '',
    owner: ANA,
    due: '2026-07-01T07:00:00.000Z',
    note: 'You own this case.',
    ...over,
  });
  const toAna = notice({});
  const leadDueSoon = notice({
    caseId: ID3,
    recipient: LEAD,
    owner: 'zoe@example.com',
    due: '2026-11-30T08:30:00.000Z',
    note: 'Its owner zoe@example.com is not listed under Team members in Settings.',
  });
  const leadBreach = notice({
    caseId: ID2,
    kind: 'breach',
    recipient: LEAD,
    severity: 'P1',
    team: 'Algorithm',
    due: '2026-11-27T17:00:00.000Z',
    note: 'You are the team lead.',
  });
  const leadNoDue = notice({
    caseId: 'CB-2026-00004',
    recipient: LEAD,
    severity: 'P3',
    team: 'Legal',
    owner: '',
    due: '',
    note: 'The case has no owner.',
  });

  test('one digest per recipient, sorted; breaches first; counts, Berlin times and row links', () => {
    const digests = digestsOf([leadDueSoon, leadBreach, toAna, leadNoDue], 'Tracker', LINKS, 'Europe/Berlin');
    expect(digests).toEqual([
      {
        recipient: ANA,
        subject: 'Casebook: 1 due soon - Tracker',
        // Berlin is UTC+2 in July.
        body: `Due soon: P2 1.\n\nDue soon:\nNo team (1):\n- CB-2026-00001 (P2) due 2026-07-01 09:00 (Europe/Berlin). You own this case.\n\n${FOOTER}`,
        notices: [toAna],
      },
      {
        recipient: LEAD,
        subject: 'Casebook: 1 breached, 2 due soon - Tracker',
        // Berlin is UTC+1 in November.
        // Issue 17: counts by severity on top; each section grouped by team (most urgent team first), P1s first.
        body: [
          'Breached: P1 1. Due soon: P2 1, P3 1.',
          '',
          'Breached its SLA:',
          'Algorithm (1):',
          '- CB-2026-00002 (P1, Algorithm) due 2026-11-27 18:00 (Europe/Berlin). You are the team lead.',
          '  https://docs.google.com/spreadsheets/d/abc/edit#gid=7&range=A3',
          '',
          'Due soon:',
          'No team (1):',
          '- CB-2026-00003 (P2) due 2026-11-30 09:30 (Europe/Berlin). Its owner zoe@example.com is not listed under Team members in Settings.',
          '  https://docs.google.com/spreadsheets/d/abc/edit#gid=7&range=A4',
          'Legal (1):',
          '- CB-2026-00004 (P3, Legal) due now. The case has no owner.',
          '',
          FOOTER,
        ].join('\n'),
        notices: [leadDueSoon, leadBreach, leadNoDue],
      },
    ]);
  });

  test('recipients are sorted whatever order the notices come in', () => {
    const digests = digestsOf(
      [
        notice({ recipient: 'zed@example.com' }),
        notice({ recipient: LEAD }),
        notice({ recipient: 'amy@example.com' }),
        notice({ recipient: 'zed@example.com', caseId: ID2 }),
      ],
      'Tracker',
      new Map(),
      'Europe/Berlin',
    );
    expect(digests.map((d) => [d.recipient, d.notices.length])).toEqual([
      ['amy@example.com', 1],
      [LEAD, 1],
      ['zed@example.com', 2],
    ]);
    expect(digests[2]?.subject).toBe('Casebook: 2 due soon - Tracker');
  });

  test('breaches only: no due-soon section', () => {
    const [digest] = digestsOf(
      [leadBreach, { ...leadBreach, caseId: ID3, team: '' }],
      'Tracker',
      new Map(),
      'Europe/Berlin',
    );
    expect(digest?.subject).toBe('Casebook: 2 breached - Tracker');
    expect(digest?.body).toBe(
      [
        'Breached: P1 2.',
        '',
        'Breached its SLA:',
        'Algorithm (1):',
        '- CB-2026-00002 (P1, Algorithm) due 2026-11-27 18:00 (Europe/Berlin). You are the team lead.',
        'No team (1):',
        '- CB-2026-00003 (P1) due 2026-11-27 18:00 (Europe/Berlin). You are the team lead.',
        '',
        FOOTER,
      ].join('\n'),
    );
  });

  test.each([
    ['Europe/Berlin', '2026-11-27 18:00 (Europe/Berlin)'],
    ['America/New_York', '2026-11-27 12:00 (America/New_York)'],
    ['Asia/Kolkata', '2026-11-27 22:30 (Asia/Kolkata)'],
    ['UTC', '2026-11-27 17:00 (UTC)'],
  ])('the due time 2026-11-27T17:00Z is written in %s', (zone, words) => {
    const [digest] = digestsOf([leadBreach], 'Tracker', new Map(), zone);
    expect(digest?.body.split('\n')[4]).toBe(
      `- CB-2026-00002 (P1, Algorithm) due ${words}. You are the team lead.`,
    );
  });

  test('case text is kept as plain text: no escaping, no HTML body', () => {
    const marked = notice({ team: '<b>Trust & Safety</b>', severity: 'P1 <i>', caseId: ID1 });
    const [digest] = digestsOf([marked], 'Q4 <Tracker> & "Co"', new Map(), 'Europe/Berlin');
    expect(Object.keys(digest ?? {}).sort()).toEqual(['body', 'notices', 'recipient', 'subject']);
    expect(digest?.subject).toBe('Casebook: 1 due soon - Q4 <Tracker> & "Co"');
    expect(digest?.body).toBe(
      'Due soon: P1 <i> 1.\n\nDue soon:\n<b>Trust & Safety</b> (1):\n- CB-2026-00001 (P1 <i>, <b>Trust & Safety</b>) due 2026-07-01 09:00 (Europe/Berlin). You own this case.' +
        `\n\nSent by Casebook's hourly SLA check for "Q4 <Tracker> & "Co"". Change who is told on its Settings tab.`,
    );
  });

  test('Issue 17 digest order: severity first, then the most overdue, grouped by team with counts on top', () => {
    const at = (iso: string) => new Date(iso).toISOString();
    const list = [
      notice({
        kind: 'breach',
        recipient: LEAD,
        caseId: 'CB-2026-00010',
        severity: 'P3',
        team: 'Legal',
        due: at('2026-11-20T09:00:00Z'),
      }),
      notice({
        kind: 'breach',
        recipient: LEAD,
        caseId: 'CB-2026-00011',
        severity: 'P1',
        team: 'Legal',
        due: at('2026-11-22T09:00:00Z'),
      }),
      notice({
        kind: 'breach',
        recipient: LEAD,
        caseId: 'CB-2026-00012',
        severity: 'P1',
        team: 'Legal',
        due: at('2026-11-21T09:00:00Z'),
      }),
      notice({
        kind: 'breach',
        recipient: LEAD,
        caseId: 'CB-2026-00013',
        severity: 'P2',
        team: 'Policy',
        due: at('2026-11-19T09:00:00Z'),
      }),
    ];
    const [digest] = digestsOf(list, 'Tracker', new Map(), 'UTC');
    const lines = (digest?.body ?? '').split('\n');
    expect(lines[0]).toBe('Breached: P1 2, P2 1, P3 1.');
    // Legal holds the P1s, so it comes first; within it P1 due 11-21 (more overdue) before P1 due 11-22, then P3.
    expect(lines.filter((l) => l.startsWith('- ') || l.endsWith('):')).map((l) => l.slice(0, 15))).toEqual([
      'Legal (3):',
      '- CB-2026-00012',
      '- CB-2026-00011',
      '- CB-2026-00010',
      'Policy (1):',
      '- CB-2026-00013',
    ]);
  });

  test('no notices, no digests', () => {
    expect(digestsOf([], 'Tracker', LINKS, 'Europe/Berlin')).toEqual([]);
  });
});

describe('wallClockText', () => {
  test.each([
    // Berlin: UTC+1 in winter, UTC+2 in summer.
    ['winter', '2026-01-15T12:34:00Z', 'Europe/Berlin', '2026-01-15 13:34'],
    ['summer', '2026-07-15T12:34:00Z', 'Europe/Berlin', '2026-07-15 14:34'],
    ['seconds are cut, not rounded', '2026-01-15T12:34:59.999Z', 'Europe/Berlin', '2026-01-15 13:34'],
    ['local midnight reads 00:00, not 24:00', '2026-01-14T23:00:00Z', 'Europe/Berlin', '2026-01-15 00:00'],
    ['the local date runs ahead of UTC', '2026-12-31T23:30:00Z', 'Europe/Berlin', '2027-01-01 00:30'],
    // Sunday 2026-03-29: at 01:00 UTC Berlin jumps from 02:00 to 03:00.
    ['spring change day, before the jump', '2026-03-29T00:59:00Z', 'Europe/Berlin', '2026-03-29 01:59'],
    ['spring change day, at the jump', '2026-03-29T01:00:00Z', 'Europe/Berlin', '2026-03-29 03:00'],
    ['spring change day, afternoon', '2026-03-29T12:00:00Z', 'Europe/Berlin', '2026-03-29 14:00'],
    // Sunday 2026-10-25: at 01:00 UTC Berlin goes back from 03:00 to 02:00, so 02:30 happens twice.
    ['autumn change day, first 02:30', '2026-10-25T00:30:00Z', 'Europe/Berlin', '2026-10-25 02:30'],
    ['autumn change day, second 02:30', '2026-10-25T01:30:00Z', 'Europe/Berlin', '2026-10-25 02:30'],
    ['autumn change day, afternoon', '2026-10-25T12:00:00Z', 'Europe/Berlin', '2026-10-25 13:00'],
    ['a zone behind UTC, previous local day', '2026-01-15T03:00:00Z', 'America/New_York', '2026-01-14 22:00'],
    ['a half-hour zone', '2026-01-15T12:00:00Z', 'Asia/Kolkata', '2026-01-15 17:30'],
    ['UTC itself', '2026-01-15T12:00:00Z', 'UTC', '2026-01-15 12:00'],
  ])('%s: %s in %s reads %s', (_name, instant, zone, text) => {
    expect(wallClockText(at(instant), zone)).toBe(text);
  });
});

describe('each case computed once per run', () => {
  test('the same row at the same instant and settings is not computed again; a changed input is', () => {
    const r = row();
    const first = caseSla(r, at(MON_1300), SLA);
    expect(caseSla(r, at(MON_1300), SLA)).toBe(first);
    // The sweep's second plan (after mailing) reuses the first plan's results.
    plan([r], MON_1300);
    expect(caseSla(r, at(MON_1300), SLA)).toBe(first);
    expect(caseSla(r, at(MON_1300) + 1, SLA)).not.toBe(first);
    r.severity = 'P2';
    const afterEdit = caseSla(r, at(MON_1300), SLA);
    expect(afterEdit).not.toBe(first);
    expect(afterEdit.slaStatus).toBe('On track');
    expect(first.slaStatus).toBe('Due soon');
  });
});
