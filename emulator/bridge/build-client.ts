/** Bundles the browser half of the bridge (client.ts) into one script to inject before a page's own scripts. */
import * as path from 'node:path';
import * as esbuild from 'esbuild';

let cached: Promise<string> | null = null;

export function bridgeClientScript(): Promise<string> {
  cached ??= esbuild
    .build({
      entryPoints: [path.join(__dirname, 'client.ts')],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2020',
      write: false,
      logLevel: 'silent',
    })
    .then((result) => {
      const text = result.outputFiles[0]?.text;
      if (!text) throw new Error('esbuild produced no bridge client');
      return text;
    });
  return cached;
}
