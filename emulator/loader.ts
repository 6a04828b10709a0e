/**
 * Loads the BUILT bundle (build/Code.js) into the emulator with gas-local: a fresh global object per load
 * holding the emulated services for one execution, a clock-driven Date and the console passed in. As in
 * Apps Script, each execution starts from a fresh global scope; locks it took are released when it ends.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import gas from 'gas-local';
import { type EnabledAdvancedService, manifestAdvancedServices } from './advanced-services';
import { createServiceGlobals } from './globals';
import { Execution, type ExecutionOptions } from './runtime/execution';
import type { Workspace } from './workspace';

export type ScriptConsole = Pick<Console, 'log' | 'info' | 'warn' | 'error'>;

export interface LoadOptions extends ExecutionOptions {
  /** The console the script writes to; by default its lines go to workspace.logs. */
  console?: ScriptConsole;
  /** Defaults to workspace.bundlePath. */
  bundlePath?: string;
  /** Replaces the emulated services with exactly these globals (e.g. a context holding only SpreadsheetApp.getUi). */
  services?: (execution: Execution) => Record<string, unknown>;
  /** Advanced services to enable besides those the bundle's appsscript.json declares (tests). */
  enabledAdvancedServices?: EnabledAdvancedService[];
}

/** A console that records into workspace.logs, so tests stay quiet and can read what the script logged. */
export function recordingConsole(ws: Workspace): ScriptConsole {
  const record =
    (level: string) =>
    (...parts: unknown[]) => {
      ws.logs.push({
        level,
        message: parts.map((p) => (typeof p === 'string' ? p : JSON.stringify(p))).join(' '),
      });
    };
  return { log: record('log'), info: record('info'), warn: record('warn'), error: record('error') };
}

export class LoadedBundle {
  constructor(
    readonly execution: Execution,
    readonly globals: Record<string, unknown>,
    private readonly injected: ReadonlySet<string>,
  ) {}

  /** Top-level functions the bundle declares (what Apps Script lists in its "Run" menu). */
  functionNames(): string[] {
    return Object.keys(this.globals)
      .filter((name) => !this.injected.has(name) && typeof this.globals[name] === 'function')
      .sort();
  }

  has(name: string): boolean {
    return this.functionNames().includes(name);
  }

  /** Calls a top-level function of the bundle. The execution stays open until end(). */
  call(name: string, ...args: unknown[]): unknown {
    const fn = this.globals[name];
    if (this.injected.has(name) || typeof fn !== 'function') {
      throw new Error(`Script function not found: ${name}`);
    }
    // The script's own CPU time (outside service calls) is measured for the latency model's benchmarks.
    return this.execution.runScript(() => (fn as (...a: unknown[]) => unknown)(...args));
  }

  end(): void {
    this.execution.end();
  }
}

export function loadBundle(ws: Workspace, options: LoadOptions): LoadedBundle {
  const file = path.resolve(options.bundlePath ?? ws.bundlePath);
  if (!existsSync(file)) {
    throw new Error(`Casebook bundle not found at ${file}: run \`npm run build\` first`);
  }
  const execution = new Execution(ws, options);
  const globals: Record<string, unknown> = {
    ...(
      options.services ??
      ((exec: Execution) =>
        createServiceGlobals(exec, [
          ...manifestAdvancedServices(path.dirname(file)),
          ...(options.enabledAdvancedServices ?? []),
        ]))
    )(execution),
    console: options.console ?? recordingConsole(ws),
    Date: ws.clock.dateConstructor(),
  };
  const injected = new Set(Object.keys(globals));
  const context = gas.require(path.dirname(file), globals, {
    filter: (candidate: string) => path.resolve(candidate) === file,
  }) as Record<string, unknown>;
  return new LoadedBundle(execution, context, injected);
}

/** Loads the bundle, calls one function as one execution, and ends it (releasing its locks). */
export function runFunction(ws: Workspace, options: LoadOptions, name: string, ...args: unknown[]): unknown {
  const bundle = loadBundle(ws, options);
  try {
    return bundle.call(name, ...args);
  } finally {
    bundle.end();
  }
}
