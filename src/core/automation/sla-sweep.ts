/**
 * The hourly SLA sweep, planned from the Cases rows alone: which SLA columns change, which cases cross
 * into "due soon" or "breached", and the notices that follow. A notice is due while its token is missing
 * from the case's SLA notices column; the column gets the token only once the mail went out, so a notice
 * the mail quota holds back is planned again next run, never lost, and a sent one is never planned again.
 */

import { isDate } from '../normalise/is-date';
import { type FieldKey, headerOf } from '../schema/case-schema';
import { wallClockText } from '../sla/calendar';
import { caseSla, SLA_INPUTS, SLA_WORDS } from '../sla/case-sla';
import type { SlaSettings } from '../sla/sla-settings';
import type { CaseRow } from '../validation/validate-case';

export const NOTICE_TOKENS = {
  levelRaised: 'level raised',
  dueSoonSent: 'due soon sent',
  breachSent: 'breach sent',
} as const;

export type NoticeKind = 'dueSoon' | 'breach';

export interface SlaNotice {
  caseId: string;
  /** The SLA cycle the notice belongs to: a reopened case is told about again. */
  cycle: number;
  kind: NoticeKind;
  recipient: string;
  severity: string;
  team: string;
  owner: string;
  /** ISO time the case is (or was) due. */
  due: string;
  /** Why this recipient: the owner, or the team lead standing in for an owner not on Team members. */
  note: string;
}

export interface SweepChange {
  caseId: string;
  /** SLA columns to write (only those that change). */
  fields: CaseRow;
  /** What the Audit log should say, as field, old, new. */
  audit: { field: string; oldValue: string; newValue: string }[];
}

export interface SweepPlan {
  changes: SweepChange[];
  notices: SlaNotice[];
  /** Cases whose owner was not on Team members and had nobody to stand in (no team lead). */
  unnotified: string[];
}

const text = (value: unknown) => String(value ?? '').trim();

export function tokensOf(value: unknown): Set<string> {
  return new Set(
    text(value)
      .split(',')
      .map((token) => token.trim())
      .filter((token) => token !== ''),
  );
}

export function tokenText(tokens: ReadonlySet<string>): string {
  return [...tokens].join(', ');
}

/** A notice's identity, as the dispatcher keeps delivered ones until their rows are written. */
export function noticeKey(caseId: string, cycle: number, token: string): string {
  return `${caseId}#${cycle}#${token}`;
}

function dueText(value: unknown): string {
  return isDate(value) ? value.toISOString() : '';
}

function sameTime(a: unknown, b: unknown): boolean {
  return dueText(a) === dueText(b) && (dueText(a) !== '' || text(a) === text(b));
}

/** Every field planSlaSweep reads of a row (caseSla's inputs and the SLA columns it compares and writes). */
export const SLA_PLAN_FIELDS: readonly FieldKey[] = [
  'caseId',
  ...SLA_INPUTS,
  'slaDue',
  'slaStatus',
  'escalationLevel',
  'slaNotices',
  'owner',
];

/**
 * `delivered` holds notice keys already mailed whose rows were not written yet (a run stopped between):
 * they count as sent. Cases are planned in case ID order so a run cut short resumes in the same order.
 */
export function planSlaSweep(
  rows: readonly CaseRow[],
  nowMs: number,
  sla: SlaSettings,
  delivered: ReadonlySet<string> = new Set(),
): SweepPlan {
  const plan: SweepPlan = { changes: [], notices: [], unnotified: [] };
  const ordered = rows
    .filter((row) => text(row.caseId) !== '')
    .sort((a, b) => text(a.caseId).localeCompare(text(b.caseId)));
  for (const row of ordered) {
    const caseId = text(row.caseId);
    const { result, slaDue, slaStatus } = caseSla(row, nowMs, sla);
    const fields: CaseRow = {};
    const audit: SweepChange['audit'] = [];
    if (!sameTime(row.slaDue, slaDue)) fields.slaDue = slaDue;
    if (text(row.slaStatus) !== slaStatus) {
      fields.slaStatus = slaStatus;
      if (slaStatus === SLA_WORDS.dueSoon || slaStatus === SLA_WORDS.breached)
        audit.push({ field: headerOf('slaStatus'), oldValue: text(row.slaStatus), newValue: slaStatus });
    }
    const cycle = Math.max(1, Math.floor(Number(text(row.slaCycle)) || 1));
    const tokens = tokensOf(row.slaNotices);
    for (const token of Object.values(NOTICE_TOKENS))
      if (delivered.has(noticeKey(caseId, cycle, token))) tokens.add(token);

    const live = result !== null && result.state !== 'stopped';
    if (live && result.level === 'breached' && !tokens.has(NOTICE_TOKENS.levelRaised)) {
      const level = Math.max(0, Math.floor(Number(text(row.escalationLevel)) || 0));
      fields.escalationLevel = level + 1;
      audit.push({
        field: headerOf('escalationLevel'),
        oldValue: String(level),
        newValue: String(level + 1),
      });
      tokens.add(NOTICE_TOKENS.levelRaised);
    }
    if (tokenText(tokens) !== tokenText(tokensOf(row.slaNotices))) fields.slaNotices = tokenText(tokens);

    if (live && result.state === 'running' && result.level !== 'ok') {
      const owner = text(row.owner).toLowerCase();
      const known = owner !== '' && sla.teamMembers.includes(owner);
      const notice = (kind: NoticeKind, recipient: string, note: string): SlaNotice => ({
        caseId,
        cycle,
        kind,
        recipient,
        severity: text(row.severity),
        team: text(row.escalatedTo),
        owner,
        due: dueText(slaDue) || dueText(row.slaDue),
        note,
      });
      if (!tokens.has(NOTICE_TOKENS.dueSoonSent) && result.level === 'dueSoon') {
        if (known) plan.notices.push(notice('dueSoon', owner, 'You own this case.'));
        else if (sla.teamLead !== '')
          plan.notices.push(
            notice(
              'dueSoon',
              sla.teamLead,
              owner === ''
                ? 'The case has no owner.'
                : `Its owner ${owner} is not listed under Team members in Settings.`,
            ),
          );
        else plan.unnotified.push(caseId);
      }
      if (!tokens.has(NOTICE_TOKENS.breachSent) && result.level === 'breached') {
        if (sla.teamLead !== '') plan.notices.push(notice('breach', sla.teamLead, 'You are the team lead.'));
        else plan.unnotified.push(caseId);
      }
    }
    if (Object.keys(fields).length > 0) plan.changes.push({ caseId, fields, audit });
  }
  return plan;
}

/** The token a delivered notice adds to its case. */
export function tokenFor(kind: NoticeKind): string {
  return kind === 'dueSoon' ? NOTICE_TOKENS.dueSoonSent : NOTICE_TOKENS.breachSent;
}

export interface Digest {
  recipient: string;
  subject: string;
  body: string;
  notices: SlaNotice[];
}

const SEVERITY_ORDER = ['P1', 'P2', 'P3', 'P4'];
const severityRank = (severity: string) => {
  const i = SEVERITY_ORDER.indexOf(severity.toUpperCase());
  return i < 0 ? SEVERITY_ORDER.length : i;
};

/**
 * Issue 17: the team lead sees the P1s first. Notices grouped by team (the team with the most urgent case
 * first), each team's cases by severity, then the most overdue (earliest due) first.
 */
function byTeamThenUrgency(notices: readonly SlaNotice[], line: (n: SlaNotice) => string): string {
  const urgency = (a: SlaNotice, b: SlaNotice) =>
    severityRank(a.severity) - severityRank(b.severity) ||
    (Date.parse(a.due) || 0) - (Date.parse(b.due) || 0) ||
    a.caseId.localeCompare(b.caseId);
  const sorted = [...notices].sort(urgency);
  const teams = [...new Set(sorted.map((n) => n.team))];
  return teams
    .map((team) => {
      const list = sorted.filter((n) => n.team === team);
      return `${team || 'No team'} (${list.length}):\n${list.map(line).join('\n')}`;
    })
    .join('\n');
}

/** The counts at the top of a digest, by severity: "Breached: P1 2, P3 1. Due soon: P2 1." */
function severityCounts(breaches: readonly SlaNotice[], dueSoon: readonly SlaNotice[]): string {
  const part = (label: string, list: readonly SlaNotice[]) => {
    if (list.length === 0) return '';
    const counts = new Map<string, number>();
    for (const n of [...list].sort((a, b) => severityRank(a.severity) - severityRank(b.severity)))
      counts.set(n.severity || 'no severity', (counts.get(n.severity || 'no severity') ?? 0) + 1);
    return `${label}: ${[...counts].map(([sev, n]) => `${sev} ${n}`).join(', ')}.`;
  };
  return [part('Breached', breaches), part('Due soon', dueSoon)].filter((p) => p !== '').join(' ');
}

/**
 * One mail per recipient per run, breaches first, counts by severity at the top, each section grouped by
 * team and ordered by severity, then how overdue. Plain text only: case fields are people's text, and a
 * plain-text mail cannot carry markup from them.
 */
export function digestsOf(
  notices: readonly SlaNotice[],
  trackerName: string,
  rowLinks: ReadonlyMap<string, string>,
  timeZone: string,
): Digest[] {
  // Due times as the team's working calendar reads them, like the SLA due column in the sheet.
  const dueWords = (iso: string) =>
    iso ? `${wallClockText(Date.parse(iso), timeZone)} (${timeZone})` : 'now';
  const byRecipient = new Map<string, SlaNotice[]>();
  for (const notice of notices) {
    const list = byRecipient.get(notice.recipient) ?? [];
    list.push(notice);
    byRecipient.set(notice.recipient, list);
  }
  return [...byRecipient.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([recipient, list]) => {
      const breaches = list.filter((n) => n.kind === 'breach');
      const dueSoon = list.filter((n) => n.kind === 'dueSoon');
      const counts = [
        breaches.length > 0 ? `${breaches.length} breached` : '',
        dueSoon.length > 0 ? `${dueSoon.length} due soon` : '',
      ].filter((part) => part !== '');
      const line = (n: SlaNotice) =>
        `- ${n.caseId} (${n.severity}${n.team ? `, ${n.team}` : ''}) due ${dueWords(n.due)}. ${n.note}${rowLinks.get(n.caseId) ? `\n  ${rowLinks.get(n.caseId)}` : ''}`;
      const sections = [
        breaches.length > 0 ? `Breached its SLA:\n${byTeamThenUrgency(breaches, line)}` : '',
        dueSoon.length > 0 ? `Due soon:\n${byTeamThenUrgency(dueSoon, line)}` : '',
      ].filter((part) => part !== '');
      return {
        recipient,
        subject: `Casebook: ${counts.join(', ')} - ${trackerName}`,
        body: `${[severityCounts(breaches, dueSoon), ...sections].join('\n\n')}\n\nSent by Casebook's hourly SLA check for "${trackerName}". Change who is told on its Settings tab.`,
        notices: list,
      };
    });
}
