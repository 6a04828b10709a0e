/**
 * Checks the root appsscript.json and copies it into build/. Casebook creates Docs, so the manifest must list
 * explicit scopes and must not use @OnlyCurrentDoc (it blocks DocumentApp.create).
 * Docs: https://developers.google.com/apps-script/concepts/manifests
 */
interface Manifest {
  timeZone?: unknown;
  runtimeVersion?: unknown;
  exceptionLogging?: unknown;
  oauthScopes?: unknown;
}

export function checkManifest(text: string): string {
  const manifest = JSON.parse(text) as Manifest;
  const problems: string[] = [];
  if (manifest.runtimeVersion !== 'V8') problems.push('runtimeVersion must be "V8"');
  if (typeof manifest.timeZone !== 'string' || manifest.timeZone === '')
    problems.push('timeZone is required');
  if (manifest.exceptionLogging !== 'STACKDRIVER') problems.push('exceptionLogging must be "STACKDRIVER"');
  const scopes = manifest.oauthScopes;
  if (!Array.isArray(scopes) || scopes.length === 0 || !scopes.every((s) => typeof s === 'string')) {
    problems.push('oauthScopes must list the scopes explicitly');
  }
  if (text.includes('@OnlyCurrentDoc')) problems.push('@OnlyCurrentDoc would block DocumentApp.create');
  if (problems.length > 0) throw new Error(`appsscript.json: ${problems.join('; ')}`);
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
