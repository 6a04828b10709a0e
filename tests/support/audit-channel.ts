/**
 * The audit channel as tests see it: entries waiting in the tracker's document properties (read straight
 * from the workspace's store, no call counted), decoded as the drain decodes them.
 */

import type { Workspace } from '../../emulator';
import { decodeBatches, type PendingEntry } from '../../src/core/audit/channel';

export function pendingAudit(ws: Workspace, spreadsheetId: string): PendingEntry[] {
  const store = ws.propertyStore(`document:${spreadsheetId}`);
  return decodeBatches(Object.fromEntries(store)).flatMap((b) => b.entries);
}

/** The document store's raw keys and values (for tests that fill or inspect it). */
export function documentProperties(ws: Workspace, spreadsheetId: string): Map<string, string> {
  return ws.propertyStore(`document:${spreadsheetId}`);
}
