/**
 * CacheService: script, document and user caches with expiry read from the workspace clock.
 * Docs: https://developers.google.com/apps-script/reference/cache/cache ("maximum key length is 250
 * characters", "maximum amount of data that can be stored per key is 100KB", "expiration ... maximum is
 * 21600 seconds (6 hours)", default 600 seconds; "limit of 1000 items" - beyond it the oldest entries are
 * evicted here, as documented caches may evict early).
 */
import { ScriptException } from '../runtime/errors';
import type { Execution } from '../runtime/execution';
import { emulate } from '../runtime/instrument';
import type { CacheEntry } from '../workspace';

export const MAX_KEY_LENGTH = 250;
export const MAX_VALUE_BYTES = 100 * 1024;
export const MAX_ITEMS = 1000;
export const MAX_EXPIRATION_SECONDS = 21_600;
export const DEFAULT_EXPIRATION_SECONDS = 600;

type Cache = GoogleAppsScript.Cache.Cache;

class EmulatedCache implements Pick<Cache, 'get' | 'getAll' | 'put' | 'putAll' | 'remove' | 'removeAll'> {
  constructor(
    private readonly exec: Execution,
    private readonly entries: Map<string, CacheEntry>,
  ) {}

  private now(): number {
    return this.exec.workspace.clock.now();
  }

  private checkKey(key: string): string {
    const k = String(key);
    if (k.length > MAX_KEY_LENGTH) throw new ScriptException('Argument too large: key');
    return k;
  }

  private expiry(seconds: number | undefined): number {
    const s = seconds === undefined ? DEFAULT_EXPIRATION_SECONDS : Number(seconds);
    if (!Number.isFinite(s) || s < 1) throw new ScriptException('Invalid argument: expirationInSeconds');
    return this.now() + Math.min(s, MAX_EXPIRATION_SECONDS) * 1000;
  }

  get(key: string): string | null {
    const k = this.checkKey(key);
    const entry = this.entries.get(k);
    if (!entry) return null;
    if (entry.expiresAtMs <= this.now()) {
      this.entries.delete(k);
      return null;
    }
    return entry.value;
  }

  getAll(keys: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const key of keys) {
      const value = this.get(key);
      if (value !== null) out[key] = value;
    }
    return out;
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    this.putAll({ [this.checkKey(key)]: value }, expirationInSeconds);
  }

  putAll(values: Record<string, unknown>, expirationInSeconds?: number): void {
    const expiresAtMs = this.expiry(expirationInSeconds);
    const batch = Object.entries(values).map(([k, v]) => [this.checkKey(k), String(v)] as const);
    for (const [, v] of batch)
      if (Buffer.byteLength(v, 'utf8') > MAX_VALUE_BYTES)
        throw new ScriptException('Argument too large: value');
    for (const [k, v] of batch) {
      this.entries.delete(k);
      this.entries.set(k, { value: v, expiresAtMs });
    }
    while (this.entries.size > MAX_ITEMS) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  remove(key: string): void {
    this.entries.delete(this.checkKey(key));
  }

  removeAll(keys: string[]): void {
    for (const key of keys) this.remove(key);
  }
}

class EmulatedCacheService
  implements Pick<GoogleAppsScript.Cache.CacheService, 'getScriptCache' | 'getDocumentCache' | 'getUserCache'>
{
  constructor(private readonly exec: Execution) {}

  private open(key: string): Cache {
    let entries = this.exec.workspace.caches.get(key);
    if (!entries) {
      entries = new Map();
      this.exec.workspace.caches.set(key, entries);
    }
    return emulate(new EmulatedCache(this.exec, entries), 'Cache', this.exec) as unknown as Cache;
  }

  getScriptCache(): Cache {
    return this.open('script');
  }

  /** Docs: null when the script is not bound to a document. */
  getDocumentCache(): Cache | null {
    const key = this.exec.storeKey('document');
    return key === null ? null : this.open(key);
  }

  getUserCache(): Cache {
    return this.open(this.exec.storeKey('user'));
  }
}

export function createCacheService(exec: Execution): GoogleAppsScript.Cache.CacheService {
  return emulate(
    new EmulatedCacheService(exec),
    'CacheService',
    exec,
  ) as unknown as GoogleAppsScript.Cache.CacheService;
}
