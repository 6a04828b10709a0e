/**
 * The global object a loaded script sees: one emulated service per Apps Script global, all bound to the
 * same Execution (acting user, auth mode, active document). Services Casebook does not use yet are present
 * but throw "not emulated" on any member, so a script never mistakes a missing service for a silent one.
 */
import { advancedServiceGlobals, type EnabledAdvancedService } from './advanced-services';
import { NotEmulatedError } from './runtime/errors';
import type { Execution } from './runtime/execution';
import { createCacheService } from './services/cache';
import { createDocumentApp } from './services/document';
import { createDriveApp } from './services/drive';
import { createHtmlService } from './services/html';
import { createLockService } from './services/lock';
import { createLogger } from './services/logger';
import { createMailApp } from './services/mail';
import { createPropertiesService } from './services/properties';
import { createScriptApp } from './services/script-app';
import { createSession } from './services/session';
import { createSpreadsheetApp } from './services/spreadsheet/index';
import { createUrlFetchApp } from './services/url-fetch';
import { createUtilities } from './services/utilities';

const NOT_YET_EMULATED = ['GmailApp', 'CardService', 'Charts', 'FormApp', 'CalendarApp'];

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

/** Advanced services (Sheets) are added only when enabled: see advanced-services.ts. */
export function createServiceGlobals(
  exec: Execution,
  enabledAdvancedServices: readonly EnabledAdvancedService[] = [],
): Record<string, unknown> {
  const globals: Record<string, unknown> = {
    SpreadsheetApp: createSpreadsheetApp(exec),
    HtmlService: createHtmlService(exec),
    PropertiesService: createPropertiesService(exec),
    CacheService: createCacheService(exec),
    LockService: createLockService(exec),
    ScriptApp: createScriptApp(exec),
    Session: createSession(exec),
    Utilities: createUtilities(exec),
    Logger: createLogger(exec),
    DriveApp: createDriveApp(exec),
    DocumentApp: createDocumentApp(exec),
    MailApp: createMailApp(exec),
    UrlFetchApp: createUrlFetchApp(exec),
  };
  for (const name of NOT_YET_EMULATED) globals[name] = notEmulatedService(name);
  return { ...globals, ...advancedServiceGlobals(exec, enabledAdvancedServices) };
}
