/**
 * Escalations by team at the week's end: escalated in the week, still open, breached, how old, and cases
 * that bounced away to another team (from the Audit log's entries of the escalatedTo field).
 */
import type { AuditFact, TeamEscalations } from './model';
import { days, median, type ReportCase, type Window, within } from './report-cases';

const IN_ESCALATION = ['Escalated', 'Awaiting response'];

function isOpenEscalation(c: ReportCase, endMs: number): boolean {
  if (c.team === '' || c.escalatedMs === null || c.escalatedMs >= endMs) return false;
  return IN_ESCALATION.includes(c.status) || (c.doneMs !== null && c.doneMs >= endMs);
}

export function escalationsByTeam(
  cases: readonly ReportCase[],
  audit: readonly AuditFact[],
  week: Window,
): TeamEscalations[] {
  const teams = new Map<string, TeamEscalations & { ages: number[] }>();
  const teamEntry = (team: string) => {
    let entry = teams.get(team);
    if (!entry) {
      entry = { team, escalated: 0, open: 0, breached: 0, medianAgeDays: null, bounced: [], ages: [] };
      teams.set(team, entry);
    }
    return entry;
  };
  for (const c of cases) {
    if (c.team === '') continue;
    if (within(c.escalatedMs, week)) teamEntry(c.team).escalated += 1;
    if (isOpenEscalation(c, week.endMs)) {
      const entry = teamEntry(c.team);
      entry.open += 1;
      if (c.slaStatus === 'Breached') entry.breached += 1;
      entry.ages.push(week.endMs - (c.escalatedMs as number));
    }
  }
  for (const fact of audit) {
    const from = fact.oldValue.trim();
    const to = fact.newValue.trim();
    if (fact.field !== 'escalatedTo' || from === '' || to === '' || from === to) continue;
    if (!within(fact.timeMs, week)) continue;
    const entry = teamEntry(from);
    if (!entry.bounced.includes(fact.caseId)) entry.bounced.push(fact.caseId);
  }
  return [...teams.values()]
    .map(({ ages, ...entry }) => ({
      ...entry,
      medianAgeDays: days(median(ages)),
      bounced: [...entry.bounced].sort(),
    }))
    .sort((a, b) => b.open - a.open || b.escalated - a.escalated || a.team.localeCompare(b.team));
}
