/**
 * The reviewer queues: which open cases each holds, in queue order, and which case Claim next hands a
 * reviewer. Zendesk's "Play" and ROOST Coop set the rules: the next case in view order that nobody else is
 * working, never the same case to two people (the server holds the document lock around the choice).
 */
import { SLA_WORDS } from '../sla/case-sla';
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
}

const FIXED_QUEUES: readonly QueueDefinition[] = [
  { id: 'mine', title: 'My open cases', holds: (c, me) => c.owner === me || c.claimedBy === me },
  { id: 'unassigned', title: 'Unassigned', holds: (c) => c.owner === '' && c.claimedBy === '' },
  { id: 'dueSoon', title: 'Due soon', holds: (c) => c.slaStatus === SLA_WORDS.dueSoon },
  { id: 'breached', title: 'Breached', holds: (c) => c.slaStatus === SLA_WORDS.breached },
  { id: 'awaiting', title: 'Awaiting response', holds: (c) => c.status === 'Awaiting response' },
  {
    id: 'misjudgement',
    title: 'Misjudgement review',
    holds: (c) => c.appealStatus === 'Pending' || c.misjudgement === 'Yes',
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
  return (
    queueCases(cases, queue, reviewer).find(
      (c) => c.claimedBy === '' && (c.owner === '' || c.owner === reviewer) && !skipped.has(c.caseId),
    ) ?? null
  );
}
