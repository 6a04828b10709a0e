/**
 * How the Sheets Advanced Service fails. Apps Script turns an API error response into an exception named
 * GoogleJsonResponseException whose message is "API call to sheets.spreadsheets.<method> failed with error:
 * <the API's message>"; the API's message for a bad request inside batchUpdate is
 * "Invalid requests[<index>].<request kind>: <detail>".
 * Sources: https://developers.google.com/apps-script/guides/services/advanced (advanced services throw the
 * API's errors); recorded texts: "GoogleJsonResponseException: API call to sheets.spreadsheets.batchUpdate
 * failed with error: Quota exceeded ..." and "Invalid requests[0].addSheet: A sheet with the name ... already
 * exists." (public issue threads), "Requested entity was not found." (gas-fakes, src/services/advsheets).
 */

export type SheetsMethod = 'get' | 'batchUpdate' | 'values.batchGet';

/** The error an advanced-service call throws; `details` holds what the API's error body said. */
export class GoogleJsonResponseException extends Error {
  constructor(
    method: SheetsMethod,
    readonly details: { code: number; message: string },
  ) {
    super(`API call to sheets.spreadsheets.${method} failed with error: ${details.message}`);
    this.name = 'GoogleJsonResponseException';
  }
}

/** A request the API refuses while validating it (HTTP 400); batchUpdate adds the request's index and kind. */
export class InvalidRequest extends Error {
  constructor(
    readonly detail: string,
    readonly code = 400,
  ) {
    super(detail);
    this.name = 'InvalidRequest';
  }
}

/** Verified texts (see the file comment). */
export const NOT_FOUND = 'Requested entity was not found.';
export const NO_PERMISSION = 'The caller does not have permission';
export const NO_REQUESTS = 'Must specify at least one request.';

/**
 * "No grid with id: 5" is what the API answers for a GridRange naming a sheet that does not exist (a
 * widely reported text, e.g. "Invalid requests[0].updateCells: No grid with id: 0").
 */
export const noGrid = (sheetId: unknown) => new InvalidRequest(`No grid with id: ${String(sheetId)}`);

/** ASSUMPTION (unverified wording): the API's message for an unknown filter view ID. */
export const noFilterView = (id: unknown) => new InvalidRequest(`No filter with id: ${String(id)}`);

/** ASSUMPTION (unverified wording): the API's message for an unknown protected range ID. */
export const noProtectedRange = (id: unknown) =>
  new InvalidRequest(`No protected range with id: ${String(id)}`);

/**
 * A field the API does not know, anywhere in the request body: "Invalid JSON payload received. Unknown name
 * \"x\" at 'requests[0]': Cannot find field." (verified form: googleapis/google-api-nodejs-client#1380).
 */
export const unknownField = (name: string, at: string) =>
  new InvalidRequest(`Invalid JSON payload received. Unknown name "${name}" at '${at}': Cannot find field.`);
