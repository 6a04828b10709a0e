/**
 * Checks of what the browser sends. Anyone with a sidebar open can call any public server function from the
 * console with anything, so every handler checks shape and size before it reads or writes.
 */

export class BadArgument extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadArgument';
  }
}

export function expectText(name: string, value: unknown, maxLength: number): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new BadArgument(`${name} must be non-empty text`);
  if (value.length > maxLength) throw new BadArgument(`${name} is longer than ${maxLength} characters`);
  return value;
}

export function expectArray(name: string, value: unknown, maxItems: number): unknown[] {
  if (!Array.isArray(value)) throw new BadArgument(`${name} must be a list`);
  if (value.length > maxItems) throw new BadArgument(`${name} has more than ${maxItems} items`);
  return value;
}

export function expectObject(name: string, value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new BadArgument(`${name} must be an object`);
  return value as Record<string, unknown>;
}

export function expectInteger(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new BadArgument(`${name} must be a whole number from ${min} to ${max}`);
  }
  return value;
}

const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** The ID a form sends with a request so a retry of it finds what an earlier run stored (never twice). */
export function expectRequestId(name: string, value: unknown): string {
  const id = expectText(name, value, 64).trim();
  if (!REQUEST_ID.test(id)) throw new BadArgument(`${name} must be 8-64 letters, digits, - or _`);
  return id;
}
