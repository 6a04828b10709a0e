/** gas-local ships no types: it loads every matching .js file of a folder into one vm context. */
declare module 'gas-local' {
  interface GasLocal {
    require(
      folderPath: string,
      globalObject?: object,
      options?: { filter?: (file: string) => boolean },
    ): object;
    globalMockDefault: object;
  }
  const gas: GasLocal;
  export default gas;
}
