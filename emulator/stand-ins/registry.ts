/**
 * Local stand-ins for the web services a script reaches with UrlFetchApp. Each workspace keeps its own
 * registry, keyed by origin (scheme, host and port), so an emulated fetch never touches the real network:
 * a URL whose origin has no stand-in fails as an unresolvable host would. Every request a stand-in
 * answers is logged, so tests can prove that nothing was sent twice.
 */

/** A request as a stand-in receives it: header names lower-cased, the payload as text. */
export interface StandInRequest {
  url: string;
  /** Upper case: GET, POST, PUT, PATCH, DELETE. */
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  payload: string;
}

export interface StandInResponse {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

export type HttpStandIn = (request: StandInRequest) => StandInResponse;

/** One request a stand-in answered (or none could: `status` null), for quotas and assertions. */
export interface FetchRecord {
  user: string;
  atMs: number;
  method: string;
  url: string;
  status: number | null;
}

export class StandInRegistry {
  private readonly byOrigin = new Map<string, HttpStandIn>();
  /** Every UrlFetchApp request made in this workspace, answered or not, oldest first. */
  readonly log: FetchRecord[] = [];

  /** Routes every request to `baseUrl`'s origin (e.g. "https://transparency.dsa.ec.europa.eu") to `standIn`. */
  register(baseUrl: string, standIn: HttpStandIn): void {
    this.byOrigin.set(new URL(baseUrl).origin, standIn);
  }

  unregister(baseUrl: string): void {
    this.byOrigin.delete(new URL(baseUrl).origin);
  }

  /** The stand-in serving a URL, or null when its host is unknown here. */
  lookup(url: URL): HttpStandIn | null {
    return this.byOrigin.get(url.origin) ?? null;
  }
}
