/**
 * Headers people give each case field in old trackers, in the languages of the markets Casebook serves
 * (English, German, French, Spanish, Italian, Polish, Dutch, Portuguese, Swedish) and in shorthand. Matched
 * after headerKey(): case, accents, punctuation, "?", "#", "(units)" and "[notes]" ignored.
 */
import { compactKey } from '../normalise/text';
import type { FieldKey } from '../schema/case-schema';

/** Field -> its header words, separated by |. */
const HEADERS: Partial<Record<FieldKey, string>> = {
  legacyId:
    'id|case id|case|case no|case nr|case number|ticket|ticket id|ticket no|ref|reference|nr|no|number|' +
    'fall|fallnummer|fall nr|vorgang|vorgangsnummer|aktenzeichen|referenz|dossier|numéro|n° dossier|référence|' +
    'caso|expediente|número|referencia|pratica|numero|riferimento|sprawa|numer|zaak|zaaknummer|kenmerk|' +
    'processo|referência|ärende|ärendenummer|ärende nr',
  market:
    'market|country|country code|ctry|mkt|site|markt|land|länderkürzel|marché|pays|mercado|país|mercato|' +
    'paese|nazione|rynek|kraj|markt land|markets|marknad|region|regione|région',
  sellerId:
    'seller id|seller|sellerid|shop id|merchant id|merchant|vendor id|vendor|account id|uid|' +
    'verkäufer|verkäufer id|händler|händler id|händlernummer|vendeur|id vendeur|marchand|vendedor|' +
    'id vendedor|comerciante|venditore|id venditore|sprzedawca|id sprzedawcy|verkoper|verkoper id|' +
    'vendedor id|säljare|säljar id',
  shopName:
    'shop name|shop|store|store name|merchant name|seller name|shopname|geschäft|boutique|nom boutique|' +
    'tienda|nombre tienda|negozio|nome negozio|sklep|winkel|loja|butik',
  liveSessionId:
    'live id|live session|live session id|session|session id|stream id|room id|stream|live|sitzung|' +
    'id live|id del directo|id diretta|transmisja|uitzending',
  liveDate:
    'date|live date|stream date|date of live|incident date|violation date|datum|tag|live datum|' +
    'date du live|fecha|fecha del directo|data|data live|data della diretta|dzień|dato|datum live|' +
    'reported|reported on|gemeldet am|signalé le|fecha reporte|segnalato il',
  policy:
    'policy|violation|violation type|reason|category|issue|policy violated|infraction|' +
    'verstoß|verstoss|richtlinie|grund|kategorie|regelverstoß|violation de règle|motif|catégorie|' +
    'infracción|infraccion|motivo|categoría|política|violazione|categoria|norma|naruszenie|powód|' +
    'kategoria|overtreding|reden|categorie|violação|infração|överträdelse|orsak|kategori|dsa category|' +
    'what was wrong|what went wrong|problem|wrong|type of violation|offence|offense',
  action:
    'action|enforcement|enforcement action|penalty|measure|sanction|punishment|outcome|decision|' +
    'maßnahme|massnahme|sanktion|strafe|entscheidung|mesure|décision|medida|sanción|acción|' +
    'decisión|misura|sanzione|azione|provvedimento|działanie|kara|sankcja|maatregel|sanctie|' +
    'ação|medida tomada|åtgärd|sanktion|what we did|action taken|taken action|result|consequence',
  restrictionEnd:
    'end date|until|restriction end|ban until|expires|bis|gesperrt bis|ende|jusqu au|fin|hasta|' +
    'fecha fin|fino a|scadenza|do|tot|até|till|slutdatum',
  detectionSource:
    'source|detection|detected by|detection source|found by|channel|quelle|erkannt durch|herkunft|' +
    'meldeweg|source de détection|détecté par|origine|fuente|origen|detectado por|fonte|origine|' +
    'rilevato da|źródło|bron|fonte de deteção|källa',
  automatedDecision:
    'automated|automated decision|automation|auto decision|decided by|automatisiert|automatisierung|' +
    'automatisé|décision automatisée|automatizado|decisión automatizada|automatizzato|' +
    'decisione automatizzata|zautomatyzowana|geautomatiseerd|automatizada|automatiserad',
  severity:
    'severity|priority|prio|sev|level|schweregrad|priorität|dringlichkeit|stufe|gravité|priorité|' +
    'gravedad|prioridad|gravità|priorità|waga|priorytet|ernst|prioriteit|gravidade|prioridade|' +
    'allvarlighet|prioritet',
  summary:
    'summary|description|details|notes|note|comment|comments|what happened|remarks|' +
    'notizen|notiz|beschreibung|kommentar|bemerkung|sachverhalt|résumé|description du cas|notes|' +
    'commentaire|remarques|resumen|descripción|notas|comentario|observaciones|riepilogo|descrizione|' +
    'note|commento|osservazioni|opis|notatki|uwagi|omschrijving|opmerkingen|notities|descrição|' +
    'observações|beskrivning|anteckningar|kommentar',
  evidenceLinks:
    'evidence|links|link|screenshot|screenshots|url|urls|proof|beweis|beweise|belege|nachweis|preuve|' +
    'preuves|lien|capture|prueba|pruebas|enlace|captura|prova|prove|collegamento|dowód|dowody|' +
    'bewijs|prova|evidência|bevis|länk',
  status:
    'status|state|stage|case status|zustand|bearbeitungsstatus|statut|état|estado|stato|' +
    'situazione|stan|toestand|situação|läge',
  owner:
    'owner|assignee|assigned to|handler|agent|moderator|reviewer|bearbeiter|zuständig|verantwortlich|' +
    'sachbearbeiter|responsable|assigné à|traité par|agente|asignado a|gestor|assegnatario|' +
    'gestito da|operatore|osoba odpowiedzialna|opiekun|behandelaar|eigenaar|responsável|' +
    'handläggare|ansvarig|handled by|reviewed by|checked by|who',
  escalatedTo:
    'escalated to|escalation|team|eskaliert an|eskalation|équipe|escaladé à|equipo|escalado a|' +
    'squadra|escalato a|zespół|eskalacja|escalatie|equipa|eskalerad till',
  appealStatus:
    'appeal|appeal status|appeal outcome|appeal result|appealed|einspruch|widerspruch|beschwerde status|' +
    'recours|appel|résultat du recours|recurso|apelación|resultado del recurso|ricorso|appello|' +
    'esito ricorso|odwołanie|bezwaar|beroep|recurso status|överklagande',
  misjudgement:
    'misjudgement|misjudgment|wrong decision|overturned|false positive|fehlentscheidung|' +
    'erreur de jugement|faux positif|error|falso positivo|errore|błędna decyzja|fout|felbeslut',
  rootCause:
    'root cause|cause|ursache|grundursache|cause racine|causa|causa raíz|causa principale|' +
    'przyczyna|oorzaak|causa raiz|grundorsak',
  tags: 'tags|labels|label|schlagworte|étiquettes|etiquetas|etichette|tagi|etiketten|etiquetas|taggar',
};

export const HEADER_SYNONYMS: Partial<Record<FieldKey, readonly string[]>> = Object.fromEntries(
  Object.entries(HEADERS).map(([field, joined]) => [field, (joined as string).split('|')]),
);

/** A header without what does not name the field: "(UTC)", "[1-4]", "?", "#", "No." endings, "Old ". */
export function headerKey(header: string): string {
  const bare = header
    .replace(/\([^)]*\)|\[[^\]]*\]|\{[^}]*\}/g, ' ')
    .replace(/[?#:*°]+/g, ' ')
    .replace(/^\s*(old|alt|alte|alter|ancien|antiguo|vecchio)\s+/i, ' ');
  return compactKey(bare);
}

/**
 * Every synonym's key, made on first use: Apps Script runs a project's top-level code at the start of every
 * execution, and only an import looks headers up.
 */
let index: Map<string, FieldKey> | null = null;

function synonymIndex(): Map<string, FieldKey> {
  if (index) return index;
  index = new Map<string, FieldKey>();
  for (const [field, names] of Object.entries(HEADER_SYNONYMS) as [FieldKey, readonly string[]][])
    for (const name of names) {
      const key = headerKey(name);
      if (!index.has(key)) index.set(key, field);
    }
  return index;
}

/** The field a header names, if any. */
export function fieldForHeader(header: string): FieldKey | null {
  const key = headerKey(header);
  return key === '' ? null : (synonymIndex().get(key) ?? null);
}
