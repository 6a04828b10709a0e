/**
 * The DSA Transparency Database over UrlFetchApp. Its endpoint and token live in the user properties of the
 * person who connected (the owner, whose hourly trigger retries), never in a cell an editor could read or
 * change. Every answer is returned, never thrown (muteHttpExceptions); a request that gets no answer at all
 * throws, and the caller treats the batch as "retry later".
 * Docs: https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app ,
 * shared/reference/dsa-transparency-database.md (endpoints, headers).
 */
const ENDPOINT_KEY = 'casebook.tdb.endpoint';
const TOKEN_KEY = 'casebook.tdb.token';

export interface TdbConnection {
  endpoint: string;
  token: string;
}

export function readConnection(): TdbConnection | null {
  const props = PropertiesService.getUserProperties();
  const endpoint = props.getProperty(ENDPOINT_KEY) ?? '';
  const token = props.getProperty(TOKEN_KEY) ?? '';
  return endpoint && token ? { endpoint, token } : null;
}

export function saveConnection(connection: TdbConnection): void {
  if (!/^https:\/\/[^\s/]+(\/[^\s]*)?$/.test(connection.endpoint))
    throw new Error(`"${connection.endpoint}" is not an https address of the Transparency Database.`);
  if (!/^\S{8,}$/.test(connection.token)) throw new Error('The token looks incomplete: paste it again.');
  PropertiesService.getUserProperties().setProperties({
    [ENDPOINT_KEY]: connection.endpoint.replace(/\/+$/, ''),
    [TOKEN_KEY]: connection.token,
  });
}

const headers = (c: TdbConnection) => ({ Authorization: `Bearer ${c.token}`, Accept: 'application/json' });

export function postBatch(
  c: TdbConnection,
  statements: readonly unknown[],
): { status: number; body: string } {
  const answer = UrlFetchApp.fetch(`${c.endpoint}/api/v1/statements`, {
    method: 'post',
    contentType: 'application/json',
    headers: headers(c),
    payload: JSON.stringify({ statements }),
    muteHttpExceptions: true,
  });
  return { status: answer.getResponseCode(), body: answer.getContentText() };
}

/** For each puid, the stored statement's uuid when the Database has it (302), else null (404); one fetchAll. */
export function findExisting(
  c: TdbConnection,
  puids: readonly string[],
): Map<string, string | null | undefined> {
  const answers = UrlFetchApp.fetchAll(
    puids.map((puid) => ({
      url: `${c.endpoint}/api/v1/statement/existing-puid/${encodeURIComponent(puid)}`,
      headers: headers(c),
      muteHttpExceptions: true,
      followRedirects: false,
    })),
  );
  const found = new Map<string, string | null | undefined>();
  answers.forEach((answer, i) => {
    const code = answer.getResponseCode();
    let uuid = '';
    try {
      uuid = String((JSON.parse(answer.getContentText()) as { uuid?: string }).uuid ?? '');
    } catch {
      uuid = '';
    }
    // undefined: no usable answer (429, 5xx...), so the statement stays waiting.
    found.set(puids[i] as string, code === 302 ? uuid : code === 404 ? null : undefined);
  });
  return found;
}
