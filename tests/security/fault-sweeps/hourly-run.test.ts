/**
 * Fault sweep of the owner's hourly run with breaches due: a service error at every call, then the next
 * hourly run; and another person's sort or row deletion before every write call. Invariants: every P1 case
 * is marked breached and its escalation level raised once (audited once), each breach notice reaches each
 * recipient once or, when its outcome is unknown, is reported rather than sent again; no mail twice; no
 * partial or ghost row.
 */
import { fireDueTimeTriggers } from '../../../emulator';
import { automatedTracker, HOUR, newCase } from '../../support/automation-tracker';
import {
  compactFixture,
  expectSweepHeld,
  type Sweep,
  sortCasesBy,
  sweepInterleaved,
  sweepServiceErrors,
} from '../../support/fault-sweep';
import { attachTracker, type Tracker } from '../../support/intake-tracker';
import { audited, expectNoMailTwice, expectWholeCases, fieldOf } from '../support/invariants';
import { caseIds, nextHourlyRun } from '../support/record';

/** A notice whose send failed in a way that leaves its outcome unknown is reported, by case ID. */
function reportedUnknown(ctx: Tracker, caseId: string): boolean {
  return ctx.ws.logs.some(
    (l) => l.message.includes(caseId) && /unknown|may not have|not sure/i.test(l.message),
  );
}

function sweep(): Sweep<Tracker> {
  let spreadsheetId = '';
  let urgent: string[] = [];
  return {
    build() {
      const ctx = automatedTracker();
      urgent = [newCase(ctx, { severity: 'P1' }).caseId, newCase(ctx, { severity: 'P1' }).caseId];
      newCase(ctx, { severity: 'P3' });
      compactFixture(ctx.ss);
      // Four and a half hours later, nobody has touched the P1 cases: both breach at this run.
      ctx.ws.clock.advance(4 * HOUR + 30 * 60_000);
      spreadsheetId = ctx.spreadsheetId;
      return ctx;
    },
    reattach: (ws) => attachTracker(ws, spreadsheetId),
    operation: (ctx) => {
      // The hour's run, as the owner's trigger fires it (due now).
      const fired = fireDueTimeTriggers(ctx.ws);
      if (fired.length === 0) throw new Error('the hourly trigger was not due');
      const failed = ctx.ws.logs.find((l) => l.level === 'error');
      if (failed) throw new Error(failed.message);
    },
    retry: (ctx) => nextHourlyRun(ctx),
    check(ctx) {
      nextHourlyRun(ctx);
      expectWholeCases(ctx);
      expectNoMailTwice(ctx);
      for (const caseId of urgent) {
        expect({ caseId, sla: fieldOf(ctx, caseId, 'SLA') }).toEqual({ caseId, sla: 'Breached' });
        expect({
          caseId,
          // One row per case per run: the raise is its field, or in the details of the SLA change's row.
          raised: audited(
            ctx,
            (e) =>
              e.caseId === caseId &&
              (e.field === 'Escalation level' || /Escalation level: \d+ -> \d+/.test(e.details)),
          ),
        }).toEqual({ caseId, raised: 1 });
        const breachMails = ctx.ws.mail.filter((m) => m.body.includes(caseId) && /breach/i.test(m.subject));
        const byRecipient = new Map<string, number>();
        for (const m of breachMails) byRecipient.set(m.to, (byRecipient.get(m.to) ?? 0) + 1);
        for (const [to, count] of byRecipient)
          expect({ caseId, to, count }).toEqual({ caseId, to, count: 1 });
        if (breachMails.length === 0)
          expect({ caseId, reported: reportedUnknown(ctx, caseId) }).toEqual({ caseId, reported: true });
      }
      expect(caseIds(ctx)).toHaveLength(3);
    },
  };
}

test('a service error at every call of the hourly run, then the next run: breached once, mailed once or reported', () => {
  expectSweepHeld(sweepServiceErrors(sweep()), 31);
});

test('a sort of Cases before every write call of the hourly run: the breached cases are the ones marked', () => {
  const result = sweepInterleaved(sweep(), (ctx) => sortCasesBy(ctx, 'Severity'));
  expectSweepHeld(result);
});
