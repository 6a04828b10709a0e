/**
 * Apps Script's own refusals, said as sentences a person can act on. A sidebar or menu item that meets one
 * shows this instead of the raw service text; anything not recognised is passed on unchanged.
 * Messages as Apps Script words them (gas-fakes' recorded tests and Google's pages): a viewer's write,
 * "You do not have permission to access the requested document."; a protected range, "You are trying to
 * edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need
 * to edit."
 */
const VIEWER_WRITE = /You do not have permission to access the requested document/i;
const PROTECTED = /You are trying to edit a protected cell or object/i;

export const CANNOT_EDIT_MESSAGE =
  'You can view this tracker but not edit it, so nothing was saved. Ask its owner to share it with you as an editor.';
export const PROTECTED_MESSAGE =
  'That part of the tracker is kept by its owner, so nothing was saved. Ask the owner or an admin (Settings \u2192 Admins) to do it.';

export function friendlyError(error: unknown): unknown {
  const message = error instanceof Error ? error.message : String(error);
  if (VIEWER_WRITE.test(message)) return new Error(CANNOT_EDIT_MESSAGE);
  if (PROTECTED.test(message)) return new Error(PROTECTED_MESSAGE);
  return error;
}
