/**
 * What the case sidebar's register forms share (a complaint, a referral to a certified body, a body's
 * outcome): elements built with textContent only, a compact list of facts, and a day typed in the tracker's
 * date order as the server is sent it.
 */
import { type DateOrder, normaliseDate } from '../core/normalise/date';

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, text = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text) node.textContent = text;
  return node;
}

/** Term and value pairs; a pair with no value is left out. */
export function facts(pairs: readonly (readonly [string, string])[]): HTMLDListElement {
  const list = element('dl');
  list.className = 'facts compact';
  for (const [term, value] of pairs) {
    if (value === '') continue;
    list.append(element('dt', term), element('dd', value));
  }
  return list;
}

/** A day typed in the tracker's order, sent as noon UTC of that day (the same day in every EU zone). */
export function dayValue(
  text: string,
  order: DateOrder,
): { ok: true; value: string } | { ok: false; reason: string } {
  if (text.trim() === '') return { ok: true, value: '' };
  const day = normaliseDate(text, order);
  return day.ok ? { ok: true, value: `${day.value}T12:00:00Z` } : { ok: false, reason: day.reason };
}

export const REQUIRED_DAY = 'Required: the day, as the tracker writes dates';
