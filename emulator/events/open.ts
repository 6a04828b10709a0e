/**
 * A user opening the tracker, installing the add-on and clicking its menu items, each as its own execution
 * with the event object Apps Script builds.
 * Docs: https://developers.google.com/apps-script/guides/triggers/events#open and
 * https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle (onOpen runs in NONE until
 * the add-on is used in the document; onInstall and menu items run in FULL).
 */

import { type LoadOptions, loadBundle } from '../loader';
import type { AuthModeName } from '../runtime/auth';
import { createSpreadsheet } from '../services/spreadsheet/spreadsheet';
import type { MenuItemRecord, MenuRecord, Workspace } from '../workspace';

export interface DocumentSession {
  user: string;
  spreadsheetId: string;
}

function triggerEvent(
  authMode: AuthModeName,
  bundle: ReturnType<typeof loadBundle>,
  ws: Workspace,
  spreadsheetId: string,
) {
  const event: Record<string, unknown> = { authMode };
  // In AuthMode.NONE the event carries no document or user: the add-on may not read them yet.
  if (authMode !== 'NONE') {
    event.source = createSpreadsheet(bundle.execution, ws.getSpreadsheet(spreadsheetId));
    event.user = bundle.execution.activeUserVisible ? bundle.execution.user.email : '';
  }
  return event;
}

function runEntry(
  ws: Workspace,
  options: LoadOptions,
  name: string,
  event: (b: ReturnType<typeof loadBundle>) => unknown,
) {
  const bundle = loadBundle(ws, options);
  try {
    if (!bundle.has(name)) return undefined;
    return bundle.call(name, event(bundle));
  } finally {
    bundle.end();
  }
}

/** The menus this user sees in this document after the run. */
export function menusFor(ws: Workspace, session: DocumentSession): MenuRecord[] {
  return ws.ui.menus.get(`${session.spreadsheetId}|${session.user}`) ?? [];
}

/** Opens the spreadsheet as `user`: runs the bundle's onOpen simple trigger in the given auth mode. */
export function openSpreadsheet(
  ws: Workspace,
  session: DocumentSession & { authMode?: AuthModeName },
): MenuRecord[] {
  const authMode = session.authMode ?? 'LIMITED';
  const options = { user: session.user, authMode, activeSpreadsheetId: session.spreadsheetId };
  runEntry(ws, options, 'onOpen', (bundle) => triggerEvent(authMode, bundle, ws, session.spreadsheetId));
  return menusFor(ws, session);
}

/** Installs the add-on from the Marketplace: onInstall runs in FULL. */
export function installAddon(ws: Workspace, session: DocumentSession): MenuRecord[] {
  const options = {
    user: session.user,
    authMode: 'FULL' as const,
    activeSpreadsheetId: session.spreadsheetId,
  };
  runEntry(ws, options, 'onInstall', (bundle) => triggerEvent('FULL', bundle, ws, session.spreadsheetId));
  return menusFor(ws, session);
}

function findItem(items: MenuItemRecord[], caption: string): MenuItemRecord | undefined {
  for (const item of items) {
    if (item.kind === 'item' && item.caption === caption) return item;
    const inner = item.items ? findItem(item.items, caption) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

/** Clicks a menu item the user's onOpen built: runs its function in FULL, as Sheets does. */
export function clickMenuItem(ws: Workspace, session: DocumentSession & { caption: string }): unknown {
  const item = menusFor(ws, session)
    .map((menu) => findItem(menu.items, session.caption))
    .find((found) => found !== undefined);
  if (!item?.functionName) {
    throw new Error(
      `no menu item "${session.caption}" for ${session.user} in ${session.spreadsheetId}: run openSpreadsheet first`,
    );
  }
  const bundle = loadBundle(ws, {
    user: session.user,
    authMode: 'FULL',
    activeSpreadsheetId: session.spreadsheetId,
  });
  try {
    return bundle.call(item.functionName);
  } finally {
    bundle.end();
  }
}
