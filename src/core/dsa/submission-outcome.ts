/**
 * What an answer of POST /api/v1/statements means for each statement of the batch
 * (shared/reference/dsa-transparency-database.md): 201 created them all (uuid per puid); 422 with
 * statement_<i> errors refused exactly those and created none; 422 naming existing puids means those are
 * already in the Database (a retry after a lost answer) and nothing else was created; 401 is a bad token;
 * 429 and 5xx (and no answer at all) are tried again later. Only 201 means created.
 */

export type BatchOutcome =
  | { kind: 'created'; uuids: Record<string, string> }
  | { kind: 'refused'; refusals: Record<string, string[]> }
  | { kind: 'alreadySubmitted'; puids: string[] }
  | { kind: 'retryLater'; reason: string }
  | { kind: 'stop'; reason: string };

function parse(body: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Per-field messages of one statement as lines a reviewer reads: "category: The selected category is invalid." */
function describeErrors(errors: unknown): string[] {
  if (typeof errors !== 'object' || errors === null) return ['refused without a reason'];
  return Object.entries(errors as Record<string, unknown>).flatMap(([field, messages]) =>
    (Array.isArray(messages) ? messages : [messages]).map((m) => `${field}: ${String(m)}`),
  );
}

export function interpretBatchAnswer(puids: readonly string[], status: number, body: string): BatchOutcome {
  const answer = parse(body);
  if (status === 201) {
    const stored = Array.isArray(answer.statements) ? (answer.statements as Record<string, unknown>[]) : [];
    const uuids: Record<string, string> = {};
    for (const s of stored) if (typeof s.puid === 'string') uuids[s.puid] = String(s.uuid ?? '');
    const missing = puids.filter((p) => !(p in uuids));
    if (missing.length > 0)
      return {
        kind: 'stop',
        reason: `the Database answered 201 without ${missing.join(', ')}: check it by hand`,
      };
    return { kind: 'created', uuids };
  }
  if (status === 422) {
    const errors = (answer.errors ?? {}) as Record<string, unknown>;
    const existing = errors.existing_puids;
    if (Array.isArray(existing)) {
      const known = existing.map(String).filter((p) => puids.includes(p));
      if (known.length > 0) return { kind: 'alreadySubmitted', puids: known };
    }
    const refusals: Record<string, string[]> = {};
    for (const [key, value] of Object.entries(errors)) {
      const index = /^statement_(\d+)$/.exec(key)?.[1];
      const puid = index === undefined ? undefined : puids[Number(index)];
      if (puid !== undefined) refusals[puid] = describeErrors(value);
    }
    if (Object.keys(refusals).length > 0) return { kind: 'refused', refusals };
    return { kind: 'stop', reason: `the Database refused the batch: ${describeErrors(errors).join('; ')}` };
  }
  if (status === 401 || status === 403)
    return {
      kind: 'stop',
      reason: `the Database refused the token (${status}): connect again with a current token`,
    };
  if (status === 429 || status >= 500)
    return { kind: 'retryLater', reason: `the Database answered ${status}` };
  return {
    kind: 'stop',
    reason: `the Database answered ${status}: ${String(answer.message ?? body).slice(0, 300)}`,
  };
}
