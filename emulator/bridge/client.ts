/**
 * The browser half of the bridge: google.script.run and google.script.host as Apps Script injects them into
 * an HtmlService page, talking to the emulator through a transport the harness provides
 * (window.__casebookBridge). Bundled for the browser by build-client.ts.
 * Docs: https://developers.google.com/apps-script/guides/html/reference/run ,
 * https://developers.google.com/apps-script/guides/html/communication ("at most about 10 calls at once" per
 * ../shared/reference/apps-script-facts.md), https://developers.google.com/apps-script/guides/html/reference/host
 */
import { argumentsToTransferable } from './transfer';

type SuccessHandler = (value: unknown, userObject?: unknown) => void;
type FailureHandler = (error: Error, userObject?: unknown) => void;
type Transport = (name: string, argsJson: string) => Promise<string>;
type Reply = { ok: true; value: unknown } | { ok: false; error: { name: string; message: string } };

interface BridgeWindow {
  __casebookBridge?: Transport;
  __casebookHost?: (action: string, detail: string) => void;
  __casebookFunctions?: string[];
  google?: unknown;
}

const MAX_CONCURRENT_CALLS = 10;
const bridgeWindow = window as unknown as BridgeWindow;
let running = 0;
const waiting: (() => void)[] = [];

function schedule(task: () => Promise<void>): void {
  const start = () => {
    running += 1;
    task().finally(() => {
      running -= 1;
      waiting.shift()?.();
    });
  };
  if (running < MAX_CONCURRENT_CALLS) start();
  else waiting.push(start);
}

/** A <form> may be passed as the only argument; the server receives its named fields. */
function formToObject(form: HTMLFormElement): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of new FormData(form).entries())
    fields[key] = typeof value === 'string' ? value : value.name;
  return fields;
}

function toError(error: { name: string; message: string }): Error {
  const e = new Error(error.message);
  e.name = error.name;
  return e;
}

interface RunnerState {
  success: SuccessHandler | null;
  failure: FailureHandler | null;
  userObject: unknown;
}

function invoke(state: RunnerState, name: string, rawArgs: unknown[]): void {
  const report = (error: Error) => {
    if (state.failure) state.failure(error, state.userObject);
    else console.error(`google.script.run.${name} failed: ${error.message}`);
  };
  let argsJson: string;
  try {
    const args =
      rawArgs.length === 1 && rawArgs[0] instanceof HTMLFormElement ? [formToObject(rawArgs[0])] : rawArgs;
    argsJson = JSON.stringify(argumentsToTransferable(args));
  } catch (error) {
    // Apps Script fails the request; handlers always run asynchronously.
    setTimeout(() => report(error as Error), 0);
    return;
  }
  const transport = bridgeWindow.__casebookBridge;
  if (!transport) {
    setTimeout(() => report(new Error('No Apps Script bridge is connected to this page.')), 0);
    return;
  }
  schedule(async () => {
    let reply: Reply;
    try {
      reply = JSON.parse(await transport(name, argsJson)) as Reply;
    } catch (error) {
      reply = { ok: false, error: { name: 'NetworkError', message: (error as Error).message } };
    }
    if (reply.ok) state.success?.(reply.value, state.userObject);
    else report(toError(reply.error));
  });
}

function makeRunner(state: RunnerState): Record<string, unknown> {
  const runner: Record<string, unknown> = {
    withSuccessHandler: (handler: SuccessHandler) => makeRunner({ ...state, success: handler }),
    withFailureHandler: (handler: FailureHandler) => makeRunner({ ...state, failure: handler }),
    withUserObject: (userObject: unknown) => makeRunner({ ...state, userObject }),
  };
  for (const name of bridgeWindow.__casebookFunctions ?? []) {
    runner[name] = (...args: unknown[]) => invoke(state, name, args);
  }
  return runner;
}

function hostAction(action: string, detail = ''): void {
  bridgeWindow.__casebookHost?.(action, detail);
}

bridgeWindow.google = {
  script: {
    run: makeRunner({ success: null, failure: null, userObject: undefined }),
    host: {
      close: () => hostAction('close'),
      setHeight: (height: number) => hostAction('setHeight', String(height)),
      setWidth: (width: number) => hostAction('setWidth', String(width)),
      editor: { focus: () => hostAction('focusEditor') },
      origin: window.location.origin,
    },
  },
};
