/**
 * The server side of google.script.run: runs one call as its own execution (FULL auth, the acting user, the
 * document the page is open in) with Apps Script's transfer rules applied to arguments and result.
 * Docs: https://developers.google.com/apps-script/guides/html/reference/run
 */
import { loadBundle } from '../loader';
import type { Workspace } from '../workspace';
import { argumentsToTransferable, isClientCallable, toTransferable } from './transfer';

export interface PageSession {
  user: string;
  spreadsheetId: string;
}

export type BridgeReply =
  | { ok: true; value: unknown }
  | { ok: false; error: { name: string; message: string } };

function failure(error: unknown): BridgeReply {
  const e =
    error instanceof Error || (error && typeof error === 'object' && 'message' in error)
      ? (error as Error)
      : null;
  return { ok: false, error: { name: e?.name ?? 'Error', message: e ? String(e.message) : String(error) } };
}

export function callServerFunction(
  ws: Workspace,
  session: PageSession,
  name: string,
  args: readonly unknown[],
): BridgeReply {
  if (!isClientCallable(name)) return failure(new Error(`Script function not found: ${name}`));
  let safeArgs: unknown[];
  try {
    safeArgs = argumentsToTransferable(args);
  } catch (error) {
    return failure(error);
  }
  const bundle = loadBundle(ws, {
    user: session.user,
    authMode: 'FULL',
    activeSpreadsheetId: session.spreadsheetId,
  });
  try {
    if (!bundle.has(name)) return failure(new Error(`Script function not found: ${name}`));
    const result = bundle.call(name, ...safeArgs);
    return { ok: true, value: toTransferable(result) };
  } catch (error) {
    return failure(error);
  } finally {
    bundle.end();
  }
}

/** The public (client-callable) functions of the bundle: the methods google.script.run offers a page. */
export function clientCallableFunctions(ws: Workspace, session: PageSession): string[] {
  const bundle = loadBundle(ws, {
    user: session.user,
    authMode: 'FULL',
    activeSpreadsheetId: session.spreadsheetId,
  });
  try {
    return bundle.functionNames().filter(isClientCallable);
  } finally {
    bundle.end();
  }
}
