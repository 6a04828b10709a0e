/**
 * Issue 21 through the built bundle: the New case form's duplicate check brings the found cases'
 * complaints (Art. 20 DSA) and out-of-court disputes (Art. 21) in short, from a messy register: an open
 * complaint on its handling day, a reversal (and one typed by hand in lower case), a row without dates, an
 * open and a settled dispute, German and Polish text, grounds that look like a formula. Only the found
 * cases are looked up, by case ID: the same calls and cells with 100 or 1,000 other complaints, nothing
 * asked of the register when nothing is found, and a register that fails at any call leaves the found
 * cases shown with a clear note.
 */
import { callServerFunction, FAULTS } from '../../emulator';
import {
  FORMULA_GROUNDS,
  messyRegister,
  OTHER_GROUNDS,
  REVERSED_GROUNDS,
  SAME_SELLER,
} from '../support/complaint-register';
import { OWNER } from '../support/statement-tracker';

type FoundCase = {
  caseId: string;
  count: number;
  latest: Record<string, unknown> | null;
  reversals: Record<string, unknown>[];
  openDisputes: Record<string, unknown>[];
  targetDays: number;
};
type Check = {
  matches: { caseId: string; reason: string }[];
  complaints: { cases: FoundCase[]; problem: string };
};
type Ctx = ReturnType<typeof messyRegister>;

function check(ctx: Ctx, probe: Record<string, string>): Check {
  const reply = callServerFunction(
    ctx.ws,
    { user: OWNER, spreadsheetId: ctx.spreadsheetId },
    'findDuplicates',
    [probe],
  );
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value as Check;
}

test('the found cases come with their complaints in short: count, latest, reversals flagged, open disputes', () => {
  const ctx = messyRegister();
  const reply = check(ctx, SAME_SELLER);
  expect(reply.matches.map((m) => m.caseId).sort()).toEqual(['CB-2026-00001', 'CB-2026-00002']);
  expect(reply.complaints.problem).toBe('');
  const byCase = new Map(reply.complaints.cases.map((c) => [c.caseId, c]));
  // CB-2026-00003 has a reversal too, but was not found: it is not looked up.
  expect([...byCase.keys()].sort()).toEqual(['CB-2026-00001', 'CB-2026-00002']);
  expect(JSON.stringify(reply)).not.toContain(OTHER_GROUNDS);
  expect(JSON.stringify(reply)).not.toContain(OTHER_GROUNDS);
  expect(byCase.get('CB-2026-00001')).toEqual({
    caseId: 'CB-2026-00001',
    // The row without dates is left out, not counted with made-up clocks.
    count: 3,
    latest: {
      complaintId: 'CP-2',
      receivedAt: '2026-11-18',
      decision: '',
      decidedAt: '',
      handlingDay: 3,
      overdue: false,
    },
    reversals: [
      { complaintId: 'CP-1', decision: 'Reversed', decidedAt: '2026-11-09', grounds: REVERSED_GROUNDS },
      {
        complaintId: 'CP-H1',
        decision: 'Partially reversed',
        decidedAt: '',
        grounds: 'Teilweise berechtigt.',
      },
    ],
    // DS-H1 was settled.
    openDisputes: [],
    targetDays: 10,
  });
  expect(byCase.get('CB-2026-00002')).toEqual({
    caseId: 'CB-2026-00002',
    count: 1,
    latest: {
      complaintId: 'CP-3',
      receivedAt: '2026-11-06',
      decision: 'Upheld',
      decidedAt: '2026-11-10',
      handlingDay: 0,
      overdue: false,
    },
    reversals: [],
    openDisputes: [
      {
        disputeId: 'DS-1',
        complaintId: 'CP-3',
        body: 'Sąd Polubowny przy UKE (Warszawa)',
        referredAt: '2026-11-16',
        complex: false,
        // Referred Monday 16 November: day 7 of 90 on the 23rd, due at the end of 14 February.
        clockDay: 7,
        clockDays: 90,
        dueAt: '2027-02-14',
        late: false,
      },
    ],
    targetDays: 10,
  });
  // The grounds that look like a formula came back as the text stored (the tab keeps it plain text).
  const complaintsTab = ctx.ss.getSheetByName('Complaints')!;
  const stored = complaintsTab.getRange(4, 1, 1, complaintsTab.getLastColumn()).getValues()[0]!;
  expect(stored).toContain(FORMULA_GROUNDS);
  expect(complaintsTab.getRange(4, 1, 1, complaintsTab.getLastColumn()).getFormulas()[0]!.join('')).toBe('');
});

test('an open complaint past its handling target is overdue; a found case without complaints is left out', () => {
  const ctx = messyRegister();
  // Three weeks on: working day 18 of CP-2's 10; DS-1 is day 28 of 90.
  ctx.ws.clock.set(Date.parse('2026-12-14T09:00:00Z'));
  const reply = check(ctx, { ...SAME_SELLER, liveSessionId: 'L-3' });
  expect(reply.matches.map((m) => m.caseId).sort()).toEqual([
    'CB-2026-00001',
    'CB-2026-00002',
    'CB-2026-00004',
  ]);
  const byCase = new Map(reply.complaints.cases.map((c) => [c.caseId, c]));
  expect(byCase.has('CB-2026-00004')).toBe(false);
  expect(byCase.get('CB-2026-00001')?.latest).toMatchObject({ handlingDay: 18, overdue: true });
  expect(byCase.get('CB-2026-00002')?.openDisputes[0]).toMatchObject({ clockDay: 28, late: false });
});

function cost(others: number, probe: Record<string, string>) {
  const ctx = messyRegister(others);
  ctx.ws.ledger.reset();
  const reply = check(ctx, probe);
  return { reply, calls: ctx.ws.ledger.count(), cells: ctx.ws.ledger.cells() };
}

test('the register is read by case ID: the same calls and cells with 100 or 1,000 other complaints', () => {
  const small = cost(100, SAME_SELLER);
  const large = cost(1_000, SAME_SELLER);
  expect(large.reply.complaints.cases.map((c) => c.count)).toEqual(
    small.reply.complaints.cases.map((c) => c.count),
  );
  expect(large.calls).toBe(small.calls);
  expect(large.cells).toBe(small.cells);
  // Nothing found: the register is not asked, whatever its size.
  const nobody = { ...SAME_SELLER, sellerId: 'S-NOBODY' };
  const none = cost(0, nobody);
  const noneLarge = cost(1_000, nobody);
  expect(none.reply).toMatchObject({ matches: [], complaints: { cases: [], problem: '' } });
  expect([noneLarge.calls, noneLarge.cells]).toEqual([none.calls, none.cells]);
  expect(none.calls).toBeLessThan(small.calls);
});

test('a fault at every call of the register lookup leaves the found cases shown with a clear note', () => {
  const ctx = messyRegister();
  ctx.ws.ledger.reset();
  const clean = check(ctx, SAME_SELLER);
  const calls = ctx.ws.ledger.calls();
  const seen = new Map<string, number>();
  const outcomes = calls.map((member) => {
    const nth = (seen.get(member) ?? 0) + 1;
    seen.set(member, nth);
    ctx.ws.faults.failOn(member, nth, () => FAULTS.serviceError());
    const reply = callServerFunction(
      ctx.ws,
      { user: OWNER, spreadsheetId: ctx.spreadsheetId },
      'findDuplicates',
      [SAME_SELLER],
    );
    ctx.ws.faults.clear();
    if (!reply.ok) {
      // Before the register: the check fails as a whole with the service's message (the form keeps quiet).
      expect(reply.error.message).toContain('Service Spreadsheets failed');
      return 'failed';
    }
    const value = reply.value as Check;
    expect(value.matches).toEqual(clean.matches);
    if (value.complaints.problem === '') {
      expect(value.complaints).toEqual(clean.complaints);
      return 'clean';
    }
    expect(value.complaints).toEqual({
      cases: [],
      problem:
        'The complaints register could not be read (Service Spreadsheets failed while accessing document with id 1.); look the cases up before saving.',
    });
    return 'noted';
  });
  // The register's calls are the check's last ones: each of them, and only they, gives the note.
  const first = outcomes.indexOf('noted');
  expect(first).toBeGreaterThan(0);
  expect(outcomes.slice(first).every((o) => o === 'noted')).toBe(true);
  expect(outcomes.slice(0, first).includes('noted')).toBe(false);
  expect(calls.slice(first)).toContain('Range.createTextFinder');
});
