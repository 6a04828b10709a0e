/**
 * One case's SLA, read from its row: which target applies (severity, with the team override once it is
 * escalated), where its clock stands and what the SLA columns should say. The edit handler, the case
 * sidebar and the hourly sweep all compute it here, so they never disagree about a case.
 */
import { SLA_PAUSED_STATUSES, SLA_STOPPED_STATUSES } from '../lifecycle/lifecycle';
import type { CaseRow } from '../validation/validate-case';
import { targetMinutes } from './policy';
import { computeSla, type SlaClock, type SlaResult, startSlaClock } from './sla-clock';
import type { SlaSettings } from './sla-settings';

/** What the SLA column says. */
export const SLA_WORDS = {
  ok: 'On track',
  dueSoon: 'Due soon',
  breached: 'Breached',
  paused: 'Paused',
  met: 'Met',
  missed: 'Missed',
} as const;

export type SlaWord = (typeof SLA_WORDS)[keyof typeof SLA_WORDS] | '';

export interface CaseSla {
  /** null: no target applies (no SLA for this case). */
  result: SlaResult | null;
  slaDue: Date | '';
  slaStatus: SlaWord;
}

const text = (value: unknown) => String(value ?? '').trim();

export function timeOf(value: unknown): number | null {
  // Most cells a report reads are blank or text: answered before the slower class check.
  if (typeof value !== 'object' || value === null) return null;
  if (Object.prototype.toString.call(value) !== '[object Date]') return null;
  const ms = (value as Date).getTime();
  return Number.isNaN(ms) ? null : ms;
}

function count(value: unknown, fallback: number): number {
  const n = typeof value === 'number' ? value : Number(text(value));
  return text(value) !== '' && Number.isFinite(n) && n >= 0 ? n : fallback;
}

/** The case's stored clock; a case from before automation starts its first cycle when it was created. */
export function clockOf(row: CaseRow, nowMs: number): SlaClock {
  const start = timeOf(row.slaCycleStart) ?? timeOf(row.createdAt) ?? nowMs;
  const fresh = startSlaClock(start);
  return {
    cycle: Math.max(1, Math.floor(count(row.slaCycle, fresh.cycle))),
    cycleStartMs: start,
    pausedMinutes: count(row.slaPausedMinutes, 0),
  };
}

/** When the case entered its current status: the stamp, or its creation for a case never moved. */
export function statusSinceMs(row: CaseRow): number | null {
  return timeOf(row.statusChangedAt) ?? timeOf(row.createdAt);
}

/** The fields caseSla reads: a row changed in any of them is computed again. */
export const SLA_INPUTS = [
  'severity',
  'escalatedTo',
  'status',
  'statusChangedAt',
  'createdAt',
  'slaCycleStart',
  'slaCycle',
  'slaPausedMinutes',
  'resolvedAt',
] as const satisfies readonly (keyof CaseRow)[];

function inputsOf(row: CaseRow): string {
  return SLA_INPUTS.map((key) => {
    const value = row[key];
    return timeOf(value) ?? String(value ?? '');
  }).join('\u0001');
}

/**
 * Each row's SLA at one instant under one settings object, kept while the row object lives and its inputs
 * stay the same: the sweep plans twice in a run (before and after mailing) and computes each case once.
 */
const computed = new WeakMap<CaseRow, { nowMs: number; sla: SlaSettings; inputs: string; value: CaseSla }>();

export function caseSla(row: CaseRow, nowMs: number, sla: SlaSettings): CaseSla {
  const inputs = inputsOf(row);
  const known = computed.get(row);
  if (known && known.nowMs === nowMs && known.sla === sla && known.inputs === inputs) return known.value;
  const value = computeCaseSla(row, nowMs, sla);
  computed.set(row, { nowMs, sla, inputs, value });
  return value;
}

function computeCaseSla(row: CaseRow, nowMs: number, sla: SlaSettings): CaseSla {
  const minutes = targetMinutes(sla.targets, text(row.severity), text(row.escalatedTo), sla.calendar);
  if (minutes === null) return { result: null, slaDue: '', slaStatus: '' };
  const status = text(row.status);
  const since = statusSinceMs(row) ?? nowMs;
  const paused = (SLA_PAUSED_STATUSES as readonly string[]).includes(status);
  const stopped = (SLA_STOPPED_STATUSES as readonly string[]).includes(status);
  const result = computeSla({
    clock: clockOf(row, nowMs),
    pausedSinceMs: paused ? since : null,
    stoppedAtMs: stopped ? (timeOf(row.resolvedAt) ?? since) : null,
    nowMs,
    targetMinutes: minutes,
    calendar: sla.calendar,
    dueSoonFraction: sla.dueSoonFraction,
  });
  let slaStatus: SlaWord;
  if (result.state === 'stopped') slaStatus = result.level === 'breached' ? SLA_WORDS.missed : SLA_WORDS.met;
  else if (result.level === 'breached') slaStatus = SLA_WORDS.breached;
  else if (result.state === 'paused') slaStatus = SLA_WORDS.paused;
  else slaStatus = result.level === 'dueSoon' ? SLA_WORDS.dueSoon : SLA_WORDS.ok;
  return { result, slaDue: result.dueMs === null ? '' : new Date(result.dueMs), slaStatus };
}
