/**
 * Whether a cell value is a Date. Cell values come from another realm (Apps Script's, or the emulator's
 * script scope), so `instanceof` alone is not enough; most values are text or numbers, so the tag check
 * runs only for objects (it is on the path of every cell a whole-library job reads).
 */
export function isDate(value: unknown): value is Date {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]')
  );
}

/** A Date that holds a time (an invalid Date is no date). */
export function isValidDate(value: unknown): value is Date {
  return isDate(value) && !Number.isNaN(value.getTime());
}
