/**
 * Once per week per manager: a weekly summary's mail goes to each manager once, however often the week's
 * Doc is regenerated (from the menu after the scheduled run, or again by hand); the Doc is rewritten in
 * place, so the link they have stays good. Who had which week is kept in the dispatcher state, next to
 * the links still waiting for mail quota.
 */
import { type DispatcherState, MAX_MAILED_WEEKS } from '../automation/dispatcher-state';

const sameAddress = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Managers who already have the week's mail: sent before, or sent from the quota queue. */
export function alreadyMailed(state: DispatcherState, week: string): string[] {
  const mailed = state.reportMailed?.find((m) => m.week === week)?.managers ?? [];
  const queued = state.pendingReportMail?.find((p) => p.week === week)?.notified ?? [];
  return [...mailed, ...queued];
}

/** The managers still to mail for the week, in Settings order, each once. */
export function managersToMail(managers: readonly string[], already: readonly string[]): string[] {
  const chosen: string[] = [];
  for (const manager of managers)
    if (![...already, ...chosen].some((other) => sameAddress(other, manager))) chosen.push(manager);
  return chosen;
}

/** Records who was just mailed for the week; true when the state changed. */
export function rememberMailed(state: DispatcherState, week: string, sent: readonly string[]): boolean {
  if (sent.length === 0) return false;
  const weeks = state.reportMailed ?? [];
  const entry = weeks.find((m) => m.week === week) ?? { week, managers: [] };
  entry.managers = [...entry.managers, ...managersToMail(sent, entry.managers)];
  state.reportMailed = [...weeks.filter((m) => m !== entry), entry].slice(-MAX_MAILED_WEEKS);
  return true;
}
