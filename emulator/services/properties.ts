/**
 * PropertiesService: script, document and user stores of string values, with Apps Script's size limits
 * enforced atomically (a batch that would break a limit writes nothing).
 * Docs: https://developers.google.com/apps-script/reference/properties/properties-service ,
 * https://developers.google.com/apps-script/reference/properties/properties ,
 * https://developers.google.com/apps-script/guides/services/quotas ("Properties value size 9 KB / val,
 * Properties total storage 500 KB / property store").
 * Sizes are counted in UTF-8 bytes: the 9 KB limit applies to each value alone, the 500 KB limit to the sum
 * of every key and value in the store (the quota page names no finer rule; keys count there because the
 * store holds them too).
 */
import { ScriptException } from '../runtime/errors';
import type { Execution } from '../runtime/execution';
import { emulate } from '../runtime/instrument';

export const MAX_VALUE_BYTES = 9 * 1024;
export const MAX_STORE_BYTES = 500 * 1024;

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

function storeSize(store: Map<string, string>): number {
  let total = 0;
  for (const [k, v] of store) total += bytes(k) + bytes(v);
  return total;
}

/** A key must be given; anything else is converted to a string as Apps Script does. */
function keyOf(key: unknown): string {
  if (key === null || key === undefined) throw new ScriptException('Invalid argument: key');
  return String(key);
}

type Properties = GoogleAppsScript.Properties.Properties;
type Members =
  | 'getProperty'
  | 'getProperties'
  | 'getKeys'
  | 'setProperty'
  | 'setProperties'
  | 'deleteProperty'
  | 'deleteAllProperties';

class EmulatedProperties implements Pick<Properties, Members> {
  constructor(private readonly store: Map<string, string>) {}

  private self(): Properties {
    return this as unknown as Properties;
  }

  /** Checks the whole change first, then applies it: nothing is half-written. */
  private commit(next: Map<string, string>): void {
    for (const value of next.values()) {
      if (bytes(value) > MAX_VALUE_BYTES) throw new ScriptException('Argument too large: value');
    }
    if (storeSize(next) > MAX_STORE_BYTES) {
      throw new ScriptException(
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    }
    this.store.clear();
    for (const [k, v] of next) this.store.set(k, v);
  }

  /** Docs: "the value associated with the specified key in the store, or null". */
  getProperty(key: string): string | null {
    return this.store.get(keyOf(key)) ?? null;
  }

  /** Docs: "a copy of the properties" - changing the object does not change the store. */
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.store);
  }

  getKeys(): string[] {
    return [...this.store.keys()];
  }

  /** Values are stored as strings: a number or boolean is converted with String(). */
  setProperty(key: string, value: string): Properties {
    const next = new Map(this.store);
    next.set(keyOf(key), String(value));
    this.commit(next);
    return this.self();
  }

  /** Docs: "deleteAllOthers - true to delete all other key-value pairs in the property object". */
  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): Properties {
    if (!properties || typeof properties !== 'object' || Array.isArray(properties))
      throw new ScriptException('Invalid argument: properties');
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.store);
    for (const [k, v] of Object.entries(properties)) next.set(k, String(v));
    this.commit(next);
    return this.self();
  }

  deleteProperty(key: string): Properties {
    this.store.delete(keyOf(key));
    return this.self();
  }

  deleteAllProperties(): Properties {
    this.store.clear();
    return this.self();
  }
}

class EmulatedPropertiesService
  implements
    Pick<
      GoogleAppsScript.Properties.PropertiesService,
      'getScriptProperties' | 'getDocumentProperties' | 'getUserProperties'
    >
{
  constructor(private readonly exec: Execution) {}

  private open(key: string): Properties {
    return emulate(
      new EmulatedProperties(this.exec.workspace.propertyStore(key)),
      'Properties',
      this.exec,
    ) as unknown as Properties;
  }

  getScriptProperties(): Properties {
    return this.open('script');
  }

  /**
   * Docs: "only available if the script is published and executing as an add-on or if it is bound to a
   * Google file type. When document properties are not available this method returns null" (no document).
   * ASSUMPTION (no Google page settles it): an add-on's time-driven trigger belongs to the document it was
   * made in (editor add-on restrictions: "one trigger of each type, per user, per document"), and its runs
   * see that document's store although no document is active (getActiveSpreadsheet is null there).
   */
  getDocumentProperties(): Properties {
    const key = this.exec.storeKey('document');
    if (key !== null) return this.open(key);
    const owner = this.exec.triggerDocumentId;
    return (owner === null ? null : this.open(`document:${owner}`)) as Properties;
  }

  getUserProperties(): Properties {
    return this.open(this.exec.storeKey('user'));
  }
}

export function createPropertiesService(exec: Execution): GoogleAppsScript.Properties.PropertiesService {
  return emulate(
    new EmulatedPropertiesService(exec),
    'PropertiesService',
    exec,
  ) as unknown as GoogleAppsScript.Properties.PropertiesService;
}
