/** Links to a row of the tracker, as Sheets itself writes them (the row opens selected). */
export function rowLink(spreadsheetUrl: string, sheetId: number, row: number): string {
  return `${spreadsheetUrl}#gid=${sheetId}&range=A${row}`;
}
