/**
 * Personal-data scrubbing of statement facts and free-text grounds (Art. 24(5) DSA: statements hold no
 * personal data; shared/reference/dsa-transparency-database.md): a table of realistic facts texts in the
 * team's languages, each with exactly what must be removed and what must stay.
 */
import { describeRemoved, scrubPersonalData } from '../../src/core/dsa/scrub-personal-data';

const KNOWN = {
  sellerIds: ['S-10407', 'seller_8812', 'MX-77120', 'S-10414'],
  shopNames: [
    'Glanz & Glory',
    'Boutique Soleil',
    'Casa Bella Moda',
    'Sklep Pod Lipami',
    'Mooi Spul',
    'Trendy Torino',
    'Shop 482',
  ],
  names: [
    'Ana Kowalski',
    'Marek Nowak',
    'Rui Santos',
    'Lena Fischer',
    'Jean Dupont',
    'María García',
    'Giulia Rossi',
    'Jan de Vries',
  ],
};

/** [language, text, the exact substrings that must be removed (in any order)] */
const TABLE: [string, string, string[]][] = [
  // German
  ['de', 'Verkäufer S-10407 bot während des LIVE gefälschte Sneaker an.', ['S-10407']],
  ['de', 'Shop Glanz & Glory verkaufte Vapes an Zuschauer.', ['Glanz & Glory']],
  ['de', 'Kunde meldete: Zahlung per Überweisung an info@glanz-glory.de verlangt.', ['info@glanz-glory.de']],
  ['de', 'Host rief zur Zahlung unter +49 151 23456789 auf.', ['+49 151 23456789']],
  ['de', 'Link im Chat: https://bit.ly/3xYzAbc zu externem Shop.', ['https://bit.ly/3xYzAbc']],
  ['de', 'Am 03.11.2026 wurde ein Preis von 19,99 € als 80% Rabatt beworben.', []],
  ['de', 'Lena Fischer hat den Fall geprüft; Verstoß gegen Abschnitt 4.2 der AGB.', ['Lena Fischer']],
  ['de', 'Spielzeug ohne CE-Kennzeichnung, Rückruf 2026/118, vorgeführt.', []],
  [
    'de',
    'Telefonnummer 0151-2345 6789 im Stream eingeblendet, Instagram @glanzundglory.',
    ['0151-2345 6789', '@glanzundglory'],
  ],
  ['de', 'Verkäufer seller_8812 (Shop 482) erneut auffällig.', ['seller_8812', 'Shop 482']],
  ['de', 'Zahlung über www.paypal.me/glanzglory gefordert.', ['www.paypal.me/glanzglory']],
  // French
  ['fr', 'Le vendeur MX-77120 a présenté des sacs contrefaits comme authentiques.', ['MX-77120']],
  ['fr', 'La boutique Boutique Soleil a vendu un complément « miracle ».', ['Boutique Soleil']],
  ['fr', 'Contact affiché à l’écran : soleil.boutique@gmail.com.', ['soleil.boutique@gmail.com']],
  ['fr', 'Numéro donné aux spectateurs : +33 6 12 34 56 78.', ['+33 6 12 34 56 78']],
  ['fr', 'Jean Dupont a signalé le LIVE ; paiement hors plateforme demandé.', ['Jean Dupont']],
  ['fr', 'Prix barré de 49 € affiché toute la semaine, remise fictive de 70 %.', []],
  [
    'fr',
    'Redirection vers https://soleil-shop.fr/promo?ref=live pour payer.',
    ['https://soleil-shop.fr/promo?ref=live'],
  ],
  ['fr', 'Appel au 06 12 34 56 78 pour commander, selon le signalement du 12/10/2026.', ['06 12 34 56 78']],
  ['fr', 'Le vendeur a insulté un acheteur dans le chat (@sophie_m75).', ['@sophie_m75']],
  ['fr', 'Cosmétique sans étiquetage conforme, règlement (CE) 1223/2009.', []],
  // Spanish
  ['es', 'El vendedor S-10414 ofreció medicamentos con receta en el chat.', ['S-10414']],
  ['es', 'Casa Bella Moda vendió bolsos falsificados durante el directo.', ['Casa Bella Moda']],
  ['es', 'Pidió pagar por Bizum al +34 612 345 678.', ['+34 612 345 678']],
  [
    'es',
    'Correo de contacto: ventas@casabellamoda.es, según María García.',
    ['ventas@casabellamoda.es', 'María García'],
  ],
  ['es', 'Enlace a www.casabellamoda.es/oferta en la descripción.', ['www.casabellamoda.es/oferta']],
  ['es', 'Precio de 29,90 € presentado como descuento del 60 % el 2026-11-03.', []],
  ['es', 'Cajas sorpresa nunca enviadas; 14 quejas de compradores.', []],
  ['es', 'El anfitrión mostró su Instagram @casabella.moda para ventas privadas.', ['@casabella.moda']],
  ['es', 'Teléfono 0034 612 345 678 mostrado en pantalla.', ['0034 612 345 678']],
  // Italian
  ['it', 'Il venditore MX-77120 ha mostrato giocattoli senza marcatura CE.', ['MX-77120']],
  ['it', 'Trendy Torino ha venduto un asciugacapelli richiamato.', ['Trendy Torino']],
  ['it', 'Numero WhatsApp +39 347 123 4567 mostrato durante la LIVE.', ['+39 347 123 4567']],
  ['it', 'Segnalato da Giulia Rossi: pagamento con bonifico richiesto.', ['Giulia Rossi']],
  ['it', 'Email trendy.torino@libero.it indicata per ordini fuori piattaforma.', ['trendy.torino@libero.it']],
  ['it', 'Prezzo di 15 € presentato come sconto dell’80 % per tutta la settimana.', []],
  ['it', 'Link https://t.me/trendytorino condiviso in chat.', ['https://t.me/trendytorino']],
  ['it', 'Integratore presentato come cura per il dolore articolare.', []],
  // Polish
  ['pl', 'Sprzedawca S-10407 sprzedawał e-papierosy podczas transmisji.', ['S-10407']],
  ['pl', 'Sklep Pod Lipami oferował podróbki markowych butów.', ['Sklep Pod Lipami']],
  ['pl', 'Prowadzący podał numer +48 601 234 567 do płatności BLIK.', ['+48 601 234 567']],
  ['pl', 'Zgłoszenie od Marek Nowak: obraźliwe komentarze wobec kupującego.', ['Marek Nowak']],
  ['pl', 'Adres kontaktowy podlipami.sklep@wp.pl podany w opisie.', ['podlipami.sklep@wp.pl']],
  ['pl', 'Cena 99 zł przedstawiona jako promocja -70% w dniu 05.11.2026.', []],
  [
    'pl',
    'Przekierowanie na https://allegro.pl/uzytkownik/podlipami.',
    ['https://allegro.pl/uzytkownik/podlipami'],
  ],
  ['pl', 'Ana Kowalski potwierdziła naruszenie zasad sekcji 7.', ['Ana Kowalski']],
  // Dutch
  ['nl', 'Verkoper seller_8812 verkocht namaak-sneakers tijdens de LIVE.', ['seller_8812']],
  ['nl', 'Mooi Spul beloofde levering die nooit kwam.', ['Mooi Spul']],
  ['nl', 'Betaling via Tikkie gevraagd, telefoon 06-12345678.', ['06-12345678']],
  [
    'nl',
    'Gemeld door Jan de Vries; e-mail mooispul@outlook.com in beeld.',
    ['Jan de Vries', 'mooispul@outlook.com'],
  ],
  ['nl', 'Prijs van € 24,95 getoond als 75% korting, de hele week.', []],
  ['nl', 'Verwijzing naar www.mooispul.nl/actie in de chat.', ['www.mooispul.nl/actie']],
  ['nl', 'Speelgoed zonder CE-markering gedemonstreerd aan kijkers.', []],
  // English
  ['en', 'Host of shop Shop 482 asked viewers to pay by bank transfer for a discount.', ['Shop 482']],
  ['en', 'Viewer count jumped from 40 to 9,000 in two minutes with no chat activity.', []],
  ['en', 'Rui Santos reviewed the LIVE; seller S-10407 repeated the offence.', ['Rui Santos', 'S-10407']],
  [
    'en',
    'Call +44 7700 900123 or email deals@glanzglory.co.uk for the real price.',
    ['+44 7700 900123', 'deals@glanzglory.co.uk'],
  ],
  ['en', 'Brand owner notice 2026-118 attached; EAN 4006381333931 on the box.', []],
  [
    'en',
    'Discount code posted on https://discord.gg/abcd and @deals_live.',
    ['https://discord.gg/abcd', '@deals_live'],
  ],
  // Swedish, Portuguese, Czech
  ['sv', 'Säljaren MX-77120 sålde återkallade hårtorkar, ring 070-123 45 67.', ['MX-77120', '070-123 45 67']],
  ['pt', 'O vendedor pediu pagamento por MB Way para +351 912 345 678.', ['+351 912 345 678']],
  ['pt', 'Rui Santos confirmou: preço de 10 € apresentado como 90 % de desconto.', ['Rui Santos']],
  [
    'cs',
    'Prodejce S-10414 nabízel léky na předpis, e-mail prodej@seznam.cz.',
    ['S-10414', 'prodej@seznam.cz'],
  ],
  // Case and accents of known terms, and terms inside other words
  ['de', 'VERKÄUFER s-10407 und glanz & glory erneut gemeldet.', ['s-10407', 'glanz & glory']],
  ['en', 'Seller S-104070 is a different account from the one in the case.', []],
];

test('the table holds at least 60 texts in at least six languages', () => {
  expect(TABLE.length).toBeGreaterThanOrEqual(60);
  expect(new Set(TABLE.map(([lang]) => lang)).size).toBeGreaterThanOrEqual(6);
});

test.each(TABLE)('%s: %s', (_lang, text, expected) => {
  const result = scrubPersonalData(text, KNOWN);
  expect(result.removed.map((r) => r.text).sort()).toEqual([...expected].sort());
  for (const gone of expected) expect(result.text).not.toContain(gone);
  // Only the personal data goes: the rest of the sentence is kept as it was.
  let rest = text;
  for (const gone of expected) rest = rest.replace(gone, '');
  const placeholders = /\[(email|link|phone|handle|seller|shop|name)\]/g;
  expect(result.text.replace(placeholders, '').replace(/\s+/g, ' ')).toBe(rest.replace(/\s+/g, ' '));
});

test('what was removed is reported by kind, for the person exporting', () => {
  const result = scrubPersonalData('Seller S-10407 (Mooi Spul) gave +31 6 12345678 and a@b.nl', KNOWN);
  expect(result.text).toBe('Seller [seller] ([shop]) gave [phone] and [email]');
  expect(describeRemoved(result.removed)).toBe(
    'email a@b.nl; phone number +31 6 12345678; seller ID S-10407; shop name Mooi Spul',
  );
});

test('terms shorter than three characters are not treated as personal data', () => {
  const result = scrubPersonalData('AB sold at 10 am', { sellerIds: ['AB'], shopNames: [''], names: ['am'] });
  expect(result.removed).toEqual([]);
});
