/**
 * Where a resumable job's cursor is kept: the tracker's document properties (trusted: only Casebook's code
 * writes them, never a cell an editor can change), one property per job.
 */
import { type JobCursor, parseCursor } from '../core/jobs/job-cursor';
import { trackerStore } from './tracker-store';

const propertyOf = (job: string) => `casebook.jobCursor.${job}`;

/** The job's saved cursor, or null when there is none or it is stale or unreadable (a fresh pass). */
export function loadJobCursor(job: string, nowMs: number): JobCursor | null {
  return parseCursor(trackerStore().getProperty(propertyOf(job)), job, nowMs);
}

export function saveJobCursor(cursor: JobCursor): void {
  trackerStore().setProperty(propertyOf(cursor.job), JSON.stringify(cursor));
}

export function clearJobCursor(job: string): void {
  trackerStore().deleteProperty(propertyOf(job));
}
