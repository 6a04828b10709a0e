/**
 * Advanced Google services: a script sees one only when its manifest enables it, under the userSymbol the
 * manifest gives ("Sheets" by default); otherwise the name is simply not defined (ReferenceError: Sheets is
 * not defined). The manifest lists them under dependencies.enabledAdvancedServices, e.g.
 * {"userSymbol": "Sheets", "serviceId": "sheets", "version": "v4"}.
 * Docs: https://developers.google.com/apps-script/guides/services/advanced ,
 * https://developers.google.com/apps-script/manifest/dependencies#enabledadvancedservice .
 * Tests enable a service with the load option `enabledAdvancedServices` (the same objects) without touching
 * appsscript.json. Only the Sheets API v4 is modelled; any other enabled service is present but throws
 * "not emulated" on every member.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { NotEmulatedError } from './runtime/errors';
import type { Execution } from './runtime/execution';
import { createSheetsAdvancedService } from './services/sheets-api/index';

export interface EnabledAdvancedService {
  userSymbol: string;
  serviceId: string;
  version: string;
}

/** The Sheets API as a manifest enables it by default. */
export const SHEETS_ADVANCED_SERVICE: EnabledAdvancedService = {
  userSymbol: 'Sheets',
  serviceId: 'sheets',
  version: 'v4',
};

/** Services the manifest beside the built bundle (build/appsscript.json) enables; none without a manifest. */
export function manifestAdvancedServices(bundleDir: string): EnabledAdvancedService[] {
  const file = path.join(bundleDir, 'appsscript.json');
  if (!existsSync(file)) return [];
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as {
    dependencies?: { enabledAdvancedServices?: EnabledAdvancedService[] };
  };
  return manifest.dependencies?.enabledAdvancedServices ?? [];
}

function notEmulatedService(name: string): object {
  return new Proxy(
    {},
    {
      get(_target, prop) {
        if (typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON') return undefined;
        throw new NotEmulatedError(`${name}.${prop}`);
      },
    },
  );
}

/** The globals the enabled advanced services add, by userSymbol. */
export function advancedServiceGlobals(
  exec: Execution,
  enabled: readonly EnabledAdvancedService[],
): Record<string, unknown> {
  const globals: Record<string, unknown> = {};
  for (const service of enabled) {
    globals[service.userSymbol] =
      service.serviceId === 'sheets' && service.version === 'v4'
        ? createSheetsAdvancedService(exec)
        : notEmulatedService(service.userSymbol);
  }
  return globals;
}
