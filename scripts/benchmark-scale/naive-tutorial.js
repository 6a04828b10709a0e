/**
 * The per-row way a tutorial writes a case tracker's submit and validate, as plain Apps Script: one
 * getValue per cell read and one setValue or setNote per cell written. The scale benchmark loads this file
 * into the emulator beside Casebook's bundle, on the same tracker and ledger, to show what the batched
 * reads and writes save. Not part of the add-on.
 */

/** Header text -> 1-based column, read one header cell at a time. */
function naiveColumns_(sheet) {
  const columns = {};
  for (let c = 1; c <= sheet.getLastColumn(); c++) {
    columns[sheet.getRange(1, c).getValue()] = c;
  }
  return columns;
}

/** Scans every case ID for the highest number, then writes the new row cell by cell. */
// biome-ignore lint/correctness/noUnusedVariables: an entry point the benchmark calls by name
function naiveSubmit(fields) {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Cases');
  const columns = naiveColumns_(sheet);
  const lastRow = sheet.getLastRow();
  let highest = 0;
  for (let r = 2; r <= lastRow; r++) {
    const id = String(sheet.getRange(r, columns['Case ID']).getValue());
    const n = Number(id.split('-').pop());
    if (n > highest) highest = n;
  }
  const row = lastRow + 1;
  const caseId = `CB-2026-${String(highest + 1).padStart(6, '0')}`;
  sheet.getRange(row, columns['Case ID']).setValue(caseId);
  sheet.getRange(row, columns['Created at']).setValue(new Date());
  for (const header of Object.keys(fields)) {
    if (columns[header]) sheet.getRange(row, columns[header]).setValue(fields[header]);
  }
  return caseId;
}

/** Reads each required cell of every row and sets or clears its note, one cell at a time. */
// biome-ignore lint/correctness/noUnusedVariables: an entry point the benchmark calls by name
function naiveValidate(requiredHeaders) {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Cases');
  const columns = naiveColumns_(sheet);
  const lastRow = sheet.getLastRow();
  let flagged = 0;
  for (let r = 2; r <= lastRow; r++) {
    for (const header of requiredHeaders) {
      const cell = sheet.getRange(r, columns[header]);
      if (cell.getValue() === '') {
        cell.setNote(`${header} is required`);
        flagged++;
      } else {
        cell.setNote('');
      }
    }
  }
  return flagged;
}
