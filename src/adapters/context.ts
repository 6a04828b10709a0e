/** Where and as whom the add-on runs: the open spreadsheet and the signed-in user. */

export function activeSpreadsheetName(): string {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  if (!spreadsheet) throw new Error('Casebook needs an open spreadsheet: open the tracker and try again.');
  return spreadsheet.getName();
}

/** '' when Google hides the user from the add-on. */
export function activeUserEmail(): string {
  return Session.getActiveUser().getEmail();
}
