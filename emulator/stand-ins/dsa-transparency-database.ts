/**
 * A local stand-in of the DSA Transparency Database API (shared/reference/dsa-transparency-database.md,
 * from the Database's api-documentation.md, routes/api_v1.php and StatementMultipleAPIController.php):
 * Bearer-token auth (401 otherwise), POST /api/v1/statement (one, 201), POST /api/v1/statements (1 to 100,
 * all or nothing: 422 {"errors":{"statement_<i>":{...}}} and none stored), duplicate puids refused with 422
 * (single: the stored puid under "existing"; batch: "existing_puids"), GET
 * /api/v1/statement/existing-puid/{puid} (302 or 404). Tests script 429 and 5xx answers for the next
 * requests with failNext; the Database's real rate limit (200/s, 12,000/min) is not modelled otherwise.
 */
import {
  type DsaVocabulary,
  dropExcludedFields,
  validateStatementAsDatabase,
} from './dsa-statement-validator';
import type { StandInRequest, StandInResponse } from './registry';

export const TDB_SANDBOX_URL = 'https://transparency.dsa.ec.europa.eu';

const SINGLE_DUPLICATE = 'The identifier given is not unique within this platform.';
const BATCH_DUPLICATE = 'The platform identifier(s) are not all unique within this call.';

export interface StoredStatement extends Record<string, unknown> {
  uuid: string;
  puid: string;
  platform_name: string;
  created_at: string;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): StandInResponse => ({
  status,
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

export class TransparencyDatabaseStandIn {
  /** Stored statements by puid, in the order they were created. */
  readonly stored = new Map<string, StoredStatement>();
  /** Every request the stand-in received, in order (method, path, and the puids it carried). */
  readonly received: { method: string; path: string; puids: string[]; status: number }[] = [];
  private readonly scripted: StandInResponse[] = [];
  private readonly extraRules: ((statement: Record<string, unknown>) => Record<string, string[]>)[] = [];
  private uuidCounter = 0;

  constructor(
    private readonly options: {
      vocabulary: DsaVocabulary;
      /** Token -> platform name; any other token gets 401. */
      tokens: Record<string, string>;
      /** Time source for created_at (the workspace clock). */
      now: () => number;
    },
  ) {}

  /** The next `times` requests get `status` (429, 500, 503...) whatever they carry; nothing is stored. */
  failNext(status: number, times = 1, body = '', headers: Record<string, string> = {}): void {
    for (let i = 0; i < times; i += 1) this.scripted.push({ status, headers, body });
  }

  /**
   * Adds a validation rule the Database applies beyond the reference's, as after a schema change the client
   * has not caught up with (2025-07-01 renamed keys): tests use it to make the Database refuse a statement.
   */
  addRule(rule: (statement: Record<string, unknown>) => Record<string, string[]>): void {
    this.extraRules.push(rule);
  }

  private validate(statement: Record<string, unknown>): Record<string, string[]> {
    const errors = validateStatementAsDatabase(this.options.vocabulary, statement);
    for (const rule of this.extraRules) Object.assign(errors, rule(statement));
    return errors;
  }

  /** The function to register with workspace.standIns.register. */
  readonly handle = (request: StandInRequest): StandInResponse => {
    const answer = this.answer(request);
    this.received.push({
      method: request.method,
      path: request.path,
      puids: puidsIn(request.payload),
      status: answer.status,
    });
    return answer;
  };

  private answer(request: StandInRequest): StandInResponse {
    const scripted = this.scripted.shift();
    if (scripted) return scripted;
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const platform = token === undefined ? undefined : this.options.tokens[token];
    if (platform === undefined) return json(401, { message: 'Unauthenticated.' });
    const existing = /^\/api\/v1\/statement\/existing-puid\/([^/]+)$/.exec(request.path);
    if (request.method === 'GET' && existing) {
      const found = this.stored.get(decodeURIComponent(existing[1] ?? ''));
      return found ? json(302, found) : json(404, { message: 'statement not found' });
    }
    if (request.method === 'POST' && request.path === '/api/v1/statement')
      return this.storeOne(request, platform);
    if (request.method === 'POST' && request.path === '/api/v1/statements')
      return this.storeMany(request, platform);
    return json(404, { message: `The route ${request.path.replace(/^\//, '')} could not be found.` });
  }

  private storeOne(request: StandInRequest, platform: string): StandInResponse {
    const statement = parseObject(request.payload);
    const errors = this.validate(statement);
    if (Object.keys(errors).length > 0) return json(422, { message: firstMessage(errors), errors });
    const puid = statement.puid as string;
    if (this.stored.has(puid))
      return json(422, {
        message: SINGLE_DUPLICATE,
        errors: { puid: [SINGLE_DUPLICATE] },
        existing: { puid },
      });
    return json(201, this.store(statement, platform));
  }

  private storeMany(request: StandInRequest, platform: string): StandInResponse {
    const body = parseObject(request.payload);
    const list = body.statements;
    if (!Array.isArray(list) || list.length < 1 || list.length > 100) {
      const message = Array.isArray(list)
        ? 'The statements field must have between 1 and 100 items.'
        : 'The statements field is required.';
      return json(422, { message, errors: { statements: [message] } });
    }
    const errors: Record<string, Record<string, string[]>> = {};
    list.forEach((item, i) => {
      const e = this.validate(isObject(item) ? item : {});
      if (Object.keys(e).length > 0) errors[`statement_${i}`] = e;
    });
    if (Object.keys(errors).length > 0) return json(422, { errors });
    const puids = list.map((s) => (s as Record<string, unknown>).puid as string);
    const duplicates = puids.filter((p, i) => puids.indexOf(p) !== i || this.stored.has(p));
    if (duplicates.length > 0)
      return json(422, {
        message: BATCH_DUPLICATE,
        errors: { puid: [BATCH_DUPLICATE], existing_puids: [...new Set(duplicates)] },
      });
    return json(201, { statements: list.map((s) => this.store(s as Record<string, unknown>, platform)) });
  }

  private store(statement: Record<string, unknown>, platform: string): StoredStatement {
    this.uuidCounter += 1;
    const uuid = `00000000-0000-4000-8000-${this.uuidCounter.toString(16).padStart(12, '0')}`;
    const stored: StoredStatement = {
      ...dropExcludedFields(statement),
      puid: statement.puid as string,
      uuid,
      id: this.uuidCounter,
      platform_name: platform,
      created_at: new Date(this.options.now()).toISOString().slice(0, 19).replace('T', ' '),
      permalink: `${TDB_SANDBOX_URL}/statement/${this.uuidCounter}`,
      self: `${TDB_SANDBOX_URL}/api/v1/statement/${this.uuidCounter}`,
    };
    this.stored.set(stored.puid, stored);
    return stored;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseObject(payload: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(payload);
    return isObject(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

function puidsIn(payload: string): string[] {
  const body = parseObject(payload);
  const list = Array.isArray(body.statements) ? body.statements : [body];
  return list.flatMap((s) => (isObject(s) && typeof s.puid === 'string' ? [s.puid] : []));
}

function firstMessage(errors: Record<string, string[]>): string {
  const all = Object.values(errors).flat();
  return all.length > 1 ? `${all[0]} (and ${all.length - 1} more errors)` : (all[0] ?? '');
}
