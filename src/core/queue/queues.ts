/**
 * The reviewer queues: which open cases each holds, in queue order, and which case Claim next hands a
 * reviewer. Zendesk's "Play" and ROOST Coop set the rules: the next case in view order that nobody else is
 * working, never the same case to two people (the server holds the document lock around the choice).
 */
import { SLA_STOPPED_STATUSES } from '../lifecycle/lifecycle';
import type { FieldKey } from '../schema/case-schema';
import { SLA_WORDS } from '../sla/case-sla';
import type { CaseRow } from '../validation/validate-case';
import { compareQueueCases, type QueueCase } from './queue-case';

export type QueueId =
  | 'mine'
  | 'unassigned'
  | 'dueSoon'
  | 'breached'
  | 'awaiting'
  | 'misjudgement'
  | `team:${string}`;

export interface QueueDefinition {
  id: QueueId;
  title: string;
  /** Which open cases belong, for the acting reviewer. */
  holds: (c: QueueCase, reviewer: string) => boolean;
  /**
   * Whether a row may belong, from a few columns in stages: each stage's columns are read for the rows the
   * stages before it let through, and every open case the queue holds passes every stage (more may pass:
   * what a claim's expiry changes is judged once the row's claim is read). So Claim next reads the first
   * stage's column of every row, and a closed case costs that cell alone.
   */
  marker: readonly MarkerStage[];
}

export interface MarkerStage {
  keys: readonly FieldKey[];
  mayHold: (row: CaseRow, reviewer: string) => boolean;
}

const cell = (row: CaseRow, key: FieldKey) => String(row[key] ?? '').trim();
const person = (row: CaseRow, key: FieldKey) => cell(row, key).toLowerCase();
const isOpen = (row: CaseRow) => !(SLA_STOPPED_STATUSES as readonly string[]).includes(cell(row, 'status'));

/** A queue known by one column holding one word. */
const word = (key: FieldKey, text: string): MarkerStage => ({
  keys: [key],
  mayHold: (row) => cell(row, key) === text,
});

const OPEN: MarkerStage = { keys: ['status'], mayHold: isOpen };

/** An expired claim clears the owner it set, so a row claimed by its owner may be unowned by now. */
const mayBeUnowned = (row: CaseRow) =>
  person(row, 'owner') === '' ||
  (person(row, 'claimedBy') !== '' && person(row, 'owner') === person(row, 'claimedBy'));

const FIXED_QUEUES: readonly QueueDefinition[] = [
  {
    id: 'mine',
    title: 'My open cases',
    holds: (c, me) => c.owner === me || c.claimedBy === me,
    marker: [
      OPEN,
      {
        keys: ['owner', 'claimedBy'],
        mayHold: (row, me) => person(row, 'owner') === me || person(row, 'claimedBy') === me,
      },
    ],
  },
  {
    id: 'unassigned',
    title: 'Unassigned',
    holds: (c) => c.owner === '' && c.claimedBy === '',
    marker: [OPEN, { keys: ['owner', 'claimedBy'], mayHold: mayBeUnowned }],
  },
  // The SLA words and Awaiting response belong to open cases (the sweep writes Met or Missed at the close).
  {
    id: 'dueSoon',
    title: 'Due soon',
    holds: (c) => c.slaStatus === SLA_WORDS.dueSoon,
    marker: [word('slaStatus', SLA_WORDS.dueSoon)],
  },
  {
    id: 'breached',
    title: 'Breached',
    holds: (c) => c.slaStatus === SLA_WORDS.breached,
    marker: [word('slaStatus', SLA_WORDS.breached)],
  },
  {
    id: 'awaiting',
    title: 'Awaiting response',
    holds: (c) => c.status === 'Awaiting response',
    marker: [word('status', 'Awaiting response')],
  },
  {
    id: 'misjudgement',
    title: 'Misjudgement review',
    holds: (c) => c.appealStatus === 'Pending' || c.misjudgement === 'Yes',
    marker: [
      OPEN,
      {
        keys: ['appealStatus', 'misjudgement'],
        mayHold: (row) => cell(row, 'appealStatus') === 'Pending' || cell(row, 'misjudgement') === 'Yes',
      },
    ],
  },
];

/** The fixed queues, then one per team of the Lists tab. */
export function queueDefinitions(teams: readonly string[]): QueueDefinition[] {
  return [
    ...FIXED_QUEUES,
    ...teams.map(
      (team): QueueDefinition => ({
        id: `team:${team}`,
        title: `Team: ${team}`,
        holds: (c) => c.team === team,
        marker: [OPEN, word('escalatedTo', team)],
      }),
    ),
  ];
}

export function findQueue(teams: readonly string[], id: string): QueueDefinition | null {
  return queueDefinitions(teams).find((q) => q.id === id) ?? null;
}

/** The queue's open cases in queue order. */
export function queueCases(
  cases: readonly QueueCase[],
  queue: QueueDefinition,
  reviewer: string,
): QueueCase[] {
  return cases.filter((c) => c.open && c.caseId !== '' && queue.holds(c, reviewer)).sort(compareQueueCases);
}

/**
 * What Claim next gives the reviewer: the first case in queue order with no live claim, that nobody else
 * owns, that the reviewer has not claimed already and did not skip. null when there is none.
 */
export function nextClaimable(
  cases: readonly QueueCase[],
  queue: QueueDefinition,
  reviewer: string,
  skipped: ReadonlySet<string>,
): QueueCase | null {
  return queueCases(cases, queue, reviewer).find((c) => isClaimable(c, queue, reviewer, skipped)) ?? null;
}

/** An open case of the queue with no live claim, that nobody else owns and the reviewer did not skip. */
export function isClaimable(
  c: QueueCase,
  queue: QueueDefinition,
  reviewer: string,
  skipped: ReadonlySet<string>,
): boolean {
  return (
    c.open &&
    c.caseId !== '' &&
    queue.holds(c, reviewer) &&
    c.claimedBy === '' &&
    (c.owner === '' || c.owner === reviewer) &&
    !skipped.has(c.caseId)
  );
}
