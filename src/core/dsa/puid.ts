/**
 * Platform unique IDs (puid) of statements of reasons: the case ID and a revision, e.g. CB-2026-00042-r1.
 * The Database refuses a puid it has seen and never lets a statement be corrected, so a changed statement
 * after one was sent gets the next revision, and a revision is never issued twice. The same case and stored
 * puid always give the same puid (rebuilding a preview changes nothing).
 */
import { DSA_LIMITS } from './statement-of-reasons';

const REVISION = /^(.+)-r(\d+)$/;

export function statementPuid(caseId: string, revision: number): string {
  if (!Number.isInteger(revision) || revision < 1)
    throw new Error(`revision must be a whole number from 1, not ${revision}`);
  const puid = `${caseId}-r${revision}`;
  if (!/^[A-Za-z0-9_-]+$/.test(puid) || puid.length > DSA_LIMITS.puid)
    throw new Error(`case ID "${caseId}" cannot make a puid (letters, digits, - and _ only)`);
  return puid;
}

/** The case and revision of a puid Casebook made, or null for anything else (e.g. a cell someone typed into). */
export function parsePuid(puid: string): { caseId: string; revision: number } | null {
  const match = REVISION.exec(puid.trim());
  if (!match) return null;
  return { caseId: match[1] as string, revision: Number(match[2]) };
}

/**
 * The puid a case's statement uses now: the stored one while it belongs to this case, otherwise r1 (a stored
 * value of another case or in another form is ignored rather than sent, so no case borrows another's puid).
 */
export function currentPuid(caseId: string, stored: string): string {
  const parsed = parsePuid(stored);
  return parsed && parsed.caseId === caseId
    ? statementPuid(caseId, parsed.revision)
    : statementPuid(caseId, 1);
}

/** The next revision after the stored one, for a statement that changed after a version was sent. */
export function revisedPuid(caseId: string, stored: string): string {
  const parsed = parsePuid(stored);
  const revision = parsed && parsed.caseId === caseId ? parsed.revision + 1 : 2;
  return statementPuid(caseId, revision);
}
