/**
 * HtmlService: HTML outputs from strings and project files, and templates with scriptlets.
 * Docs: https://developers.google.com/apps-script/reference/html/html-service ,
 * https://developers.google.com/apps-script/guides/html/templates ("<?= ?> printing scriptlets escape their
 * output contextually; <?!= ?> force-printing scriptlets do not").
 * Project files are the built pages: <dirname(workspace.bundlePath)>/<name>.html.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { notEmulated, ScriptException } from '../runtime/errors';
import type { Execution } from '../runtime/execution';
import { emulate, INTERNAL } from '../runtime/instrument';

export interface HtmlContent {
  html: string;
  title: string;
  width: number | null;
  height: number | null;
}

type OutputMembers =
  | 'getContent'
  | 'setContent'
  | 'append'
  | 'appendUntrusted'
  | 'clear'
  | 'getTitle'
  | 'setTitle'
  | 'getWidth'
  | 'setWidth'
  | 'getHeight'
  | 'setHeight'
  | 'setSandboxMode'
  | 'setXFrameOptionsMode'
  | 'addMetaTag';

/** Escapes text for HTML body and attribute contexts. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

class EmulatedHtmlOutput implements Pick<GoogleAppsScript.HTML.HtmlOutput, OutputMembers> {
  readonly [INTERNAL]: HtmlContent;

  constructor(html: string) {
    this[INTERNAL] = { html, title: '', width: null, height: null };
  }

  getContent(): string {
    return this[INTERNAL].html;
  }

  setContent(content: string): GoogleAppsScript.HTML.HtmlOutput {
    this[INTERNAL].html = String(content);
    return this as unknown as GoogleAppsScript.HTML.HtmlOutput;
  }

  append(addedContent: string): GoogleAppsScript.HTML.HtmlOutput {
    this[INTERNAL].html += String(addedContent);
    return this as unknown as GoogleAppsScript.HTML.HtmlOutput;
  }

  /** Docs: "Appends new content ... using contextual escaping." */
  appendUntrusted(addedContent: string): GoogleAppsScript.HTML.HtmlOutput {
    this[INTERNAL].html += escapeHtml(String(addedContent));
    return this as unknown as GoogleAppsScript.HTML.HtmlOutput;
  }

  clear(): GoogleAppsScript.HTML.HtmlOutput {
    this[INTERNAL].html = '';
    return this as unknown as GoogleAppsScript.HTML.HtmlOutput;
  }

  getTitle(): string {
    return this[INTERNAL].title;
  }

  setTitle(title: string): GoogleAppsScript.HTML.HtmlOutput {
    this[INTERNAL].title = String(title);
    return this as unknown as GoogleAppsScript.HTML.HtmlOutput;
  }

  getWidth(): number {
    return this[INTERNAL].width ?? 0;
  }

  setWidth(width: number): GoogleAppsScript.HTML.HtmlOutput {
    this[INTERNAL].width = Math.trunc(Number(width));
    return this as unknown as GoogleAppsScript.HTML.HtmlOutput;
  }

  getHeight(): number {
    return this[INTERNAL].height ?? 0;
  }

  setHeight(height: number): GoogleAppsScript.HTML.HtmlOutput {
    this[INTERNAL].height = Math.trunc(Number(height));
    return this as unknown as GoogleAppsScript.HTML.HtmlOutput;
  }

  /** Docs: IFRAME is the only sandbox mode left; the others are sunset and fall back to it. */
  setSandboxMode(_mode: GoogleAppsScript.HTML.SandboxMode): GoogleAppsScript.HTML.HtmlOutput {
    return this as unknown as GoogleAppsScript.HTML.HtmlOutput;
  }

  setXFrameOptionsMode(_mode: GoogleAppsScript.HTML.XFrameOptionsMode): GoogleAppsScript.HTML.HtmlOutput {
    return this as unknown as GoogleAppsScript.HTML.HtmlOutput;
  }

  addMetaTag(name: string, content: string): GoogleAppsScript.HTML.HtmlOutput {
    this[INTERNAL].html =
      `<meta name="${escapeHtml(name)}" content="${escapeHtml(content)}">${this[INTERNAL].html}`;
    return this as unknown as GoogleAppsScript.HTML.HtmlOutput;
  }
}

/**
 * Compiles a template to JavaScript: text is appended as is, `<? ?>` runs, `<?= ?>` appends escaped,
 * `<?!= ?>` appends raw. Template variables are the properties set on the template object.
 */
export function compileTemplate(source: string): string {
  const parts = source.split(/(<\?!=[\s\S]*?\?>|<\?=[\s\S]*?\?>|<\?[\s\S]*?\?>)/);
  const code: string[] = [];
  for (const part of parts) {
    if (part.startsWith('<?!=')) code.push(`__out.push(__str(${part.slice(4, -2)}));`);
    else if (part.startsWith('<?=')) code.push(`__out.push(__esc(__str(${part.slice(3, -2)})));`);
    else if (part.startsWith('<?')) code.push(part.slice(2, -2));
    else if (part !== '') code.push(`__out.push(${JSON.stringify(part)});`);
  }
  return code.join('\n');
}

class EmulatedHtmlTemplate {
  readonly [INTERNAL]: { source: string; exec: Execution };

  constructor(source: string, exec: Execution) {
    this[INTERNAL] = { source, exec };
  }

  getRawContent(): string {
    return this[INTERNAL].source;
  }

  getCode(): string {
    return compileTemplate(this[INTERNAL].source);
  }

  evaluate(): GoogleAppsScript.HTML.HtmlOutput {
    const vars = Object.entries(this).filter(([key]) => /^[A-Za-z_$][\w$]*$/.test(key));
    const body = `const __out = [];\n${compileTemplate(this[INTERNAL].source)}\nreturn __out.join('');`;
    const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
    const run = new Function('__esc', '__str', ...vars.map(([k]) => k), body) as (
      ...args: unknown[]
    ) => string;
    const html = run(escapeHtml, str, ...vars.map(([, v]) => v));
    return emulate(
      new EmulatedHtmlOutput(html),
      'HtmlOutput',
      this[INTERNAL].exec,
    ) as unknown as GoogleAppsScript.HTML.HtmlOutput;
  }
}

/** Templates take arbitrary properties (template.data = x), so their proxy allows sets, unlike other facades. */
function wrapTemplate(template: EmulatedHtmlTemplate, exec: Execution): GoogleAppsScript.HTML.HtmlTemplate {
  const counted = emulate(template, 'HtmlTemplate', exec);
  return new Proxy(template, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && prop in EmulatedHtmlTemplate.prototype)
        return Reflect.get(counted, prop);
      if (typeof prop === 'string' && !Object.hasOwn(target, prop)) return undefined;
      return Reflect.get(target, prop, receiver);
    },
    set(target, prop, value) {
      if (typeof prop === 'string' && prop in EmulatedHtmlTemplate.prototype) return false;
      return Reflect.set(target, prop, value);
    },
  }) as unknown as GoogleAppsScript.HTML.HtmlTemplate;
}

type ServiceMembers =
  | 'createHtmlOutput'
  | 'createHtmlOutputFromFile'
  | 'createTemplate'
  | 'createTemplateFromFile';

class EmulatedHtmlService implements Pick<GoogleAppsScript.HTML.HtmlService, ServiceMembers> {
  readonly SandboxMode = { EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' };
  readonly XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' };

  constructor(private readonly exec: Execution) {}

  private readFile(filename: string): string {
    const name = String(filename).replace(/\.html$/, '');
    const file = path.join(path.dirname(path.resolve(this.exec.workspace.bundlePath)), `${name}.html`);
    if (!existsSync(file)) throw new ScriptException(`No HTML file named ${name} was found.`);
    return readFileSync(file, 'utf8');
  }

  createHtmlOutput(html?: string | GoogleAppsScript.Base.BlobSource): GoogleAppsScript.HTML.HtmlOutput {
    if (html !== undefined && typeof html !== 'string') notEmulated('HtmlService.createHtmlOutput(blob)');
    return emulate(
      new EmulatedHtmlOutput(html ?? ''),
      'HtmlOutput',
      this.exec,
    ) as unknown as GoogleAppsScript.HTML.HtmlOutput;
  }

  createHtmlOutputFromFile(filename: string): GoogleAppsScript.HTML.HtmlOutput {
    return this.createHtmlOutput(this.readFile(filename));
  }

  createTemplate(html: string | GoogleAppsScript.Base.BlobSource): GoogleAppsScript.HTML.HtmlTemplate {
    if (typeof html !== 'string') notEmulated('HtmlService.createTemplate(blob)');
    return wrapTemplate(new EmulatedHtmlTemplate(html, this.exec), this.exec);
  }

  createTemplateFromFile(filename: string): GoogleAppsScript.HTML.HtmlTemplate {
    return this.createTemplate(this.readFile(filename));
  }
}

export function createHtmlService(exec: Execution): GoogleAppsScript.HTML.HtmlService {
  return emulate(
    new EmulatedHtmlService(exec),
    'HtmlService',
    exec,
  ) as unknown as GoogleAppsScript.HTML.HtmlService;
}

/** The content of an HtmlOutput, for the Ui (what a sidebar shows) and for tests. */
export function htmlContentOf(output: GoogleAppsScript.HTML.HtmlOutput): HtmlContent {
  const content = (output as unknown as Record<symbol, HtmlContent | undefined>)[INTERNAL];
  if (!content) throw new ScriptException('Invalid argument: userInterface');
  return { ...content };
}
