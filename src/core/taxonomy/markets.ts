/**
 * The markets Casebook tracks: the EU/EEA (the DSA's territorial scope) plus the United Kingdom, with the
 * names people actually type for them in the team's languages. Codes are ISO 3166-1 alpha-2 (Greece is GR,
 * as the DSA database writes it; the EU's "EL" is accepted as a synonym). The UK is tracked but is outside
 * the DSA's scope.
 */

export interface Market {
  code: string;
  name: string;
  /** ISO 3166-1 alpha-3. */
  alpha3: string;
  inDsaScope: boolean;
  /** Other spellings: native names and names in German, French, Spanish, Italian, Dutch and Polish. */
  aliases: readonly string[];
}

const m = (code: string, alpha3: string, name: string, aliases: string[], inDsaScope = true): Market => ({
  code,
  alpha3,
  name,
  inDsaScope,
  aliases,
});

export const MARKETS: readonly Market[] = [
  m('AT', 'AUT', 'Austria', ['Österreich', 'Oesterreich', 'Autriche', 'Austria', 'Oostenrijk', 'Austria']),
  m('BE', 'BEL', 'Belgium', ['België', 'Belgique', 'Belgien', 'Bélgica', 'Belgio', 'Belgia']),
  m('BG', 'BGR', 'Bulgaria', ['България', 'Bulgarien', 'Bulgarie', 'Bulgarije']),
  m('HR', 'HRV', 'Croatia', [
    'Hrvatska',
    'Kroatien',
    'Croatie',
    'Croacia',
    'Croazia',
    'Kroatië',
    'Chorwacja',
  ]),
  m('CY', 'CYP', 'Cyprus', ['Κύπρος', 'Kypros', 'Zypern', 'Chypre', 'Chipre', 'Cipro', 'Cypr']),
  m('CZ', 'CZE', 'Czechia', [
    'Czech Republic',
    'Česko',
    'Česká republika',
    'Tschechien',
    'Tchéquie',
    'Chequia',
    'Cechia',
    'Tsjechië',
    'Czechy',
  ]),
  m('DK', 'DNK', 'Denmark', [
    'Danmark',
    'Dänemark',
    'Danemark',
    'Dinamarca',
    'Danimarca',
    'Denemarken',
    'Dania',
  ]),
  m('EE', 'EST', 'Estonia', ['Eesti', 'Estland', 'Estonie']),
  m('FI', 'FIN', 'Finland', ['Suomi', 'Finnland', 'Finlande', 'Finlandia']),
  m('FR', 'FRA', 'France', ['Frankreich', 'Francia', 'Frankrijk', 'Francja']),
  m('DE', 'DEU', 'Germany', ['Deutschland', 'Allemagne', 'Alemania', 'Germania', 'Duitsland', 'Niemcy']),
  m('GR', 'GRC', 'Greece', [
    'EL',
    'Ελλάδα',
    'Ellada',
    'Hellas',
    'Griechenland',
    'Grèce',
    'Grecia',
    'Griekenland',
    'Grecja',
  ]),
  m('HU', 'HUN', 'Hungary', [
    'Magyarország',
    'Ungarn',
    'Hongrie',
    'Hungría',
    'Ungheria',
    'Hongarije',
    'Węgry',
  ]),
  m('IE', 'IRL', 'Ireland', ['Éire', 'Irland', 'Irlande', 'Irlanda', 'Ierland', 'Irlandia']),
  m('IT', 'ITA', 'Italy', ['Italia', 'Italien', 'Italie', 'Italië', 'Włochy']),
  m('LV', 'LVA', 'Latvia', ['Latvija', 'Lettland', 'Lettonie', 'Letonia', 'Lettonia', 'Letland', 'Łotwa']),
  m('LT', 'LTU', 'Lithuania', ['Lietuva', 'Litauen', 'Lituanie', 'Lituania', 'Litouwen', 'Litwa']),
  m('LU', 'LUX', 'Luxembourg', ['Lëtzebuerg', 'Luxemburg', 'Luxemburgo', 'Lussemburgo', 'Luksemburg']),
  m('MT', 'MLT', 'Malta', ['Malte']),
  m('NL', 'NLD', 'Netherlands', [
    'Nederland',
    'The Netherlands',
    'Holland',
    'Niederlande',
    'Pays-Bas',
    'Países Bajos',
    'Paesi Bassi',
    'Holandia',
  ]),
  m('PL', 'POL', 'Poland', ['Polska', 'Polen', 'Pologne', 'Polonia']),
  m('PT', 'PRT', 'Portugal', ['Portogallo', 'Portugalia']),
  m('RO', 'ROU', 'Romania', ['România', 'Rumänien', 'Roumanie', 'Rumanía', 'Roemenië', 'Rumunia']),
  m('SK', 'SVK', 'Slovakia', [
    'Slovensko',
    'Slowakei',
    'Slovaquie',
    'Eslovaquia',
    'Slovacchia',
    'Slowakije',
    'Słowacja',
  ]),
  m('SI', 'SVN', 'Slovenia', ['Slovenija', 'Slowenien', 'Slovénie', 'Eslovenia', 'Slovenië', 'Słowenia']),
  m('ES', 'ESP', 'Spain', ['España', 'Espana', 'Spanien', 'Espagne', 'Spagna', 'Spanje', 'Hiszpania']),
  m('SE', 'SWE', 'Sweden', ['Sverige', 'Schweden', 'Suède', 'Suecia', 'Svezia', 'Zweden', 'Szwecja']),
  m('IS', 'ISL', 'Iceland', ['Ísland', 'Island', 'Islande', 'Islandia', 'Islanda', 'IJsland']),
  m('LI', 'LIE', 'Liechtenstein', []),
  m('NO', 'NOR', 'Norway', [
    'Norge',
    'Noreg',
    'Norwegen',
    'Norvège',
    'Noruega',
    'Norvegia',
    'Noorwegen',
    'Norwegia',
  ]),
  m(
    'GB',
    'GBR',
    'United Kingdom',
    [
      'UK',
      'U.K.',
      'Great Britain',
      'Britain',
      'England',
      'Vereinigtes Königreich',
      'Royaume-Uni',
      'Reino Unido',
      'Regno Unito',
      'Verenigd Koninkrijk',
      'Wielka Brytania',
    ],
    false,
  ),
];
