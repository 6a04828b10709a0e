/**
 * CacheService: script, document and user caches with expiry read from the workspace clock.
 * Docs: https://developers.google.com/apps-script/reference/cache/cache ("The maximum length of a key is
 * 250 characters. The maximum amount of data that can be stored per key is 100KB."; expiration "The minimum
 * is 1 second and the maximum is 21600 seconds (6 hours)", default 600 s; "The cap for cached items is
 * 1,000") and https://developers.google.com/apps-script/reference/cache/cache-service ("The data you write
 * to the cache is not guaranteed to persist until its expiration time").
 * Where the docs are silent this follows Justin Poehnelt's measurements
 * (https://justin.poehnelt.com/posts/exploring-apps-script-cacheservice-limits): eviction is FIFO by the
 * time an entry was written (reading does not refresh it) and drops about 10% (100 items) at once when the
 * cache is full; values of other types are converted to strings; an expiration under 1 second is ignored
 * (the default 600 s applies) and one over 6 hours is capped at 6 hours.
 */
import { ScriptException } from '../runtime/errors';
import type { Execution } from '../runtime/execution';
import { emulate } from '../runtime/instrument';
import type { CacheEntry } from '../workspace';

export const MAX_KEY_LENGTH = 250;
export const MAX_VALUE_BYTES = 100 * 1024;
export const MAX_ITEMS = 1000;
/** Entries dropped at once when a write would pass MAX_ITEMS (oldest written first). */
export const EVICTION_BATCH = 100;
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

  private checkKey(key: unknown): string {
    if (key === null || key === undefined) throw new ScriptException('Invalid argument: key');
    const k = String(key);
    if (k.length > MAX_KEY_LENGTH) throw new ScriptException('Argument too large: key');
    return k;
  }

  private checkKeys(keys: unknown): string[] {
    if (!Array.isArray(keys)) throw new ScriptException('Invalid argument: keys');
    return keys.map((k) => this.checkKey(k));
  }

  private expiry(seconds: number | undefined): number {
    if (seconds === undefined) return this.now() + DEFAULT_EXPIRATION_SECONDS * 1000;
    const s = Number(seconds);
    if (Number.isNaN(s)) throw new ScriptException('Invalid argument: expirationInSeconds');
    const effective = s < 1 ? DEFAULT_EXPIRATION_SECONDS : Math.min(Math.trunc(s), MAX_EXPIRATION_SECONDS);
    return this.now() + effective * 1000;
  }

  private live(key: string): CacheEntry | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expiresAtMs <= this.now()) {
      this.entries.delete(key);
      return null;
    }
    return entry;
  }

  /** Docs: "the cached value, or null if none was found" (also once it has expired). */
  get(key: string): string | null {
    return this.live(this.checkKey(key))?.value ?? null;
  }

  /** Docs: an object of the key/value pairs found; missing keys are simply absent. */
  getAll(keys: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const key of this.checkKeys(keys)) {
      const entry = this.live(key);
      if (entry) out[key] = entry.value;
    }
    return out;
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    this.write([[this.checkKey(key), value]], expirationInSeconds);
  }

  putAll(values: Record<string, unknown>, expirationInSeconds?: number): void {
    if (!values || typeof values !== 'object' || Array.isArray(values))
      throw new ScriptException('Invalid argument: values');
    this.write(
      Object.entries(values).map(([k, v]) => [this.checkKey(k), v]),
      expirationInSeconds,
    );
  }

  /** Checks the whole batch first, so a refused value writes nothing. */
  private write(batch: [string, unknown][], expirationInSeconds: number | undefined): void {
    const expiresAtMs = this.expiry(expirationInSeconds);
    const values = batch.map(([k, v]) => [k, String(v)] as const);
    for (const [, v] of values)
      if (Buffer.byteLength(v, 'utf8') > MAX_VALUE_BYTES)
        throw new ScriptException('Argument too large: value');
    for (const [k, v] of values) {
      // A rewrite counts as a new entry for FIFO eviction: it moves to the end of the insertion order.
      this.entries.delete(k);
      this.entries.set(k, { value: v, expiresAtMs });
    }
    this.evict();
  }

  private evict(): void {
    if (this.entries.size <= MAX_ITEMS) return;
    const now = this.now();
    for (const [k, e] of this.entries) if (e.expiresAtMs <= now) this.entries.delete(k);
    if (this.entries.size <= MAX_ITEMS) return;
    const drop = Math.max(EVICTION_BATCH, this.entries.size - MAX_ITEMS);
    let dropped = 0;
    for (const k of this.entries.keys()) {
      if (dropped++ >= drop) break;
      this.entries.delete(k);
    }
  }

  remove(key: string): void {
    this.entries.delete(this.checkKey(key));
  }

  removeAll(keys: string[]): void {
    for (const key of this.checkKeys(keys)) this.entries.delete(key);
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
