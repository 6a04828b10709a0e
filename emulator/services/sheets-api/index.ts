/**
 * The Sheets Advanced Service (the global `Sheets`, present only when the script's manifest enables it, see
 * advanced-services.ts): Sheets.Spreadsheets.get(spreadsheetId, optionalArgs) with a `fields` mask, and
 * Sheets.Spreadsheets.batchUpdate(resource, spreadsheetId) for the requests in requests.ts, and
 * Sheets.Spreadsheets.Values.batchGet (values.ts). All read and
 * change the same spreadsheet model as SpreadsheetApp. Calls go through the instrumentation (ledger, faults,
 * auth mode) as 'Sheets.Spreadsheets.get' and 'Sheets.Spreadsheets.batchUpdate'.
 * Docs: https://developers.google.com/apps-script/advanced/sheets ,
 * https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/get ,
 * https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/batchUpdate ("If any request is
 * not valid then the entire request will fail and nothing will be applied").
 */
import { notEmulated } from '../../runtime/errors';
import type { Execution } from '../../runtime/execution';
import { emulate } from '../../runtime/instrument';
import type { SpreadsheetModel } from '../spreadsheet/model';
import {
  GoogleJsonResponseException,
  InvalidRequest,
  NO_PERMISSION,
  NO_REQUESTS,
  NOT_FOUND,
  type SheetsMethod,
} from './errors';
import { applySelection, checkSelection, parseFieldMask } from './field-mask';
import { HANDLERS, type RequestContext, snake, UNMODELLED_REQUESTS } from './requests';
import { SPREADSHEET_SCHEMA, spreadsheetResource } from './resources';
import { EmulatedValues } from './values';

/** Errors the API reports as they are (not prefixed with the failing request). */
const PAYLOAD_ERROR = /^Invalid (JSON payload received|value at )/;

function fail(method: SheetsMethod, message: string, code = 400): never {
  throw new GoogleJsonResponseException(method, { code, message });
}

/** Everything batchUpdate can change, saved so a failed batch leaves the spreadsheet as it was. */
function saveState(ss: SpreadsheetModel): () => void {
  const protections = ss.protections.map((p) => [p, structuredClone(p)] as const);
  const filters = ss.sheets.map((s) => [s, structuredClone(s.filter)] as const);
  const { filterViews, nextFilterViewId, developerMetadata, nextDeveloperMetadataId } = structuredClone({
    filterViews: ss.filterViews,
    nextFilterViewId: ss.nextFilterViewId,
    developerMetadata: ss.developerMetadata,
    nextDeveloperMetadataId: ss.nextDeveloperMetadataId,
  });
  return () => {
    for (const [p, saved] of protections) Object.assign(p, saved);
    ss.protections = protections.map(([p]) => p);
    for (const [sheet, saved] of filters) sheet.filter = saved;
    Object.assign(ss, { filterViews, nextFilterViewId, developerMetadata, nextDeveloperMetadataId });
  };
}

class EmulatedSpreadsheets {
  constructor(private readonly exec: Execution) {}

  open(method: SheetsMethod, spreadsheetId: unknown, write: boolean): SpreadsheetModel {
    const ss = this.exec.workspace.spreadsheets.get(String(spreadsheetId));
    if (!ss) fail(method, NOT_FOUND, 404);
    const email = this.exec.effectiveUser.email;
    const canEdit = ss.owner === email || ss.editors.has(email);
    if (!canEdit && !(ss.viewers.has(email) && !write)) fail(method, NO_PERMISSION, 403);
    return ss;
  }

  get(spreadsheetId: string, optionalArgs: Record<string, unknown> = {}): Record<string, unknown> {
    for (const key of Object.keys(optionalArgs ?? {})) {
      if (key === 'includeGridData' && optionalArgs[key] !== true) continue;
      if (key !== 'fields') notEmulated(`Sheets.Spreadsheets.get optional argument ${key}`);
    }
    const ss = this.open('get', spreadsheetId, false);
    const resource = spreadsheetResource(ss, this.exec.effectiveUser.email);
    const fields = optionalArgs?.fields;
    if (fields === undefined) return resource;
    try {
      const selection = parseFieldMask(String(fields));
      checkSelection(selection, SPREADSHEET_SCHEMA);
      return applySelection(resource, selection) as Record<string, unknown>;
    } catch (error) {
      if (error instanceof InvalidRequest) fail('get', error.detail, error.code);
      throw error;
    }
  }

  batchUpdate(resource: Record<string, unknown>, spreadsheetId: string): Record<string, unknown> {
    const body = resource ?? {};
    for (const key of Object.keys(body)) {
      if (key === 'requests' || (key === 'includeSpreadsheetInResponse' && body[key] !== true)) continue;
      if (['includeSpreadsheetInResponse', 'responseRanges', 'responseIncludeGridData'].includes(key))
        notEmulated(`Sheets.Spreadsheets.batchUpdate ${key}`);
      fail('batchUpdate', `Invalid JSON payload received. Unknown name "${key}": Cannot find field.`);
    }
    const requests = body.requests;
    if (!Array.isArray(requests) || requests.length === 0) fail('batchUpdate', NO_REQUESTS);
    const ss = this.open('batchUpdate', spreadsheetId, true);
    const context: RequestContext = { exec: this.exec, ss, email: this.exec.effectiveUser.email };
    const restore = saveState(ss);
    const replies: Record<string, unknown>[] = [];
    try {
      requests.forEach((request: unknown, i) => {
        const at = `requests[${i}]`;
        const kinds = request && typeof request === 'object' ? Object.keys(request) : [];
        const [kind] = kinds;
        // Docs (Request): "Exactly one" kind per request. ASSUMPTION (unverified wording) for none or several.
        if (kinds.length !== 1 || kind === undefined)
          throw new InvalidRequest(`Invalid ${at}: a request must set exactly one kind of update.`);
        const handler = HANDLERS[kind];
        if (!handler) {
          if (UNMODELLED_REQUESTS.includes(kind)) notEmulated(`Sheets.Spreadsheets.batchUpdate ${kind}`);
          throw new InvalidRequest(
            `Invalid JSON payload received. Unknown name "${kind}" at '${at}': Cannot find field.`,
          );
        }
        try {
          const requestBody = (request as Record<string, unknown>)[kind];
          const where = `${at}.${snake(kind)}`;
          if (requestBody === null || typeof requestBody !== 'object' || Array.isArray(requestBody))
            throw new InvalidRequest(`Invalid value at '${where}': expected an object`);
          replies.push(handler(context, requestBody as Record<string, unknown>, where) ?? {});
        } catch (error) {
          if (!(error instanceof InvalidRequest) || PAYLOAD_ERROR.test(error.detail) || error.code !== 400)
            throw error;
          throw new InvalidRequest(`Invalid ${at}.${kind}: ${error.detail}`);
        }
      });
    } catch (error) {
      restore();
      if (error instanceof InvalidRequest) fail('batchUpdate', error.detail, error.code);
      throw error;
    }
    return { spreadsheetId: ss.id, replies };
  }
}

/** Sub-collections of the service the emulator does not model: any member throws "not emulated". */
function notEmulatedCollection(name: string): object {
  return new Proxy(
    {},
    {
      get(_target, prop) {
        if (typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON') return undefined;
        return () => notEmulated(`${name}.${String(prop)}`);
      },
    },
  );
}

export function createSheetsAdvancedService(exec: Execution): object {
  const spreadsheets = emulate(
    new EmulatedSpreadsheets(exec),
    'Sheets.Spreadsheets',
    exec,
  ) as unknown as Record<string, unknown>;
  const model = new EmulatedSpreadsheets(exec);
  const values = emulate(
    new EmulatedValues(exec, (method, id) => model.open(method as SheetsMethod, id, false)),
    'Sheets.Spreadsheets.Values',
    exec,
  );
  const collections = {
    Spreadsheets: new Proxy(spreadsheets, {
      get(target, prop, receiver) {
        if (prop === 'Values') return values;
        if (prop === 'DeveloperMetadata' || prop === 'Sheets')
          return notEmulatedCollection(`Sheets.Spreadsheets.${prop}`);
        return Reflect.get(target, prop, receiver);
      },
    }),
  };
  return emulate(collections, 'Sheets', exec);
}
