/**
 * What google.script.run can carry between a page and the server. Pure: bundled into the browser shim and
 * used by the Node host, so both sides apply the same rules.
 * Docs: https://developers.google.com/apps-script/guides/html/communication#parameters_and_return_values
 * "Legal parameters and return values are JavaScript primitives like a Number, Boolean, String, or null, as
 * well as JavaScript objects and arrays that are composed of primitives, objects and arrays. [...] Requests
 * fail if you attempt to pass a Date, Function, DOM element besides a form, or other prohibited type,
 * including prohibited types inside objects or arrays. Objects that create circular references will also
 * fail, and undefined fields within arrays become null."
 */

export class TransferError extends TypeError {
  constructor(readonly path: string) {
    super(`Failed due to illegal value in property: ${path}`);
    this.name = 'TypeError';
  }
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as object | null;
  // Cross-realm safe: a plain object's prototype is some realm's Object.prototype, whose own prototype is null.
  return (
    proto === null ||
    (Object.getPrototypeOf(proto) === null && Object.prototype.toString.call(value) === '[object Object]')
  );
}

/**
 * A deep copy of `value` as the other side receives it, or a TransferError naming the first illegal
 * property. `undefined` in an array becomes null; an undefined object field is dropped.
 */
export function toTransferable(value: unknown, path = '0', seen: Set<object> = new Set()): unknown {
  if (value === null || value === undefined) return value;
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return value;
    case 'object':
      break;
    default:
      throw new TransferError(path);
  }
  const object = value as object;
  if (seen.has(object)) throw new TransferError(path);
  seen.add(object);
  try {
    if (Array.isArray(object)) {
      return object.map((item: unknown, i) =>
        item === undefined ? null : toTransferable(item, `${i}`, seen),
      );
    }
    if (!isPlainObject(object)) throw new TransferError(path);
    const copy: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(object)) {
      if (field === undefined) continue;
      copy[key] = toTransferable(field, key, seen);
    }
    return copy;
  } finally {
    seen.delete(object);
  }
}

/** Arguments of one call: each checked like a property of the argument list ("0", "1", ...). */
export function argumentsToTransferable(args: readonly unknown[]): unknown[] {
  return args.map((arg, i) => (arg === undefined ? null : toTransferable(arg, String(i))));
}

/** Apps Script: "Server functions whose names end in an underscore are private" and cannot be called from the client. */
export function isClientCallable(functionName: string): boolean {
  return /^[A-Za-z$][\w$]*$/.test(functionName) && !functionName.endsWith('_');
}
