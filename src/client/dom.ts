/**
 * Small DOM helpers for the sidebars. Text is always set through textContent: user data never reaches
 * innerHTML, so it can never become markup.
 */

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`page element #${id} is missing`);
  return element as T;
}

export function setText(element: HTMLElement, text: string): void {
  element.textContent = text;
}

/** Shows exactly one of the page's state panels (loading, error, content...). */
export function showState(states: Record<string, HTMLElement>, visible: string): void {
  for (const [name, element] of Object.entries(states)) element.hidden = name !== visible;
}

/** Disables the button while the call is pending, and marks the page busy for assistive technology. */
export async function whilePending<T>(button: HTMLButtonElement, work: () => Promise<T>): Promise<T> {
  button.disabled = true;
  document.body.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    button.disabled = false;
    document.body.removeAttribute('aria-busy');
  }
}
