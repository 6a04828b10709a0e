/**
 * The emulator's public API (documented in README.md, "The emulator"). Tests, the playground and the
 * benchmarks import from here only.
 */
export {
  type BridgeReply,
  callServerFunction,
  clientCallableFunctions,
  type PageSession,
} from './bridge/host';
export { TransferError, toTransferable } from './bridge/transfer';
export { launchChromium } from './browser/chromium';
export { eventually, type OpenedPage, openBuiltPage } from './browser/page-harness';
export { type EditOptions, type EditOutcome, EditRefused, simulateEdit } from './events/edit';
export { clickMenuItem, type DocumentSession, installAddon, menusFor, openSpreadsheet } from './events/open';
export { type SelectOptions, simulateSelect } from './events/select';
export { fireDueTimeTriggers, runTrigger } from './events/time';
export { LoadedBundle, type LoadOptions, loadBundle, recordingConsole, runFunction } from './loader';
export type { AuthModeName } from './runtime/auth';
export { NotEmulatedError, ScriptException } from './runtime/errors';
export { Execution } from './runtime/execution';
export { FAULTS } from './runtime/faults';
export { type CostKind, DEFAULT_LATENCY, type LatencyParameters } from './runtime/latency';
export type { LedgerEntry, ModelledTime } from './runtime/ledger';
export { restoreWorkspace, snapshotWorkspace } from './snapshot';
export { createWorkspace, Workspace, type WorkspaceOptions } from './workspace';
