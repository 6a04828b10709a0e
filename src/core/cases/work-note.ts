/**
 * Work notes: a case's thread of timestamped remarks by the people working it. A note is an audit entry
 * (sealed like every change, author and time decided on the server) whose Field column says "Work note"
 * and whose New value holds the text, so the thread is the case's history filtered, and the weekly report
 * can count the notes a case got in the week.
 */

/** What the Field column of a note's audit entry says (not a column of the Cases tab). */
export const WORK_NOTE_FIELD = 'Work note';
export const WORK_NOTE_ACTION = 'Work note';
/** How a note's entry is keyed among the weekly report's audit facts (no case field has this key). */
export const WORK_NOTE_FACT = 'workNote';
/** Long enough for a paragraph of reasoning; a Sheets cell holds 50,000. */
export const MAX_WORK_NOTE_LENGTH = 2_000;

export type NoteCheck = { ok: true; text: string } | { ok: false; reason: string };

/** The note as it will be kept: trimmed, line ends unified; refused when empty or too long. */
export function checkWorkNote(raw: unknown): NoteCheck {
  if (typeof raw !== 'string') return { ok: false, reason: 'A work note must be text.' };
  const text = raw.replace(/\r\n?/g, '\n').trim();
  if (text === '') return { ok: false, reason: 'Write the note first: it is empty.' };
  if (text.length > MAX_WORK_NOTE_LENGTH)
    return {
      ok: false,
      reason: `A work note holds at most ${MAX_WORK_NOTE_LENGTH} characters; this one has ${text.length}. Split it in two.`,
    };
  return { ok: true, text };
}
