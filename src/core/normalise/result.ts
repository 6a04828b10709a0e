/** What a normaliser returns: a canonical value and how sure it is, or the reason it could not decide. */

export type Confidence = 'exact' | 'synonym' | 'fuzzy' | 'inferred';

export type Normalised<T> = { ok: true; value: T; confidence: Confidence } | { ok: false; reason: string };

export const accept = <T>(value: T, confidence: Confidence): Normalised<T> => ({
  ok: true,
  value,
  confidence,
});
export const reject = <T>(reason: string): Normalised<T> => ({ ok: false, reason });
