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
