/**
 * Where the dispatcher keeps its state: developer metadata on the tracker itself. A time-driven run has no
 * active document (so no document properties), and every user's dispatcher for this tracker must share one
 * memory, so the state lives with the spreadsheet, out of sight of people.
 * Docs: https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata
 */
import { type DispatcherState, parseState, serialiseState } from '../core/automation/dispatcher-state';

const KEY = 'casebook.dispatcher';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function entry(ss: Spreadsheet): GoogleAppsScript.Spreadsheet.DeveloperMetadata | null {
  return ss.getDeveloperMetadata().find((m) => m.getKey() === KEY) ?? null;
}

export function readDispatcherState(ss: Spreadsheet): DispatcherState {
  return parseState(entry(ss)?.getValue() ?? null);
}

export function writeDispatcherState(ss: Spreadsheet, state: DispatcherState): void {
  const value = serialiseState(state);
  const existing = entry(ss);
  if (existing)
    existing.setValue(value); // not a cell: developer metadata
  else ss.addDeveloperMetadata(KEY, value);
}
