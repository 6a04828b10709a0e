/**
 * Where the dispatcher keeps its state (job slot markers, notices mailed, weekly summary memory): the
 * tracker's trusted store (tracker-store.ts, the add-on's document properties). Not in the spreadsheet
 * (developer metadata, cells): an editor's own script could write there and mark the hour's jobs done.
 * Editors reach this store only through Casebook's functions, and the hourly run touches it only as the
 * recorded automation owner. A state longer than one property value (9 KB) is stored in parts, written in
 * one setProperties call so a reader never sees half of it.
 * Docs: https://developers.google.com/apps-script/reference/properties/properties#setProperties(Object)
 */

import { type DispatcherState, parseState, serialiseState } from '../core/automation/dispatcher-state';
import { trackerStore } from './tracker-store';

const PREFIX = 'casebook.dispatcher.';
/** Characters per part: at most 4 UTF-8 bytes each, well inside the 9 KB value limit. */
const PART_CHARS = 2_000;
const PARTS_MARK = 'parts:';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const store = trackerStore;

export function readDispatcherState(ss: Spreadsheet): DispatcherState {
  const key = `${PREFIX}${ss.getId()}`;
  const properties = store();
  const head = properties.getProperty(key);
  if (!head?.startsWith(PARTS_MARK)) return parseState(head);
  const count = Number(head.slice(PARTS_MARK.length));
  const parts: string[] = [];
  for (let i = 0; i < count; i++) parts.push(properties.getProperty(`${key}.${i}`) ?? '');
  return parseState(parts.join(''));
}

export function writeDispatcherState(ss: Spreadsheet, state: DispatcherState): void {
  const key = `${PREFIX}${ss.getId()}`;
  const value = serialiseState(state);
  if (value.length <= PART_CHARS) {
    store().setProperty(key, value);
    return;
  }
  const parts: Record<string, string> = {};
  let count = 0;
  for (let at = 0; at < value.length; at += PART_CHARS)
    parts[`${key}.${count++}`] = value.slice(at, at + PART_CHARS);
  parts[key] = `${PARTS_MARK}${count}`;
  store().setProperties(parts);
}
