/** DOM helpers: elements are built with textContent only, so sheet and mail text never becomes markup. */
import { columnToLetters } from '../../services/spreadsheet/a1';
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing`);
  return element as T;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined) continue;
    if (key === 'class') element.className = value;
    else element.setAttribute(key, value);
  }
  element.append(...children);
  return element;
}

/** Sheets' column letters, as the emulator's A1 parser writes them (one definition for both). */
export const columnLetter = columnToLetters;

export function a1(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}
