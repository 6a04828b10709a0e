/**
 * A fingerprint of everything Casebook could write or send: every tab's values and formulas, the add-on's
 * property stores, installed triggers, Docs, and mail. Two equal fingerprints mean nothing was written.
 */
import type { Tracker } from '../../support/intake-tracker';

export interface Fingerprint {
  sheets: Record<string, { values: unknown[][]; formulas: string[][] }>;
  properties: Record<string, Record<string, string>>;
  triggers: string[];
  documents: number;
  mail: string[];
}

export function fingerprint(ctx: Tracker): Fingerprint {
  const sheets: Fingerprint['sheets'] = {};
  for (const sheet of ctx.ss.getSheets()) {
    const range = sheet.getDataRange();
    sheets[sheet.getName()] = { values: range.getValues(), formulas: range.getFormulas() };
  }
  const properties: Fingerprint['properties'] = {};
  // An empty store is what merely opening one leaves: nothing was written to it.
  for (const [key, store] of ctx.ws.properties)
    if (store.size > 0) properties[key] = Object.fromEntries(store);
  return {
    sheets,
    properties,
    triggers: ctx.ws.triggers.map((t) => `${t.owner} ${t.handlerFunction} ${t.eventType}`),
    documents: ctx.ws.documents.size,
    mail: ctx.ws.mail.map((m) => `${m.to}: ${m.subject}`),
  };
}
