/**
 * HTTPResponse: what UrlFetchApp.fetch returns. Status code, headers (getHeaders and getAllHeaders give the
 * same map here: no header is repeated by the stand-ins) and the body as text or bytes.
 * Docs: https://developers.google.com/apps-script/reference/url-fetch/http-response
 */
import type { Execution } from '../runtime/execution';
import { emulate } from '../runtime/instrument';

type ResponseMembers = 'getResponseCode' | 'getContentText' | 'getAllHeaders' | 'getHeaders' | 'getContent';

class EmulatedHttpResponse implements Pick<GoogleAppsScript.URL_Fetch.HTTPResponse, ResponseMembers> {
  constructor(
    private readonly status: number,
    private readonly headers: Record<string, string>,
    private readonly body: string,
  ) {}

  getResponseCode(): number {
    return this.status;
  }

  /** The body decoded as UTF-8; another charset is not emulated (the stand-ins answer in UTF-8). */
  getContentText(charset?: string): string {
    if (charset !== undefined && !/^utf-?8$/i.test(charset)) {
      throw new Error(`not emulated: HTTPResponse.getContentText charset ${charset}`);
    }
    return this.body;
  }

  getAllHeaders(): object {
    return { ...this.headers };
  }

  getHeaders(): object {
    return { ...this.headers };
  }

  /** The raw bytes, signed as Apps Script's Byte[] is. */
  getContent(): number[] {
    return Array.from(new TextEncoder().encode(this.body), (b) => (b > 127 ? b - 256 : b));
  }
}

export function createHttpResponse(
  exec: Execution,
  status: number,
  headers: Record<string, string>,
  body: string,
): GoogleAppsScript.URL_Fetch.HTTPResponse {
  return emulate(
    new EmulatedHttpResponse(status, headers, body),
    'HTTPResponse',
    exec,
  ) as unknown as GoogleAppsScript.URL_Fetch.HTTPResponse;
}
