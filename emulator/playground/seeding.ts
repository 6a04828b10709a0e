/**
 * The playground while its demo library is being seeded: the server already listens, the window's address
 * answers with a small progress page in the window's chrome that asks /api/seed-progress until the window
 * is ready, and every other route answers 503 with what is happening.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { SeedProgress } from './seed';
import type { PlaygroundSession } from './session';

/** Where the playground is on its way to being ready: seeding, ready with a session, or failed. */
export class PlaygroundStartup {
  progress: SeedProgress;
  session: PlaygroundSession | null = null;
  error: string | null = null;

  /** `total`: the size of the library a fresh seed makes. */
  constructor(total: number) {
    this.progress = { stage: 'setting up', logged: 0, worked: 0, total };
  }

  /** What /api/seed-progress answers. */
  status() {
    return { ready: this.session !== null, error: this.error, progress: this.progress, line: this.line() };
  }

  /** The progress in words, as the page shows it. */
  line(): string {
    if (this.error !== null) return `Seeding the demo library failed: ${this.error}`;
    const { stage, logged, worked, total } = this.progress;
    const seeding = `Seeding the demo library through Casebook’s own functions: ${logged} of ${total} cases`;
    if (stage === 'working') return `${seeding} logged; ${worked} of ${total} worked through their lifecycle`;
    if (stage === 'sealing') return `${seeding} logged and worked; the owner is sealing the audit trail`;
    return seeding;
  }

  /** The 503 answer's message for a route that needs the window. */
  notReady(): string {
    return this.error !== null
      ? `The playground could not start: ${this.error}`
      : `The playground is not ready yet: ${this.line()}. Open / to watch the progress.`;
  }
}

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

let css: string | null = null;

/** The progress page: the window's title bar and stylesheet, the line, and a poll that reloads when ready. */
export function seedingPage(startup: PlaygroundStartup): string {
  css ??= readFileSync(path.join(__dirname, 'app', 'app.css'), 'utf8');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Casebook playground</title>
    <style>${css}
.seeding { padding: 32px 24px; font-size: 14px; }
.seeding progress { display: block; width: 420px; margin-top: 12px; }</style>
  </head>
  <body data-seeding="true">
    <header class="titlebar">
      <div class="doc-icon" aria-hidden="true"></div>
      <div class="title-block"><h1 id="doc-title">Casebook playground</h1></div>
    </header>
    <main class="seeding">
      <p id="seed-progress" role="status" aria-live="polite">${escapeHtml(startup.line())}</p>
      <progress id="seed-bar" max="1" value="0"></progress>
    </main>
    <script>
(function poll() {
  fetch('/api/seed-progress').then(function (r) { return r.json(); }).then(function (s) {
    if (s.ready) return location.reload();
    document.getElementById('seed-progress').textContent = s.line;
    var p = s.progress, total = Math.max(1, p.total * 2);
    document.getElementById('seed-bar').value = (p.logged + p.worked) / total;
    if (!s.error) setTimeout(poll, 500);
  }).catch(function () { setTimeout(poll, 1000); });
})();
    </script>
  </body>
</html>`;
}
