/** What the About sidebar shows: the add-on version, the tracker it is open in and who is signed in. */

export interface AboutInfo {
  version: string;
  spreadsheetName: string;
  /** The signed-in user's email, or null when Google does not reveal it to the add-on. */
  userEmail: string | null;
  /** A sentence for people, e.g. "Signed in as ana@example.com". */
  userLine: string;
  /** Whether the automation runs for this user here, as a sentence. */
  automation: string;
  /** How full the spreadsheet is against Google's 10 million cells, as a sentence (a warning past 80%). */
  cells: string;
}

export interface AboutInput {
  version: string;
  spreadsheetName: string;
  /** Session.getActiveUser().getEmail(): '' when Google hides the user (consumer accounts, other domains). */
  activeUserEmail: string;
  automationLine: string;
  cellsLine: string;
}

export function describeAbout(input: AboutInput): AboutInfo {
  const email = input.activeUserEmail.trim();
  return {
    version: input.version,
    spreadsheetName: input.spreadsheetName,
    userEmail: email === '' ? null : email,
    automation: input.automationLine,
    cells: input.cellsLine,
    userLine:
      email === ''
        ? 'Google does not share your email with add-ons in this account, so Casebook records edits without it.'
        : `Signed in as ${email}`,
  };
}
