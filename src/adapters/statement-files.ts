/**
 * Saves the statement-of-reasons export files (JSON batches, the dump-order CSV) as plain Drive files in the
 * report folder (the Settings' Report folder ID; blank: the runner's Drive root), named with the run's
 * minute in the tracker's time zone.
 * Docs: https://developers.google.com/apps-script/reference/drive/folder#createFile(String,String,String) ,
 * https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)
 */
import { openReportFolder } from './report-doc';

export interface StatementFile {
  /** The name after the stamp, e.g. "batch 1 of 3.json" or ".csv". */
  suffix: string;
  content: string;
  mimeType: 'application/json' | 'text/csv';
}

/** Creates the files in order and returns their names. */
export function saveStatementFiles(
  folderId: string,
  timeZone: string,
  files: readonly StatementFile[],
): string[] {
  if (files.length === 0) return [];
  const folder = openReportFolder(folderId);
  const stamp = Utilities.formatDate(new Date(), timeZone, "yyyy-MM-dd'T'HHmm");
  return files.map((file) => {
    const name = `Statements of reasons ${stamp}${file.suffix}`;
    const created = folder
      ? folder.createFile(name, file.content, file.mimeType)
      : DriveApp.createFile(name, file.content, file.mimeType);
    return created.getName();
  });
}
