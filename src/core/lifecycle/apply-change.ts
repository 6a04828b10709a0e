/**
 * A change to a case run through the lifecycle: refused with a reason when the transition is not allowed,
 * otherwise the fields Casebook sets because of it (status stamps, the SLA clock, the SLA columns). The
 * sheet-edit trigger and the case sidebar both call this, so a status typed into the sheet and one chosen
 * in the sidebar obey the same rules and leave the same stamps.
 */
import { caseSla, clockOf, statusSinceMs } from '../sla/case-sla';
import { clockAfterStatusChange } from '../sla/sla-clock';
import type { SlaSettings } from '../sla/sla-settings';
import type { CaseRow } from '../validation/validate-case';
import { checkTransition } from './lifecycle';

export type LifecycleOutcome = { ok: true; updates: CaseRow } | { ok: false; reason: string };

const text = (value: unknown) => String(value ?? '').trim();

/** Fields whose change can move the SLA: the status, and what picks the target. */
const SLA_INPUTS = ['status', 'severity', 'escalatedTo'] as const;

/**
 * `before` is the case as stored, `after` the same case with the person's changes. `sla` is null when the
 * Settings tab's SLA section cannot be read: transitions and stamps still apply, the SLA columns wait.
 */
export function applyLifecycle(
  before: CaseRow,
  after: CaseRow,
  nowMs: number,
  sla: SlaSettings | null,
): LifecycleOutcome {
  const from = text(before.status);
  const to = text(after.status);
  const statusChanged = from !== to;
  if (statusChanged || text(before.appealStatus) !== text(after.appealStatus)) {
    const check = checkTransition(from, to, after);
    if (!check.ok) return { ok: false, reason: check.reason };
    if (!statusChanged) return { ok: true, updates: {} };
    const now = new Date(nowMs);
    const updates: CaseRow = { acceptedStatus: to };
    for (const stamp of check.stamps) updates[stamp] = now;
    if (sla) {
      const clock = clockOf(before, nowMs);
      const next = clockAfterStatusChange(
        clock,
        { from, fromSinceMs: statusSinceMs(before), to, atMs: nowMs },
        sla.calendar,
      );
      updates.slaCycle = next.cycle;
      updates.slaCycleStart = new Date(next.cycleStartMs);
      updates.slaPausedMinutes = Math.round(next.pausedMinutes * 100) / 100;
      if (next.cycle !== clock.cycle) {
        updates.slaNotices = '';
        updates.escalationLevel = 0;
      }
      Object.assign(updates, slaColumns({ ...after, ...updates }, nowMs, sla));
    }
    return { ok: true, updates };
  }
  const slaMoved = SLA_INPUTS.some((key) => text(before[key]) !== text(after[key]));
  return { ok: true, updates: sla && slaMoved ? slaColumns(after, nowMs, sla) : {} };
}

/** The SLA columns as they should read now. */
export function slaColumns(row: CaseRow, nowMs: number, sla: SlaSettings): CaseRow {
  const { slaDue, slaStatus } = caseSla(row, nowMs, sla);
  return { slaDue, slaStatus };
}
