/**
 * One execution of the script: who runs it, in which auth mode, against which active document. Apps Script
 * runs each trigger, menu click and google.script.run call as a separate execution; locks die with it.
 * Docs: https://developers.google.com/apps-script/guides/services/authorization and
 * https://developers.google.com/apps-script/reference/lock/lock ("locks are released when the script ends").
 * Each call is priced by the latency model (latency.ts) when it returns and, when the workspace or execution
 * turns modelledTimeMovesClock on, moves the clock by its modelled time, so a script's `new Date()` moves on
 * and its run deadlines fire as in Apps Script.
 * The bundle's own CPU time between service calls is measured for benchmarks (never for the clock).
 */

import type { UserRecord, Workspace } from '../workspace';
import { type AuthModeName, assertAllowed, assertAuthorized } from './auth';
import type { CellBlock } from './latency';

/** CPU time of this process (user + system), in ms. */
function cpuNowMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

export interface ExecutionOptions {
  /** Email of the acting user (Session.getActiveUser). Must be a user of the workspace. */
  user: string;
  authMode: AuthModeName;
  /** The document the script is bound to / the add-on is open in; null in time-driven runs. */
  activeSpreadsheetId?: string | null;
  activeDocumentId?: string | null;
  /** Whose authority the run uses (installable triggers run as their creator). Defaults to `user`. */
  effectiveUser?: string;
  /** Session.getActiveUser() may be '' (consumer accounts, other domains, some triggers). */
  activeUserVisible?: boolean;
  /** Set for runs started by an installable trigger. */
  triggerUid?: string | null;
  /**
   * The document an add-on's time-driven trigger belongs to (it was made there). ASSUMPTION: the run sees
   * that document's properties store, though no document is active (see services/properties.ts).
   */
  triggerDocumentId?: string | null;
  /**
   * Whether each call moves the workspace clock by its modelled service time (latency.ts). Defaults to the
   * workspace's setting (WorkspaceOptions.modelledTimeMovesClock, off unless turned on).
   */
  modelledTimeMovesClock?: boolean;
}

export class Execution {
  readonly user: UserRecord;
  readonly effectiveUser: UserRecord;
  readonly authMode: AuthModeName;
  readonly activeSpreadsheetId: string | null;
  readonly activeDocumentId: string | null;
  readonly activeUserVisible: boolean;
  readonly triggerUid: string | null;
  readonly triggerDocumentId: string | null;
  /** Release callbacks of locks held by this execution. */
  private readonly onEnd = new Set<() => void>();
  private ended = false;
  readonly modelledTimeMovesClock: boolean;
  /** Nesting of emulated calls (a service may call another emulated member). */
  private callDepth = 0;
  private clockAtCallStart = 0;
  /** Nesting of script code run through runScript, and the CPU reading when script code last resumed. */
  private scriptDepth = 0;
  private scriptResumedAtCpuMs: number | null = null;

  constructor(
    readonly workspace: Workspace,
    options: ExecutionOptions,
  ) {
    this.user = workspace.getUser(options.user);
    this.effectiveUser = workspace.getUser(options.effectiveUser ?? options.user);
    this.authMode = options.authMode;
    this.activeSpreadsheetId = options.activeSpreadsheetId ?? null;
    this.activeDocumentId = options.activeDocumentId ?? null;
    this.activeUserVisible = options.activeUserVisible ?? true;
    this.triggerUid = options.triggerUid ?? null;
    this.triggerDocumentId = options.triggerDocumentId ?? null;
    this.modelledTimeMovesClock = options.modelledTimeMovesClock ?? workspace.modelledTimeMovesClock;
    workspace.ledger.beginRun();
  }

  /**
   * Where script state of a scope lives: Properties, Cache and Lock services each keep one store per
   * script, per document and per user. null for the document scope when no document is open.
   */
  storeKey(scope: 'script' | 'user'): string;
  storeKey(scope: 'document'): string | null;
  storeKey(scope: 'script' | 'document' | 'user'): string | null {
    if (scope === 'script') return 'script';
    if (scope === 'user') return `user:${this.user.email}`;
    const id = this.activeSpreadsheetId ?? this.activeDocumentId;
    return id === null ? null : `document:${id}`;
  }

  /**
   * Every emulated member call passes here first (see instrument.ts); `block` is the cells a Range call
   * acts on (for cached reads). A call recorded here must be followed by afterCall, even if it throws.
   */
  beforeCall(member: string, block: CellBlock | null = null): void {
    if (this.ended) throw new Error(`${member} called after the execution ended`);
    assertAllowed(this.authMode, member);
    assertAuthorized(this, member);
    if (this.callDepth === 0) {
      this.pauseScriptCpu();
      this.clockAtCallStart = this.workspace.clock.now();
    }
    this.callDepth += 1;
    try {
      this.workspace.faults.onCall(member);
    } catch (error) {
      this.workspace.ledger.record(member, block);
      this.afterCall();
      throw error;
    }
    this.workspace.ledger.record(member, block);
  }

  /**
   * A call returned (or threw): its modelled cost is priced and, when the outermost call returns, the
   * clock moves by it. Time the call already moved the clock by (a lock wait, a sleep) is its wait.
   */
  afterCall(): void {
    if (this.callDepth === 0) return;
    this.callDepth -= 1;
    if (this.callDepth > 0) return;
    const ledger = this.workspace.ledger;
    ledger.addWait(this.workspace.clock.now() - this.clockAtCallStart);
    const ms = ledger.takeUnclockedMs();
    if (this.modelledTimeMovesClock) this.workspace.clock.advance(ms);
    this.resumeScriptCpu();
  }

  /**
   * Runs the bundle's own code (a top-level function the harness calls): its CPU time outside service
   * calls is added to the ledger when the workspace measures it (benchmarks only; it is not deterministic,
   * so nothing moves the clock).
   */
  runScript<T>(run: () => T): T {
    if (!this.workspace.measureScriptCpu) return run();
    if (this.scriptDepth === 0) this.scriptResumedAtCpuMs = cpuNowMs();
    this.scriptDepth += 1;
    try {
      return run();
    } finally {
      this.scriptDepth -= 1;
      if (this.scriptDepth === 0) {
        this.pauseScriptCpu();
        this.scriptResumedAtCpuMs = null;
      }
    }
  }

  /**
   * Stops the script's CPU meter. With modelledTimeMovesClock on too (benchmarks), the clock moves by the
   * CPU as priced, so a run's deadline sees its own script time as Apps Script would, not service time only.
   */
  private pauseScriptCpu(): void {
    if (this.scriptResumedAtCpuMs === null) return;
    const pricedMs = this.workspace.ledger.addScriptCpu(cpuNowMs() - this.scriptResumedAtCpuMs);
    this.scriptResumedAtCpuMs = null;
    if (this.modelledTimeMovesClock && pricedMs > 0) this.workspace.clock.advance(pricedMs);
  }

  private resumeScriptCpu(): void {
    if (this.scriptDepth > 0) this.scriptResumedAtCpuMs = cpuNowMs();
  }

  /** Registers cleanup (lock release) for the end of the run. */
  atEnd(callback: () => void): void {
    this.onEnd.add(callback);
  }

  cancelAtEnd(callback: () => void): void {
    this.onEnd.delete(callback);
  }

  end(): void {
    if (this.ended) return;
    // Writes still pending are committed before the run (and its locks) end.
    this.workspace.ledger.endRun();
    const ms = this.workspace.ledger.takeUnclockedMs();
    if (this.modelledTimeMovesClock) this.workspace.clock.advance(ms);
    for (const callback of this.onEnd) callback();
    this.onEnd.clear();
    this.ended = true;
  }

  get isEnded(): boolean {
    return this.ended;
  }
}
