/**
 * The Audit log as the weekly summary reads it: every sealed entry (its seal checked against the row above)
 * with a time, a case and a case field (named by its key), in one batched read, seals checked in script; rows that fail their seal, and entries still
 * waiting in the channel, are not facts. Its cost does not grow in calls with the log's length.
 */

import { WORK_NOTE_FACT, WORK_NOTE_FIELD } from '../core/cases/work-note';
import type { AuditFact } from '../core/report/model';
import { fieldKeyOfHeader } from '../core/schema/case-schema';
import { TABS } from '../core/tracker/layout';
import { readLog, trustOfRows } from './audit-log-rows';
import { trackerMac } from './seal-key';

const text = (value: unknown) => String(value ?? '').trim();

export function readAuditFacts(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): AuditFact[] {
  const log = ss.getSheetByName(TABS.audit);
  if (!log) return [];
  const { rows } = readLog(log);
  if (rows.length === 0) return [];
  const trust = trustOfRows(trackerMac(), rows);
  const facts: AuditFact[] = [];
  rows.forEach((row, i) => {
    if (trust[i] === 'not trusted') return;
    const [when, , , id, field, oldValue, newValue] = row.values;
    if (Object.prototype.toString.call(when) !== '[object Date]') return;
    const timeMs = (when as Date).getTime();
    // A work note is kept under its own key: the report counts them (core/cases/work-note.ts).
    const key = text(field) === WORK_NOTE_FIELD ? WORK_NOTE_FACT : fieldKeyOfHeader(text(field));
    if (Number.isNaN(timeMs) || text(id) === '' || key === undefined) return;
    facts.push({
      timeMs,
      caseId: text(id),
      field: key,
      oldValue: text(oldValue),
      newValue: text(newValue),
    });
  });
  return facts;
}
