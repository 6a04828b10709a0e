/**
 * Words old trackers use for Casebook's choice values in the languages of the markets it serves (German,
 * French, Spanish, Italian, Polish, Dutch, Portuguese, Swedish, and English shorthand), and regions and
 * cities people write in a market column. Only the import's value-mapping step reads these, as proposals a
 * person confirms; the Lists tab's synonyms stay the team's own.
 */

/** Canonical value -> the words for it, separated by |. */
type Vocabulary = Readonly<Record<string, string>>;

export const VALUE_VOCABULARY: Readonly<Record<string, Vocabulary>> = {
  policy: {
    'Counterfeit goods':
      'fälschung|gefälscht|plagiat|markenfälschung|fake ware|contrefaçon|contrefait|falsificación|falsificacion|falsificado|imitación|contraffazione|contraffatto|falso|podróbka|podrobka|namaak|nep|falsificação|contrafação|förfalskning|knockoff|knock off|replicas',
    'Copyright infringement on stream':
      "urheberrecht|musikrechte|droit d'auteur|derechos de autor|diritto d'autore|prawa autorskie|auteursrecht|direitos autorais|upphovsrätt",
    'Prohibited products':
      'verbotene produkte|verbotene ware|produits interdits|productos prohibidos|prodotti vietati|produkty zakazane|verboden producten|produtos proibidos|förbjudna produkter|waffen|armes|armas|armi|e-zigaretten|vape',
    'Unsafe products':
      'unsichere produkte|produits dangereux|productos peligrosos|prodotti pericolosi|niebezpieczne produkty|onveilige producten|produtos inseguros|osäkra produkter|no ce mark',
    'Misleading product claims':
      'irreführende angaben|allégations trompeuses|declaraciones engañosas|affermazioni ingannevoli|misleading description|false advertising',
    'Misleading pricing':
      'irreführende preise|preisbetrug|fake rabatt|prix trompeur|fausse promo|precio engañoso|descuento falso|prezzo ingannevole|sconto falso|wprowadzające ceny|misleidende prijs|preço enganoso|vilseledande pris|fake discount|price manipulation',
    'Missing trader information': 'impressum fehlt|mentions légales|datos del vendedor|dati venditore',
    'Off-platform transactions':
      'zahlung außerhalb|externe zahlung|paiement hors plateforme|paiement externe|pago fuera de la plataforma|pago externo|pagamento esterno|pagamento fuori piattaforma|płatność poza platformą|betaling buiten platform|pagamento externo|betalning utanför|paypal outside|whatsapp payment|bank transfer',
    'Scams and fraud':
      'betrug|abzocke|arnaque|escroquerie|fraude|estafa|truffa|oszustwo|oplichting|golpe|bedrägeri|non delivery|mystery box scam',
    'Fake engagement':
      'fake follower|fake-follower|gekaufte zuschauer|faux abonnés|faux spectateurs|bots vues|seguidores falsos|espectadores falsos|follower falsi|spettatori falsi|fałszywi widzowie|nepvolgers|seguidores falsos|falska följare|viewbots|view bots|fake likes|bought viewers',
    'Minor safety':
      'minderjährige|jugendschutz|mineurs|protection des mineurs|menores|minori|nieletni|minderjarigen|menores de idade|minderåriga|underage|kid on stream',
    'Hate and harassment on stream':
      "hassrede|beleidigung|discours haineux|haine|discurso de odio|odio|incitamento all'odio|mowa nienawiści|haatzaaien|discurso de ódio|hatretorik|hate speech|racism|slurs",
    'Bullying and threats':
      'mobbing|drohung|harcèlement|menaces|acoso|amenazas|bullismo|minacce|groźby|bedreiging|ameaças|hot|threats',
    'Gambling and lotteries':
      "glücksspiel|gewinnspiel|verlosung|jeux d'argent|loterie|tombola|juego|apuestas|sorteo|gioco d'azzardo|lotteria|hazard|loteria|gokken|jogo de azar|spel|lotteri|blind box|gacha",
    'Adult content': 'nacktheit|nudité|desnudez|nudità|nagość|naaktheid|nudez|nakenhet|nsfw',
    'Dangerous acts': 'gefährliche aktion|acte dangereux|acto peligroso|atto pericoloso|dangerous stunt',
    'Animal welfare': 'tierschutz|bien-être animal|bienestar animal|benessere animale|animal abuse',
    'Privacy violation': 'datenschutz|dsgvo|vie privée|rgpd|privacidad|privacy|prywatność|doxxing',
    Impersonation:
      "identitätsdiebstahl|usurpation|usurpation d'identité|suplantación|suplantacion|furto di identità|impersonificazione|podszywanie|fake brand account",
    'Other terms violation': 'sonstiges|autre|otro|altro|inne|overig|outro|övrigt|other',
  },
  action: {
    'LIVE interrupted':
      'live abgebrochen|live beendet|stream abgebrochen|live interrompu|live coupé|live interrumpido|directo cortado|live interrotta|diretta interrotta|live przerwany|live onderbroken|live interrompida|live avbruten|stream ended|live killed|stream killed|stream stopped|killed the live',
    'LIVE removed': 'live gelöscht|live supprimé|live eliminado|live rimossa|vod removed',
    'Product removed':
      'produkt entfernt|artikel gelöscht|produit retiré|produit supprimé|producto retirado|producto eliminado|prodotto rimosso|articolo rimosso|produkt usunięty|product verwijderd|produto removido|produkt borttagen|takedown|listing takedown|item taken down',
    'Traffic restricted':
      'reichweite eingeschränkt|visibilité réduite|visibilidad reducida|visibilità ridotta|ograniczony zasięg|bereik beperkt|alcance reduzido|begränsad räckvidd|downranked',
    'Comments restricted':
      'kommentare gesperrt|commentaires bloqués|comentarios bloqueados|commenti bloccati',
    'Warning label':
      'verwarnung|warnung|avertissement|advertencia|aviso|avvertimento|ammonimento|ostrzeżenie|waarschuwing|varning|warning|warned|strike',
    'Payouts suspended':
      'auszahlung gesperrt|zahlungen eingefroren|paiements suspendus|pagos suspendidos|pagamenti sospesi|wypłaty wstrzymane|uitbetaling geblokkeerd|pagamentos suspensos|utbetalning stoppad|payout frozen',
    'Payouts terminated': 'auszahlung beendet|paiements arrêtés|pagos cancelados|pagamenti revocati',
    'LIVE feature restricted':
      'live sperre|live-sperre|live gesperrt|live bloqué|live bloqueado|live bloccata|blokada live|live geblokkeerd|live bloqueada|live spärrad|live suspended',
    'Selling suspended':
      'verkaufssperre|shop gesperrt|vente suspendue|boutique suspendue|venta suspendida|tienda suspendida|vendita sospesa|negozio sospeso|sprzedaż zawieszona|verkoop geschorst|venda suspensa|försäljning stoppad',
    'Account suspended':
      'konto gesperrt|sperrung|sperre|temporäre sperre|compte suspendu|suspension du compte|cuenta suspendida|suspensión|suspension|account sospeso|sospensione|konto zawieszone|account geschorst|conta suspensa|konto avstängt|temp ban|7 day ban|30 day ban',
    'Account terminated':
      'konto gelöscht|dauerhaft gesperrt|permanente sperre|compte supprimé|bannissement|banni|cuenta cerrada|baneo|baneado|ban permanente|account chiuso|bannato|konto usunięte|account verwijderd|conta encerrada|konto raderat|perma ban|permaban',
  },
  severity: {
    P1: 'kritisch|critique|crítica|critica|krytyczny|kritiek|crítico|critical|urgent|sehr hoch|blocker|sev1|sev 1|1',
    P2: 'hoch|haute|élevée|alta|elevata|wysoki|hoog|hög|high|major|sev2|sev 2|2',
    P3: 'mittel|moyenne|media|medio|średni|gemiddeld|média|medel|medium|normal|sev3|sev 3|3',
    P4: 'niedrig|gering|basse|faible|baja|bassa|niski|laag|baixa|låg|low|minor|sev4|sev 4|4',
  },
  detectionSource: {
    Automated: 'automatisch|automatique|automático|automatico|automatyczny|automatisk|system|ki|ia|ai|filter',
    'Human review':
      'manuell|moderator|moderation|manuel|modération|revisión manual|moderador|revisione manuale|moderatore|ręcznie|handmatig|manuale|manuellt|agent|spot check|qa',
    'User report':
      'nutzermeldung|meldung|kundenmeldung|beschwerde|signalement|plainte|denuncia|reporte de usuario|segnalazione|segnalazione utente|zgłoszenie|melding|denúncia|anmälan|buyer report|viewer report|ticket',
    'Trusted flagger':
      'vertrauenswürdiger hinweisgeber|hinweisgeber|signaleur de confiance|alertador fiable|segnalatore attendibile|zaufany podmiot|betrouwbare flagger|sinalizador de confiança|betrodd flaggare|brand owner|rights holder|rechteinhaber|ayant droit|titular de derechos',
  },
  status: {
    New: 'neu|nouveau|nuevo|nuovo|nowy|nieuw|novo|ny',
    Triaged:
      'offen|in bearbeitung|ouvert|en cours|abierto|en curso|aperto|in corso|otwarty|w toku|in behandeling|aberto|em andamento|öppen|pågående',
    Escalated: 'eskaliert|escaladé|escalado|escalato|eskalowany|geëscaleerd|eskalerad',
    'Awaiting response':
      'wartet|warten auf verkäufer|en attente|pendiente|in attesa|oczekuje|wacht|aguardando|väntar',
    Resolved: 'gelöst|résolu|resuelto|risolto|rozwiązany|opgelost|resolvido|löst|solved',
    Closed:
      'geschlossen|erledigt|abgeschlossen|fermé|clos|terminé|cerrado|chiuso|zamknięty|gesloten|fechado|stängd|klar|closed|complete|completed|finished',
    Reopened: 'wieder geöffnet|rouvert|reabierto|riaperto|ponownie otwarty|heropend|reaberto|återöppnad',
  },
  appealStatus: {
    None: 'kein|keiner|nein|aucun|non|ninguno|no|nessuno|brak|geen|nenhum|ingen|no appeal|n',
    Pending:
      'offen|läuft|en attente|en cours|pendiente|en curso|in attesa|in corso|w toku|lopend|pendente|pågår|open|ongoing|submitted|yes pending',
    Upheld:
      'abgelehnt|bestätigt|rejeté|refusé|confirmé|rechazado|rechazada|confirmado|respinto|confermato|odrzucony|afgewezen|rejeitado|avslaget|rejected|denied|lost|decision upheld',
    Overturned:
      'stattgegeben|aufgehoben|accepté|annulé|aceptado|aceptada|revocado|accolto|annullato|uwzględniony|toegewezen|aceite|bifallet|granted|reversed|won|accepted',
  },
  automatedDecision: {
    'Fully automated':
      'vollautomatisch|entièrement automatisé|totalmente automatizado|completamente automatizzato|full auto|fully auto|auto',
    'Partially automated':
      'teilautomatisch|partiellement automatisé|parcialmente automatizado|parzialmente automatizzato|semi auto|semi-automated|partial',
    'Not automated':
      'nicht automatisiert|manuell|non automatisé|manuel|no automatizado|non automatizzato|manual|manuale|human|nein|no',
  },
  misjudgement: {
    Yes: 'ja|oui|sí|si|sì|tak|sim|y|true|x',
    No: 'nein|non|nie|nee|não|nej|n|false',
  },
};

/** Regions and big cities people write instead of the country, to the market's ISO code. */
export const MARKET_REGIONS: Readonly<Record<string, string>> = {
  DE: 'Bayern|Bavaria|Bavière|Baviera|Berlin|Hamburg|München|Munich|Köln|Frankfurt|NRW|Nordrhein-Westfalen|Hessen|Sachsen|Baden-Württemberg|Niedersachsen',
  AT: 'Wien|Vienna|Vienne|Tirol|Salzburg|Steiermark',
  FR: 'Île-de-France|Ile de France|IDF|Paris|Lyon|Marseille|Provence|PACA|Bretagne|Occitanie|Normandie|Auvergne-Rhône-Alpes|Hauts-de-France|Nouvelle-Aquitaine',
  IT: 'Lombardia|Lombardy|Lombardie|Milano|Milan|Roma|Rome|Lazio|Sicilia|Sicily|Veneto|Piemonte|Toscana|Tuscany|Campania|Napoli|Emilia-Romagna|Torino',
  ES: 'Cataluña|Catalunya|Catalonia|Catalogne|Madrid|Barcelona|Andalucía|Andalusia|Valencia|País Vasco|Euskadi|Galicia|Sevilla|Canarias',
  PL: 'Mazowieckie|Warszawa|Warsaw|Kraków|Krakow|Śląsk|Silesia|Wrocław|Gdańsk',
  NL: 'Noord-Holland|Zuid-Holland|Amsterdam|Rotterdam|Utrecht|Holland',
  BE: 'Vlaanderen|Flanders|Flandre|Wallonie|Wallonia|Bruxelles|Brussel|Brussels',
  PT: 'Lisboa|Lisbon|Porto|Algarve',
  SE: 'Stockholm|Göteborg|Skåne|Malmö',
  IE: 'Dublin|Cork',
  GB: 'England|Scotland|Wales|London|Northern Ireland',
};
