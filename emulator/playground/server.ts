/**
 * The playground's HTTP server, on loopback only: the spreadsheet window (one page and its script), a JSON
 * API for what a person does in Sheets, and the add-on's sidebars and dialogs served exactly as the built
 * bundle produced them, with google.script.run bridged back to the emulator through /api/run.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { bridgeClientScript } from '../bridge/build-client';
import { UnansweredDialogError } from '../runtime/errors';
import type { ScriptedAnswer } from '../workspace';
import { appPage } from './app-page';
import { parseCsv } from './csv';
import { renderDocument } from './documents';
import { columnValues, gridLayout, gridRows, tabSummaries } from './grid-data';
import { PlaygroundStartup, seedingPage } from './seeding';
import type { PlaygroundSession } from './session';

const MAX_BODY_BYTES = 5_000_000;
const RECENT = 30;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'Request too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return {};
  const body = JSON.parse(text) as unknown;
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw new HttpError(400, 'Expected a JSON object');
  return body as Record<string, unknown>;
}

const text = (value: unknown, name: string): string => {
  if (typeof value !== 'string' || value === '') throw new HttpError(400, `${name} must be text`);
  return value;
};
const whole = (value: unknown, name: string): number => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    throw new HttpError(400, `${name} must be a positive whole number`);
  return value;
};

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(body);
}

const json = (response: ServerResponse, value: unknown, status = 200) =>
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value));

/** What the window needs to draw everything but the grid's rows. */
export function playgroundState(session: PlaygroundSession) {
  const { ws, meta } = session;
  const ss = session.spreadsheet;
  // The index is the item's place in the whole record (the window opens /page/<index> with it).
  const mine = <T extends { user: string }>(items: T[], where: (item: T) => boolean = () => true) =>
    items
      .map((item, index) => ({ ...item, index }))
      .filter((item) => item.user === meta.user && where(item))
      .slice(-RECENT);
  return {
    revision: session.revision,
    tracker: { id: ss.id, name: ss.name, timeZone: ss.timeZone },
    user: meta.user,
    people: session.people(),
    tabs: tabSummaries(ss),
    /** The filter view the acting person applied (theirs only). */
    filterViewId: session.appliedFilterView(),
    menu: session.menu(),
    shown: mine(ws.ui.shown, (s) => s.documentId === ss.id || s.documentId === null).map(
      ({ html: _html, ...rest }) => rest,
    ),
    dialogs: mine(ws.ui.dialogs),
    toasts: mine(ws.ui.toasts),
    /** How many sidebars, dialogs and toasts anyone was shown so far: a window that opens now shows none of them. */
    uiCounts: { shown: ws.ui.shown.length, dialogs: ws.ui.dialogs.length, toasts: ws.ui.toasts.length },
    triggers: session.triggers(),
    clock: new Date(ws.clock.now()).toISOString(),
    clockOffsetMs: meta.clockOffsetMs,
    mail: ws.mail
      .map((m, index) => ({ ...m, index }))
      .slice(-RECENT)
      .reverse(),
    documents: [...ws.documents.values()].filter((d) => !d.trashed).map((d) => ({ id: d.id, name: d.name })),
    lastOperation: session.lastOperation,
  };
}

async function pageWithBridge(session: PlaygroundSession, index: number): Promise<string> {
  const shown = session.ws.ui.shown[index];
  if (!shown || shown.user !== session.meta.user) throw new HttpError(404, 'No such sidebar or dialog');
  const functions = JSON.stringify(session.clientFunctions());
  // The same bridge the browser tests use; its transport posts to /api/run and host actions go to the window.
  const injected = `<script>window.__casebookFunctions=${functions};
window.__casebookBridge=function(name,argsJson){return fetch('/api/run',{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify({name:name,argsJson:argsJson})}).then(function(r){return r.text();});};
window.__casebookHost=function(action,detail){parent.postMessage({casebookHost:{action:action,detail:detail,index:${index}}},location.origin);};</script>
<script>${await bridgeClientScript()}</script>`;
  return shown.html.replace(/<head[^>]*>/i, (head) => `${head}${injected}`);
}

async function route(
  session: PlaygroundSession,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const method = request.method ?? 'GET';
  const at = `${method} ${url.pathname}`;
  if (at === 'GET /') return send(response, 200, 'text/html; charset=utf-8', await appPage());
  if (at === 'GET /api/state') return json(response, playgroundState(session));
  if (at === 'GET /favicon.ico') return send(response, 204, 'image/x-icon', '');
  if (at === 'GET /api/layout')
    return json(
      response,
      gridLayout(
        session.spreadsheet,
        text(url.searchParams.get('sheet'), 'sheet'),
        session.appliedFilterView(),
      ),
    );
  if (at === 'GET /api/filter-views')
    return json(response, {
      views: session.filterViews(text(url.searchParams.get('sheet'), 'sheet')),
      applied: session.appliedFilterView(),
    });
  if (at === 'GET /api/grid') {
    const sheet = text(url.searchParams.get('sheet'), 'sheet');
    const rows = text(url.searchParams.get('rows'), 'rows').split(',').slice(0, 500).map(Number);
    return json(
      response,
      gridRows(session.spreadsheet, sheet, rows, session.ws.clock.now(), session.appliedFilterView()),
    );
  }
  if (at === 'GET /api/values') {
    const sheet = text(url.searchParams.get('sheet'), 'sheet');
    return json(
      response,
      columnValues(session.spreadsheet, sheet, whole(Number(url.searchParams.get('column')), 'column')),
    );
  }
  const page = /^GET \/page\/(\d+)$/.exec(at);
  if (page)
    return send(response, 200, 'text/html; charset=utf-8', await pageWithBridge(session, Number(page[1])));
  const doc = /^GET \/doc\/([\w-]+)$/.exec(at);
  if (doc)
    return send(response, 200, 'text/html; charset=utf-8', renderDocument(session.ws, doc[1] as string));
  if (method !== 'POST') throw new HttpError(404, `No route ${at}`);
  // Another site open in the same browser must not drive the playground: a JSON content type forces a
  // CORS preflight, which this server never grants, and a foreign Origin is refused outright.
  if (!String(request.headers['content-type'] ?? '').startsWith('application/json'))
    throw new HttpError(415, 'Send JSON');
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== `http://${request.headers.host}`)
    throw new HttpError(403, 'Requests from other sites are refused');
  const body = await readJson(request);
  switch (url.pathname) {
    case '/api/open':
      session.open();
      return json(response, { ok: true });
    case '/api/menu': {
      const answers = body.answers ?? [];
      if (
        !Array.isArray(answers) ||
        !answers.every(
          (a) =>
            typeof a === 'object' && a !== null && typeof (a as { button?: unknown }).button === 'string',
        )
      )
        throw new HttpError(400, 'answers must be a list of {button, text}');
      try {
        const value = session.clickMenu(text(body.caption, 'caption'), answers as ScriptedAnswer[]);
        return json(response, { ok: true, value: value ?? null });
      } catch (error) {
        if (error instanceof UnansweredDialogError)
          return json(response, { ok: false, dialog: error.dialog });
        throw error;
      }
    }
    case '/api/run': {
      const args = JSON.parse(text(body.argsJson, 'argsJson')) as unknown[];
      return json(response, session.callServer(text(body.name, 'name'), args));
    }
    case '/api/edit': {
      const values = body.values;
      if (
        !Array.isArray(values) ||
        !values.every((row) => Array.isArray(row) && row.every((v) => typeof v === 'string'))
      )
        throw new HttpError(400, 'values must be rows of text');
      return json(
        response,
        session.edit(text(body.sheet, 'sheet'), text(body.a1, 'a1'), values as string[][]),
      );
    }
    case '/api/select':
      session.select(text(body.sheet, 'sheet'), text(body.a1, 'a1'));
      return json(response, { ok: true });
    case '/api/sort':
      session.sort(text(body.sheet, 'sheet'), whole(body.column, 'column'), body.ascending !== false);
      return json(response, { ok: true });
    case '/api/filter': {
      const visible = body.visible === null ? null : body.visible;
      if (visible !== null && !(Array.isArray(visible) && visible.every((v) => typeof v === 'string')))
        throw new HttpError(400, 'visible must be a list of values or null');
      session.filter(text(body.sheet, 'sheet'), whole(body.column, 'column'), visible as string[] | null);
      return json(response, { ok: true });
    }
    case '/api/filter-view': {
      const id = body.filterViewId;
      if (id !== null && (typeof id !== 'number' || !Number.isInteger(id)))
        throw new HttpError(400, 'filterViewId must be a whole number or null');
      const sheet = text(body.sheet, 'sheet');
      if (id !== null && !session.filterViews(sheet).some((v) => v.filterViewId === id))
        throw new HttpError(404, `No filter view ${id} on ${sheet}`);
      session.applyFilterView(sheet, id as number | null);
      return json(response, { ok: true });
    }
    case '/api/csv': {
      const name = text(body.name, 'name').trim();
      if (name === '' || name.length > 100) throw new HttpError(400, 'name must be 1 to 100 characters');
      let rows: string[][];
      try {
        rows = parseCsv(text(body.csv, 'csv'));
      } catch (error) {
        throw new HttpError(400, (error as Error).message);
      }
      return json(response, { ok: true, value: session.importCsv(name, rows) });
    }
    case '/api/user':
      session.switchUser(text(body.email, 'email'));
      return json(response, { ok: true });
    case '/api/trigger':
      return json(response, { ok: true, value: session.runTrigger(text(body.uid, 'uid')) ?? null });
    case '/api/clock':
      return json(response, {
        ok: true,
        fired: session.advanceClock(whole(body.minutes, 'minutes') * 60_000),
      });
    default:
      throw new HttpError(404, `No route ${at}`);
  }
}

/** Until the playground is ready, the page shows the seed's progress and everything else answers 503. */
async function routeStarting(
  startup: PlaygroundStartup,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const at = `${request.method ?? 'GET'} ${new URL(request.url ?? '/', 'http://127.0.0.1').pathname}`;
  // A progress page still open when the seed ends asks once more, and reloads into the window.
  if (at === 'GET /api/seed-progress') return json(response, startup.status());
  if (startup.session) return route(startup.session, request, response);
  if (at === 'GET /') return send(response, 200, 'text/html; charset=utf-8', seedingPage(startup));
  if (at === 'GET /favicon.ico') return send(response, 204, 'image/x-icon', '');
  throw new HttpError(503, startup.notReady());
}

/** Serves a ready session, or a startup that becomes one (the page shows the seed's progress until then). */
export function createPlaygroundServer(source: PlaygroundSession | PlaygroundStartup): Server {
  const server = createServer((request, response) => {
    const answering =
      source instanceof PlaygroundStartup
        ? routeStarting(source, request, response)
        : route(source, request, response);
    answering.catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : error instanceof SyntaxError ? 400 : 500;
      if (!response.headersSent) json(response, { ok: false, error: (error as Error).message }, status);
    });
  });
  // The emulator runs each Apps Script execution synchronously (a seed step can block the loop for
  // seconds): a server-side idle timeout would then close a kept-alive socket just as the browser reuses
  // it (ECONNRESET). Idle sockets are closed by the client instead; stopping closes them all.
  server.keepAliveTimeout = 0;
  return server;
}
