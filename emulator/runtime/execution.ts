/**
 * One execution of the script: who runs it, in which auth mode, against which active document. Apps Script
 * runs each trigger, menu click and google.script.run call as a separate execution; locks die with it.
 * Docs: https://developers.google.com/apps-script/guides/services/authorization and
 * https://developers.google.com/apps-script/reference/lock/lock ("locks are released when the script ends").
 */

import type { UserRecord, Workspace } from '../workspace';
import { type AuthModeName, assertAllowed, assertAuthorized } from './auth';

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

  /** Every emulated member call passes here first (see instrument.ts). */
  beforeCall(member: string): void {
    if (this.ended) throw new Error(`${member} called after the execution ended`);
    assertAllowed(this.authMode, member);
    assertAuthorized(this, member);
    try {
      this.workspace.faults.onCall(member);
    } finally {
      this.workspace.ledger.record(member);
    }
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
    for (const callback of this.onEnd) callback();
    this.onEnd.clear();
    this.ended = true;
  }

  get isEnded(): boolean {
    return this.ended;
  }
}
