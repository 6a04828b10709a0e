/**
 * The statuses a case moves through, in lifecycle order. Their own module because the case schema (the
 * Status list) and the lifecycle rules both need them, and the rules also read the schema.
 */
export const LIFECYCLE_STATUSES = [
  'New',
  'Triaged',
  'Escalated',
  'Awaiting response',
  'Resolved',
  'Closed',
  'Reopened',
] as const;

export type LifecycleStatus = (typeof LIFECYCLE_STATUSES)[number];
