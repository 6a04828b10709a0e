/**
 * The tracker's own trusted store: the add-on's document properties. Only Casebook's code reads or writes
 * it (an editor's own scripts have stores of their own), it belongs to this spreadsheet alone (the add-on's
 * script properties are shared by every tracker that installs it), and an add-on's installable triggers
 * see the store of the document they were made in. Opened once per execution.
 * Docs: https://developers.google.com/apps-script/guides/properties and
 * https://developers.google.com/apps-script/reference/properties/properties-service#getDocumentProperties()
 * ASSUMPTION (no Google page settles it; modelled and tested in tests/emulator/properties.test.ts): a
 * time-driven add-on trigger, which has no active document, still sees its document's store.
 */
type Properties = GoogleAppsScript.Properties.Properties;

let opened: Properties | null = null;

export function trackerStore(): Properties {
  if (opened) return opened;
  const store = PropertiesService.getDocumentProperties();
  if (!store)
    throw new Error('Casebook keeps its records inside a tracker spreadsheet: open the tracker first.');
  opened = store;
  return store;
}
