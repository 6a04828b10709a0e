/**
 * Claim next's candidates, chosen from cells before the document lock (inside it the sealed record
 * decides, server/queue-claims.ts), reading as little as the queue allows: the queue's marker
 * (core/queue/queues.ts), one narrow column of every row and one or two more of the rows it let through;
 * then queue order one level at a time, for the rows left tied near the head only
 * (core/queue/queue-head.ts); then the claim columns of the first few rows. A closed case, or one outside
 * the queue, costs one cell.
 */
import { CLAIM_STATE_FIELDS, QUEUE_ORDER, type QueueCase, queueCaseOf } from '../core/queue/queue-case';
import { cutBy, settleHead, type TieGroup } from '../core/queue/queue-head';
import { isClaimable, type QueueDefinition } from '../core/queue/queues';
import type { CaseRow } from '../core/validation/validate-case';
import { readFieldsAt } from './case-columns';
import { readCasesLayout } from './case-lookup';

export interface ClaimChoice {
  /** The first `count` cases in queue order the cells say the reviewer may claim. */
  candidates: QueueCase[];
  /** More cases may be claimable after them. */
  more: boolean;
}

export function chooseClaimCandidates(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  queue: QueueDefinition,
  reviewer: string,
  skipped: ReadonlySet<string>,
  clock: { nowMs: number; expiryMs: number },
  count: number,
): ClaimChoice {
  const layout = readCasesLayout(ss);
  const lastRow = layout.sheet.getLastRow();
  if (lastRow < 2) return { candidates: [], more: false };
  let read = new Map<number, CaseRow>();
  let members = Array.from({ length: lastRow - 1 }, (_, i) => i + 2);
  for (const stage of queue.marker) {
    readFieldsAt(layout, members, stage.keys, read);
    members = members.filter((row) => stage.mayHold(read.get(row) as CaseRow, reviewer));
    read = new Map(members.map((row) => [row, read.get(row) as CaseRow]));
  }
  const caseAt = (row: number) => queueCaseOf(read.get(row) as CaseRow, row, clock.nowMs, clock.expiryMs);
  const markerKeys = queue.marker.flatMap((stage) => stage.keys);
  const claimKeys = CLAIM_STATE_FIELDS.filter((key) => !markerKeys.includes(key));
  const checked = new Set<number>();
  let groups: TieGroup[] = members.length > 0 ? [{ rows: members, level: 0 }] : [];
  // The head grows until it holds `count` claimable cases: places others hold claims on are passed over.
  for (let places = count; ; places *= 2) {
    groups = settleHead(groups, places, QUEUE_ORDER.length, (level, tied) => {
      const { key, compare } = QUEUE_ORDER[level] as (typeof QUEUE_ORDER)[number];
      readFieldsAt(layout, tied.flat(), [key], read);
      return tied.map((rows) => cutBy(rows, caseAt, compare));
    });
    const head = groups.flatMap((group) => group.rows).slice(0, places);
    readFieldsAt(
      layout,
      head.filter((row) => !checked.has(row)),
      claimKeys,
      read,
    );
    for (const row of head) checked.add(row);
    const claimable = head.map(caseAt).filter((c) => isClaimable(c, queue, reviewer, skipped));
    const rest = members.length - head.length;
    if (claimable.length >= count || rest === 0)
      return { candidates: claimable.slice(0, count), more: claimable.length > count || rest > 0 };
  }
}
