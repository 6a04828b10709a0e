/**
 * Errors the emulator throws into scripts. Apps Script surfaces service failures as `Exception: <message>`;
 * members the emulator does not implement throw NotEmulatedError so a test never passes on a silent no-op.
 */

/** An error as Apps Script raises it from a service (its `name` is "Exception"). */
export class ScriptException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

/** Thrown by any Apps Script member that the emulator does not model. */
export class NotEmulatedError extends Error {
  constructor(readonly member: string) {
    super(`not emulated: ${member}`);
    this.name = 'NotEmulatedError';
  }
}

export function notEmulated(member: string): never {
  throw new NotEmulatedError(member);
}

/** Apps Script's argument checks: "Invalid argument: x" / "The parameters (...) don't match the method signature". */
export function invalidArgument(name: string): ScriptException {
  return new ScriptException(`Invalid argument: ${name}`);
}

/** How Apps Script names argument types in "The parameters (...) don't match the method signature". */
function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  if (value === undefined) return 'undefined';
  if (Object.prototype.toString.call(value) === '[object Date]') return 'Date';
  if (Array.isArray(value)) return 'Array';
  return 'Object';
}

/** "The parameters (String,number) don't match the method signature for SpreadsheetApp.Sheet.getRange." */
export function signatureError(member: string, args: unknown[]): ScriptException {
  return new ScriptException(
    `The parameters (${args.map(typeName).join(',')}) don't match the method signature for ${member}.`,
  );
}

/**
 * A script showed an alert or prompt that nobody answered: tests script answers with
 * workspace.answerNextDialog, the playground asks the person and runs the operation again with the answer.
 */
export class UnansweredDialogError extends Error {
  constructor(readonly dialog: { kind: 'alert' | 'prompt'; title: string; prompt: string; buttons: string }) {
    super(`no scripted answer for ${dialog.kind}: ${dialog.prompt} (use workspace.answerNextDialog)`);
    this.name = 'UnansweredDialogError';
  }
}
