/**
 * The case lifecycle: every (from, to) pair against a table written out here, what a case must hold to
 * enter a status, the appeal rule, the timestamps a change sets, new SLA cycles, and statuses that are
 * not ours. Expected messages are written in full, so a reworded or misdirected message fails.
 */
import {
  allowedNextStatuses,
  checkTransition,
  INITIAL_STATUS,
  isLifecycleStatus,
  LIFECYCLE_STATUSES,
  SLA_NEW_CYCLE_STATUSES,
  SLA_PAUSED_STATUSES,
  SLA_STOPPED_STATUSES,
} from '../../src/core/lifecycle/lifecycle';

const STATUSES = ['New', 'Triaged', 'Escalated', 'Awaiting response', 'Resolved', 'Closed', 'Reopened'];

/** Which status may follow which, as the team agreed it (the same status is always allowed). */
const NEXT: Record<string, string[]> = {
  '': ['New'],
  New: ['Triaged', 'Escalated'],
  Triaged: ['Escalated', 'Awaiting response', 'Resolved'],
  Escalated: ['Awaiting response', 'Resolved'],
  'Awaiting response': ['Escalated', 'Resolved'],
  Resolved: ['Closed', 'Reopened'],
  Closed: ['Reopened'],
  Reopened: ['Triaged', 'Escalated', 'Resolved'],
};

const STAMPS: Record<string, string[]> = {
  New: ['statusChangedAt'],
  Triaged: ['statusChangedAt'],
  Escalated: ['statusChangedAt', 'escalatedAt'],
  'Awaiting response': ['statusChangedAt'],
  Resolved: ['statusChangedAt', 'resolvedAt'],
  Closed: ['statusChangedAt', 'closedAt'],
  Reopened: ['statusChangedAt'],
};

/** A case holding everything any status asks for, so only the transition itself decides. */
const complete = {
  escalatedTo: 'Algorithm',
  owner: 'ana@example.com',
  resolution: 'Listing removed; seller warned.',
  rootCause: 'Seller conduct',
  appealStatus: 'None',
  misjudgement: 'No',
  overturnReason: '',
};

const ALL_LIST = 'New, Triaged, Escalated, Awaiting response, Resolved, Closed or Reopened';

test('the statuses, in lifecycle order, and the SLA groups', () => {
  expect([...LIFECYCLE_STATUSES]).toEqual(STATUSES);
  expect(INITIAL_STATUS).toBe('New');
  expect(SLA_PAUSED_STATUSES).toEqual(['Awaiting response']);
  expect(SLA_STOPPED_STATUSES).toEqual(['Resolved', 'Closed']);
  expect(SLA_NEW_CYCLE_STATUSES).toEqual(['Reopened']);
});

describe('every pair of statuses', () => {
  const pairs = ['', ...STATUSES].flatMap((from) => STATUSES.map((to) => [from, to] as const));

  test.each(pairs)('%j -> %j', (from, to) => {
    const result = checkTransition(from, to, complete);
    const allowed = from === to || (NEXT[from] ?? []).includes(to);
    if (!allowed) {
      expect(result.ok).toBe(false);
      if (result.ok) return;
      if (from === '') expect(result.reason).toBe(`A new case starts as New, not ${to}`);
      else if (to === 'Closed')
        expect(result.reason).toBe('Closed only follows Resolved: resolve the case first');
      else
        expect(result.reason).toMatch(
          new RegExp(`^A case in ${from} cannot move to ${to}: from ${from} it can go to `),
        );
      return;
    }
    expect(result).toEqual(
      from === to
        ? { ok: true, stamps: [], newSlaCycle: false }
        : { ok: true, stamps: STAMPS[to], newSlaCycle: to === 'Reopened' },
    );
  });

  test.each(Object.entries(NEXT))('allowedNextStatuses(%j)', (from, next) => {
    expect(allowedNextStatuses(from)).toEqual(next);
  });
});

describe('refusals read as sentences', () => {
  test.each([
    ['New', 'Resolved', 'A case in New cannot move to Resolved: from New it can go to Triaged or Escalated'],
    [
      'Escalated',
      'Triaged',
      'A case in Escalated cannot move to Triaged: from Escalated it can go to Awaiting response or Resolved',
    ],
    ['Closed', 'Escalated', 'A case in Closed cannot move to Escalated: from Closed it can go to Reopened'],
    [
      'Reopened',
      'New',
      'A case in Reopened cannot move to New: from Reopened it can go to Triaged, Escalated or Resolved',
    ],
    ['Escalated', 'Closed', 'Closed only follows Resolved: resolve the case first'],
    ['Awaiting response', 'Closed', 'Closed only follows Resolved: resolve the case first'],
    ['', 'Triaged', 'A new case starts as New, not Triaged'],
  ])('%s -> %s', (from, to, reason) => {
    expect(checkTransition(from, to, complete)).toEqual({ ok: false, reason });
  });
});

describe('what a case must hold to enter a status', () => {
  test.each([
    ['Triaged', 'Escalated', { escalatedTo: '', owner: '' }, 'Escalated needs "Escalated to" and "Owner"'],
    ['Triaged', 'Escalated', { owner: '   ' }, 'Escalated needs "Owner"'],
    ['Awaiting response', 'Escalated', { escalatedTo: undefined }, 'Escalated needs "Escalated to"'],
    [
      'Escalated',
      'Resolved',
      { resolution: '', rootCause: '' },
      'Resolved needs "Resolution" and "Root cause"',
    ],
    ['Reopened', 'Resolved', { rootCause: null }, 'Resolved needs "Root cause"'],
  ])('%s -> %s without %j', (from, to, blanks, reason) => {
    expect(checkTransition(from, to, { ...complete, ...blanks })).toEqual({ ok: false, reason });
  });

  test('requirements are checked on entry, not while the case stays in the status', () => {
    const blank = { ...complete, escalatedTo: '', owner: '', resolution: '', rootCause: '' };
    expect(checkTransition('Escalated', 'Escalated', blank)).toEqual({
      ok: true,
      stamps: [],
      newSlaCycle: false,
    });
    expect(checkTransition('Resolved', 'Resolved', blank)).toEqual({
      ok: true,
      stamps: [],
      newSlaCycle: false,
    });
    // Closed asks nothing more of a resolved case; Awaiting response and Triaged ask nothing at all.
    expect(checkTransition('Resolved', 'Closed', blank).ok).toBe(true);
    expect(checkTransition('Triaged', 'Awaiting response', blank).ok).toBe(true);
    expect(checkTransition('New', 'Triaged', blank).ok).toBe(true);
  });

  test('Triaged can wait on the merchant before escalating, and the wait pauses the SLA clock', () => {
    expect(checkTransition('Triaged', 'Awaiting response', complete)).toEqual({
      ok: true,
      stamps: ['statusChangedAt'],
      newSlaCycle: false,
    });
    expect(checkTransition('Awaiting response', 'Escalated', complete)).toEqual({
      ok: true,
      stamps: ['statusChangedAt', 'escalatedAt'],
      newSlaCycle: false,
    });
  });
});

describe('an overturned appeal needs a misjudgement and its reason, whatever the status', () => {
  const overturned = { ...complete, appealStatus: 'Overturned' };
  const both = 'An overturned appeal needs "Misjudgement" set to Yes and an "Overturn reason"';

  test.each([
    [{ misjudgement: 'No', overturnReason: '' }, both],
    [{ misjudgement: '', overturnReason: ' ' }, both],
    [{ misjudgement: 'Yes', overturnReason: '' }, 'An overturned appeal needs an "Overturn reason"'],
    [
      { misjudgement: 'No', overturnReason: 'Screenshot was of another shop.' },
      'An overturned appeal needs "Misjudgement" set to Yes',
    ],
  ])('%j', (values, reason) => {
    for (const [from, to] of [
      ['Escalated', 'Resolved'],
      ['Resolved', 'Closed'],
      ['Closed', 'Closed'],
      ['', 'New'],
    ] as const) {
      expect(checkTransition(from, to, { ...overturned, ...values })).toEqual({ ok: false, reason });
    }
  });

  test('explained overturns, and appeals not overturned, pass', () => {
    const explained = {
      ...overturned,
      misjudgement: 'Yes',
      overturnReason: 'Screenshot was of another shop.',
    };
    expect(checkTransition('Resolved', 'Closed', explained).ok).toBe(true);
    for (const appealStatus of ['None', 'Pending', 'Upheld', '']) {
      expect(checkTransition('Resolved', 'Closed', { ...complete, appealStatus, misjudgement: '' }).ok).toBe(
        true,
      );
    }
  });

  test('a missing requirement and the appeal rule are reported together', () => {
    expect(
      checkTransition('Triaged', 'Escalated', {
        ...overturned,
        owner: '',
        misjudgement: 'Yes',
        overturnReason: '',
      }),
    ).toEqual({
      ok: false,
      reason: 'Escalated needs "Owner"; An overturned appeal needs an "Overturn reason"',
    });
  });
});

describe('statuses that are not ours', () => {
  test.each([
    ['Escalated', 'Open'],
    ['Escalated', 'escalated'],
    ['', 'Draft'],
    ['Open', 'Open'],
  ])('%j -> %j is refused with the statuses to use', (from, to) => {
    expect(checkTransition(from, to, complete)).toEqual({
      ok: false,
      reason: `"${to}" is not a status: use ${ALL_LIST}`,
    });
  });

  test('a blank target is not a status either', () => {
    expect(checkTransition('New', '  ', complete)).toEqual({
      ok: false,
      reason: `"" is not a status: use ${ALL_LIST}`,
    });
  });

  test('a case stuck in an unknown status (an older tracker\'s "In progress") can be repaired to any status but Closed', () => {
    expect(allowedNextStatuses('In progress')).toEqual([
      'New',
      'Triaged',
      'Escalated',
      'Awaiting response',
      'Resolved',
      'Reopened',
    ]);
    expect(checkTransition('In progress', 'Escalated', complete)).toEqual({
      ok: true,
      stamps: ['statusChangedAt', 'escalatedAt'],
      newSlaCycle: false,
    });
    expect(checkTransition('In progress', 'Escalated', { ...complete, owner: '' })).toEqual({
      ok: false,
      reason: 'Escalated needs "Owner"',
    });
    expect(checkTransition('In progress', 'Closed', complete)).toEqual({
      ok: false,
      reason: 'Closed only follows Resolved: resolve the case first',
    });
  });

  test('statuses are trimmed but otherwise exact', () => {
    expect(checkTransition(' Triaged ', ' Escalated ', complete)).toEqual({
      ok: true,
      stamps: ['statusChangedAt', 'escalatedAt'],
      newSlaCycle: false,
    });
    expect(allowedNextStatuses('  ')).toEqual(['New']);
    expect(isLifecycleStatus('Awaiting response')).toBe(true);
    expect(isLifecycleStatus('awaiting response')).toBe(false);
    expect(isLifecycleStatus('')).toBe(false);
  });
});
