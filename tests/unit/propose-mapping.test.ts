import { proposeMapping } from '../../src/core/import/propose-mapping';

test('headers in several languages and styles map to case fields; unknown columns are left out, with a reason', () => {
  const proposals = proposeMapping(
    [
      'Ticket #',
      'Land',
      'Seller',
      'Datum',
      'Violation type',
      'Penalty',
      'Notes',
      'Agent',
      'Mood of reviewer',
    ],
    [],
  );
  expect(proposals.map((p) => [p.header, p.field, p.basis])).toEqual([
    ['Ticket #', 'legacyId', 'header'],
    ['Land', 'market', 'header'],
    ['Seller', 'sellerId', 'header'],
    ['Datum', 'liveDate', 'header'],
    ['Violation type', 'policy', 'header'],
    ['Penalty', 'action', 'header'],
    ['Notes', 'summary', 'header'],
    ['Agent', 'owner', 'header'],
    ['Mood of reviewer', null, 'none'],
  ]);
  expect(proposals[8]?.reason).toMatch(/not imported unless you choose one/);
});

test('a column with an unhelpful header is recognised by its content', () => {
  const proposals = proposeMapping(
    ['Col A', 'Col B', 'Col C', 'Col D'],
    [
      ['Deutschland', '03/11/2026', 'P1', 'https://evidence.example/1'],
      ['France', '2026-11-04', 'p2', 'https://evidence.example/2'],
      ['U.K.', '5 Nov 2026', 'P3', 'https://evidence.example/3'],
      ['españa', '', 'P4', ''],
    ],
  );
  expect(proposals.map((p) => [p.field, p.basis])).toEqual([
    ['market', 'content'],
    ['liveDate', 'content'],
    ['severity', 'content'],
    ['evidenceLinks', 'content'],
  ]);
  expect(proposals[0]?.reason).toBe('100% of its values read as countries or regions');
});

test('a field is proposed for one column only; the first header wins', () => {
  const proposals = proposeMapping(['Country', 'Market'], []);
  expect(proposals.map((p) => p.field)).toEqual(['market', null]);
});

test('content that is mostly not countries is not guessed', () => {
  const proposals = proposeMapping(['X'], [['DE'], ['hello'], ['world'], ['FR'], ['n/a']]);
  expect(proposals[0]?.field).toBeNull();
});

test('headers in Polish, Dutch, Portuguese and Swedish, with or without accents, "?" and units', () => {
  const headers = [
    'Sprzedawca',
    'Kraj',
    'Datum (UTC)',
    'Overtreding',
    'Maatregel',
    'Gravidade [1-4]',
    'Descrição',
    'Bevis?',
    'Status?',
    'Handläggare',
    'Ansvarig#',
  ];
  expect(proposeMapping(headers, []).map((p) => p.field)).toEqual([
    'sellerId',
    'market',
    'liveDate',
    'policy',
    'action',
    'severity',
    'summary',
    'evidenceLinks',
    'status',
    'owner',
    null,
  ]);
  expect(proposeMapping(['Verstoss', 'Massnahme', 'Pais', 'Descricao'], []).map((p) => p.field)).toEqual([
    'policy',
    'action',
    'market',
    'summary',
  ]);
});

test('two columns for one field: the one whose values fit wins, the other stays visible with the reason', () => {
  const proposals = proposeMapping(
    ['Appealed?', 'Appeal outcome'],
    [
      ['yes', 'upheld'],
      ['no', ''],
      ['yes', 'overturned'],
      ['yes', 'pending'],
    ],
  );
  expect(proposals.map((p) => [p.field, p.alternative])).toEqual([
    [null, 'appealStatus'],
    ['appealStatus', undefined],
  ]);
  expect(proposals[0]?.reason).toMatch(/"Appeal outcome" fits it better \(100% of values against 25%\)/);
});

test('a column without a telling header is recognised by its content; unrelated data is not', () => {
  const proposals = proposeMapping(
    ['', 'x', 'Coffee'],
    [
      ['Bavaria', 'Fälschung', 'flat white'],
      ['Deutschland', 'counterfeit', 'espresso'],
      ['FR', 'Betrug', 'oat latte'],
    ],
  );
  expect(proposals.map((p) => [p.field, p.basis])).toEqual([
    ['market', 'content'],
    ['policy', 'content'],
    [null, 'none'],
  ]);
});
