/**
 * UrlFetchApp: HTTP requests answered by the workspace's local stand-ins (stand-ins/registry.ts), never the
 * network. Options: method (default get), payload (a string, or an object sent form-encoded), contentType
 * (default application/x-www-form-urlencoded when there is a payload), headers, muteHttpExceptions,
 * followRedirects (default true). A response code of 400 or more throws
 * "Request failed for <url> returned code <n>. Truncated server response: <body start> (use
 * muteHttpExceptions option to examine full response)" unless muteHttpExceptions is true. Each request
 * counts against the effective user's daily URL Fetch quota (a rolling 24-hour window, as for mail).
 * Docs: https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app ,
 * https://developers.google.com/apps-script/guides/services/quotas ("URL Fetch calls": 20,000 a day
 * consumer, 100,000 Workspace).
 */
import { NotEmulatedError, ScriptException } from '../runtime/errors';
import type { Execution } from '../runtime/execution';
import { emulate } from '../runtime/instrument';
import type { StandInRequest } from '../stand-ins/registry';
import { createHttpResponse } from './http-response';

type UrlFetchMembers = 'fetch' | 'fetchAll' | 'getRequest';

const DAY_MS = 86_400_000;
/**
 * How much of the body the error message quotes. ASSUMPTION (verify on live Apps Script): Google does not
 * document the length; recorded messages quote a few hundred characters.
 */
const QUOTED_BODY_CHARS = 500;
const MAX_REDIRECTS = 5;
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
const MODELLED_OPTIONS = new Set([
  'method',
  'payload',
  'contentType',
  'headers',
  'muteHttpExceptions',
  'followRedirects',
  'validateHttpsCertificates',
  'escaping',
]);

type Options = GoogleAppsScript.URL_Fetch.URLFetchRequestOptions;

function formEncode(payload: Record<string, unknown>): string {
  return Object.entries(payload)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}

class EmulatedUrlFetchApp implements Pick<GoogleAppsScript.URL_Fetch.UrlFetchApp, UrlFetchMembers> {
  constructor(private readonly exec: Execution) {}

  fetch(url: unknown, params?: unknown): GoogleAppsScript.URL_Fetch.HTTPResponse {
    if (typeof url !== 'string') throw new ScriptException('Invalid argument: url');
    return this.send(url, (params ?? {}) as Options);
  }

  /** Requests run one after the other here (Apps Script may run them in parallel); each uses quota. */
  fetchAll(requests: unknown): GoogleAppsScript.URL_Fetch.HTTPResponse[] {
    if (!Array.isArray(requests)) throw new ScriptException('Invalid argument: requests');
    return requests.map((r: unknown) => {
      if (typeof r === 'string') return this.send(r, {});
      if (typeof r !== 'object' || r === null || typeof (r as { url?: unknown }).url !== 'string')
        throw new ScriptException('Invalid argument: url');
      const { url, ...options } = r as GoogleAppsScript.URL_Fetch.URLFetchRequest;
      return this.send(url, options);
    });
  }

  /** The request that fetch would make, without making it (no quota used). */
  getRequest(url: unknown, params?: unknown): GoogleAppsScript.URL_Fetch.URLFetchRequest {
    if (typeof url !== 'string') throw new ScriptException('Invalid argument: url');
    const request = this.buildRequest(url, (params ?? {}) as Options);
    return {
      url: request.url,
      method: request.method.toLowerCase() as GoogleAppsScript.URL_Fetch.HttpMethod,
      headers: request.headers,
      payload: request.payload,
      contentType: request.headers['content-type'] ?? '',
      followRedirects: (params as Options | undefined)?.followRedirects ?? true,
      muteHttpExceptions: (params as Options | undefined)?.muteHttpExceptions ?? false,
    } as GoogleAppsScript.URL_Fetch.URLFetchRequest;
  }

  private callsInWindow(): number {
    const { workspace, effectiveUser } = this.exec;
    const since = workspace.clock.now() - DAY_MS;
    return workspace.standIns.log.filter((r) => r.user === effectiveUser.email && r.atMs > since).length;
  }

  private buildRequest(url: string, options: Options): StandInRequest {
    for (const key of Object.keys(options))
      if (!MODELLED_OPTIONS.has(key)) throw new NotEmulatedError(`UrlFetchApp.fetch option ${key}`);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new ScriptException(`Invalid argument: ${url}`);
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
      throw new ScriptException(`Invalid argument: ${url}`);
    const method = String(options.method ?? 'get').toUpperCase();
    if (!METHODS.has(method)) throw new ScriptException(`Invalid argument: method ${options.method}`);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(options.headers ?? {}))
      headers[name.toLowerCase()] = String(value);
    let payload = '';
    if (options.payload !== undefined && options.payload !== null) {
      if (typeof options.payload === 'string') payload = options.payload;
      else if (Array.isArray(options.payload))
        throw new NotEmulatedError('UrlFetchApp.fetch byte-array payload');
      else payload = formEncode(options.payload as Record<string, unknown>);
      headers['content-type'] = options.contentType ?? 'application/x-www-form-urlencoded';
    }
    return {
      url,
      method,
      path: parsed.pathname,
      query: parsed.search,
      headers,
      payload,
    };
  }

  private send(url: string, options: Options): GoogleAppsScript.URL_Fetch.HTTPResponse {
    let request = this.buildRequest(url, options);
    const { workspace, effectiveUser } = this.exec;
    for (let hop = 0; ; hop += 1) {
      if (this.callsInWindow() >= workspace.urlFetchCallsPerDay(effectiveUser.email))
        throw new ScriptException('Service invoked too many times for one day: urlfetch.');
      const record = {
        user: effectiveUser.email,
        atMs: workspace.clock.now(),
        method: request.method,
        url: request.url,
        status: null as number | null,
      };
      workspace.standIns.log.push(record);
      // An unknown host fails as DNS resolution does; there is no real network behind the emulator.
      const standIn = workspace.standIns.lookup(new URL(request.url));
      if (!standIn) throw new ScriptException(`DNS error: ${request.url}`);
      const answer = standIn(request);
      record.status = answer.status;
      const headers = answer.headers ?? {};
      const location = Object.entries(headers).find(([k]) => k.toLowerCase() === 'location')?.[1];
      const redirect = answer.status >= 300 && answer.status < 400 && location !== undefined;
      if (redirect && options.followRedirects !== false && hop < MAX_REDIRECTS) {
        request = this.buildRequest(new URL(location, request.url).toString(), {
          headers: options.headers ?? {},
        });
        continue;
      }
      if (answer.status >= 400 && options.muteHttpExceptions !== true) {
        const quoted = answer.body.slice(0, QUOTED_BODY_CHARS);
        throw new ScriptException(
          `Request failed for ${url} returned code ${answer.status}.` +
            (quoted === ''
              ? ''
              : ` Truncated server response: ${quoted} (use muteHttpExceptions option to examine full response)`),
        );
      }
      return createHttpResponse(this.exec, answer.status, headers, answer.body);
    }
  }
}

export function createUrlFetchApp(exec: Execution): GoogleAppsScript.URL_Fetch.UrlFetchApp {
  return emulate(
    new EmulatedUrlFetchApp(exec),
    'UrlFetchApp',
    exec,
  ) as unknown as GoogleAppsScript.URL_Fetch.UrlFetchApp;
}
