/**
 * Whether the user behind an installable trigger has granted every scope the add-on asks for. After an
 * update adds a scope, triggers keep firing but fail at their first privileged call, so Casebook asks
 * first, does nothing privileged when authorisation is missing, and logs it once (not every hour).
 * Docs: https://developers.google.com/apps-script/reference/script/authorization-info and
 * https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle
 */
const LOGGED_KEY = 'casebook.authorizationMissingLogged';

export const AUTHORIZATION_MESSAGE =
  'Casebook automation is paused: it needs your authorisation again. Open the tracker and choose Extensions > Casebook > Enable automation.';

export function triggerIsAuthorized(): boolean {
  const status = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus();
  if (status === ScriptApp.AuthorizationStatus.REQUIRED) {
    const properties = PropertiesService.getUserProperties();
    if (properties.getProperty(LOGGED_KEY) === null) {
      console.warn(AUTHORIZATION_MESSAGE);
      properties.setProperty(LOGGED_KEY, 'yes');
    }
    return false;
  }
  return true;
}

/** Called when a run found authorisation again, so a later loss is logged again. */
export function forgetMissingAuthorization(): void {
  PropertiesService.getUserProperties().deleteProperty(LOGGED_KEY);
}
