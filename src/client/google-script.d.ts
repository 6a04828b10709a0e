/**
 * The client-side API Apps Script injects into HtmlService pages.
 * Docs: https://developers.google.com/apps-script/guides/html/reference/run and .../reference/host
 */
declare namespace google.script {
  interface Runner {
    withSuccessHandler(handler: (value: unknown, userObject?: unknown) => void): Runner;
    withFailureHandler(handler: (error: Error, userObject?: unknown) => void): Runner;
    withUserObject(userObject: unknown): Runner;
    [serverFunction: string]: ((...args: unknown[]) => unknown) | undefined;
  }
  const run: Runner;
  const host: {
    close(): void;
    setHeight(height: number): void;
    setWidth(width: number): void;
    editor: { focus(): void };
  };
}
