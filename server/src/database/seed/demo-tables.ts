/**
 * Tables for the FICTIONAL demo organisations (see demo-generator.ts). Nothing here describes a real
 * organisation: names, addresses, phone numbers and e-mail addresses are made up and marked as such.
 */
import { AttendingAccess, OrganisationKind, Weekday } from '@partneratlas/shared';

/** "Today" of the demo data; dates are spread backwards from here (never Date.now: same output every run). */
export const DEMO_REFERENCE_DATE = '2025-10-01';
export const DEMO_ORGANISATION_COUNT = 150;
export const DEMO_RELATIONSHIP_COUNT = 200;
export const DEMO_NETWORK_MEMBER_COUNT = 60;
/** Every demo name ends with this marker (and starts with "Beispiel"). */
export const FICTIONAL_MARKER = '(fiktiv)';

/** How many demo organisations of each kind (sums to DEMO_ORGANISATION_COUNT). */
export const KIND_COUNTS: Readonly<Record<OrganisationKind, number>> = {
  [OrganisationKind.MIGRANT_SELF_ORGANISATION]: 30,
  [OrganisationKind.EDUCATION_PROVIDER]: 24,
  [OrganisationKind.COUNSELLING_SERVICE]: 28,
  [OrganisationKind.WELFARE_ASSOCIATION]: 12,
  [OrganisationKind.PUBLIC_AUTHORITY]: 12,
  [OrganisationKind.INITIATIVE_OTHER]: 44,
};

// --------------------------------------------------------------------------------------------- places

export type Community = 'zentrum' | 'nord' | 'west' | 'ost-sued';

export interface ClusterDefinition {
  /** District slug (its representative point from the data is the centre), or 'altes-rathaus'. */
  key: string;
  /** Share of demo locations placed here; 0 leaves the district empty on purpose (visible white spot). */
  weight: number;
  radiusMeters: number;
  /** Relationship communities: organisations mostly cooperate inside their community. */
  community: Community;
  /** Shown in demo names, e.g. "Sprachcafé Grone (fiktiv)". */
  label: string;
}

/**
 * Altes Rathaus (old town hall, Markt 9): used only as the centre of the old-town cluster of fictional
 * entries. Position as given in the project brief (51.5331 N, 9.9355 E). Locations placed around it get no
 * district (area_id NULL): the Innenstadt has no representative point in the data.
 */
export const OLD_TOWN_HALL = { key: 'altes-rathaus', lat: 51.5331, lon: 9.9355 } as const;

/** Uneven on purpose: a few centres carry most entries, some districts get few or none. */
export const CLUSTERS: readonly ClusterDefinition[] = [
  { key: 'altes-rathaus', weight: 34, radiusMeters: 1000, community: 'zentrum', label: 'Altstadt' },
  { key: 'grone', weight: 17, radiusMeters: 1200, community: 'west', label: 'Grone' },
  { key: 'weende', weight: 16, radiusMeters: 1200, community: 'nord', label: 'Weende' },
  { key: 'geismar', weight: 15, radiusMeters: 1200, community: 'ost-sued', label: 'Geismar' },
  { key: 'holtensen', weight: 6, radiusMeters: 900, community: 'west', label: 'Holtensen' },
  { key: 'elliehausen', weight: 5, radiusMeters: 900, community: 'west', label: 'Elliehausen' },
  { key: 'nikolausberg', weight: 5, radiusMeters: 900, community: 'nord', label: 'Nikolausberg' },
  { key: 'herberhausen', weight: 4, radiusMeters: 800, community: 'ost-sued', label: 'Herberhausen' },
  { key: 'gross-ellershausen', weight: 3, radiusMeters: 700, community: 'west', label: 'Groß Ellershausen' },
  { key: 'roringen', weight: 2, radiusMeters: 700, community: 'nord', label: 'Roringen' },
  { key: 'hetjershausen', weight: 2, radiusMeters: 700, community: 'west', label: 'Hetjershausen' },
  { key: 'esebeck', weight: 1, radiusMeters: 600, community: 'west', label: 'Esebeck' },
  { key: 'knutbuehren', weight: 0, radiusMeters: 600, community: 'west', label: 'Knutbühren' },
  { key: 'deppoldshausen', weight: 0, radiusMeters: 600, community: 'nord', label: 'Deppoldshausen' },
];

/** Clearly made-up street names (no real Göttingen street). */
export const DEMO_STREETS: readonly string[] = [
  'Beispielweg',
  'Musterstraße',
  'Am Beispielhof',
  'Beispielgasse',
  'Musterallee',
  'Probeweg',
  'Platzhalterstraße',
  'Am Musterpark',
  'Demoweg',
  'Fiktivring',
  'Beispielplatz',
  'Mustergarten',
];

/** Postcode of the old town (Markt); districts use the postcodes published for them in the data. */
export const OLD_TOWN_POSTCODE = '37073';

export const LOCATION_NAMES: readonly string[] = [
  'Hauptsitz',
  'Geschäftsstelle',
  'Treffpunkt',
  'Kursraum',
  'Beratungsbüro',
  'Stadtteilbüro',
];

export const ACCESSIBILITY_NOTES: readonly (string | null)[] = [
  'Stufenloser Zugang, barrierefreies WC (fiktives Beispiel)',
  'Eingang mit zwei Stufen, Rampe auf Anfrage (fiktives Beispiel)',
  'Aufzug vorhanden (fiktives Beispiel)',
  null,
  null,
];

// --------------------------------------------------------------------------------------------- languages

/** Working languages besides German, weighted by how often they appear among the demo entries. */
export const LANGUAGE_WEIGHTS: readonly (readonly [code: string, weight: number])[] = [
  ['en', 30],
  ['ar', 22],
  ['uk', 14],
  ['fa', 13],
  ['tr', 12],
  ['ru', 10],
  ['fr', 8],
  ['ku', 7],
  ['es', 5],
  ['pl', 4],
  ['ro', 4],
  ['ti', 3],
  ['so', 3],
  ['bg', 3],
  ['sq', 3],
  ['ps', 2],
];

/** Communities of origin that fictional migrant self-organisations may be named after. */
export const ORIGIN_GROUPS: readonly { adjective: string; languages: readonly string[] }[] = [
  { adjective: 'Syrischer', languages: ['ar', 'ku'] },
  { adjective: 'Afghanischer', languages: ['fa', 'ps'] },
  { adjective: 'Ukrainischer', languages: ['uk', 'ru'] },
  { adjective: 'Kurdischer', languages: ['ku', 'tr', 'ar'] },
  { adjective: 'Eritreischer', languages: ['ti', 'ar'] },
  { adjective: 'Türkischer', languages: ['tr'] },
  { adjective: 'Polnischer', languages: ['pl'] },
  { adjective: 'Rumänischer', languages: ['ro'] },
  { adjective: 'Somalischer', languages: ['so'] },
  { adjective: 'Iranischer', languages: ['fa'] },
  { adjective: 'Albanischer', languages: ['sq'] },
  { adjective: 'Bulgarischer', languages: ['bg', 'tr'] },
  { adjective: 'Lateinamerikanischer', languages: ['es', 'pt'] },
  { adjective: 'Russischsprachiger', languages: ['ru'] },
  { adjective: 'Frankophoner', languages: ['fr'] },
];

// --------------------------------------------------------------------------------------------- names

/**
 * Name patterns per kind. `{place}` is the cluster label, `{theme}` a word from NAME_THEMES, `{origin}` an
 * ORIGIN_GROUPS adjective. The generator adds the "Beispiel" prefix and the "(fiktiv)" suffix is part of the
 * pattern so that every name says it is fictional.
 */
export const NAME_PATTERNS: Readonly<Record<OrganisationKind, readonly string[]>> = {
  [OrganisationKind.MIGRANT_SELF_ORGANISATION]: [
    'Beispiel: {origin} Kulturverein {place} (fiktiv)',
    'Beispiel-Verein {theme} {place} (fiktiv)',
    'Beispiel: {origin} Elternverein (fiktiv)',
    'Beispiel-Gemeinschaft {theme} (fiktiv)',
  ],
  [OrganisationKind.EDUCATION_PROVIDER]: [
    'Beispiel: Sprachschule {place} (fiktiv)',
    'Beispiel-Bildungswerk {theme} (fiktiv)',
    'Beispiel: Lernwerkstatt {place} (fiktiv)',
    'Beispiel-Kursträger {theme} {place} (fiktiv)',
  ],
  [OrganisationKind.COUNSELLING_SERVICE]: [
    'Beispiel: Beratungsstelle {theme} {place} (fiktiv)',
    'Beispiel: Migrationsberatung {place} (fiktiv)',
    'Beispiel: Anlaufstelle {theme} (fiktiv)',
    'Beispiel: Jugendberatung {place} (fiktiv)',
  ],
  [OrganisationKind.WELFARE_ASSOCIATION]: [
    'Beispiel-Wohlfahrtsverband {theme} (fiktiv)',
    'Beispiel-Sozialwerk {place} (fiktiv)',
    'Beispiel: Ortsverein {theme} {place} (fiktiv)',
  ],
  [OrganisationKind.PUBLIC_AUTHORITY]: [
    'Beispiel: Stadtteilbüro {place} (fiktiv)',
    'Beispiel-Amt für {theme} (fiktiv)',
    'Beispiel: Servicestelle Zuwanderung {place} (fiktiv)',
  ],
  [OrganisationKind.INITIATIVE_OTHER]: [
    'Beispiel: Sprachcafé {place} (fiktiv)',
    'Beispiel-Initiative {theme} {place} (fiktiv)',
    'Beispiel: Nachbarschaftstreff {place} (fiktiv)',
    'Beispiel: Fahrradwerkstatt {theme} (fiktiv)',
    'Beispiel-Patenschaftsprojekt {theme} (fiktiv)',
  ],
};

export const NAME_THEMES: readonly string[] = [
  'Brücke',
  'Miteinander',
  'Horizont',
  'Ankommen',
  'Regenbogen',
  'Weltoffen',
  'Kompass',
  'Zusammen',
  'Perspektive',
  'Vielfalt',
  'Nachbarn',
  'Leuchtturm',
  'Wegweiser',
  'Begegnung',
  'Zukunft',
  'Teilhabe',
];

/** "Amt für …" needs a topic, not a slogan. */
export const AUTHORITY_THEMES: readonly string[] = ['Teilhabe', 'Zuwanderung', 'Integration und Vielfalt', 'Bildung und Beratung'];

export const DESCRIPTIONS: Readonly<Record<OrganisationKind, string>> = {
  [OrganisationKind.MIGRANT_SELF_ORGANISATION]:
    'Fiktiver Beispielverein von und für Zugewanderte: Treffen, Kultur, Unterstützung im Alltag.',
  [OrganisationKind.EDUCATION_PROVIDER]: 'Fiktiver Bildungsträger mit Sprach- und Qualifizierungsangeboten.',
  [OrganisationKind.COUNSELLING_SERVICE]: 'Fiktive Beratungsstelle für Fragen rund um Aufenthalt, Arbeit, Familie und Alltag.',
  [OrganisationKind.WELFARE_ASSOCIATION]: 'Fiktiver Wohlfahrtsverband mit sozialen Diensten im Stadtgebiet.',
  [OrganisationKind.PUBLIC_AUTHORITY]: 'Fiktive öffentliche Stelle (Beispiel) mit Beratungs- und Koordinationsaufgaben.',
  [OrganisationKind.INITIATIVE_OTHER]: 'Fiktive ehrenamtliche Initiative für Begegnung und Unterstützung im Quartier.',
};

export const DEMO_DESCRIPTION_PREFIX = 'Fiktiver Beispieleintrag zur Vorführung von Partneratlas – keine echte Organisation.';

// --------------------------------------------------------------------------------------------- services

export interface ServiceTemplate {
  key: string;
  name: string;
  description: string;
  /** Codes of the 'ratsantrag' taxonomy (parent or child codes). */
  fields: readonly string[];
  /** A 2008 concept Handlungsfeld that some services of this template are also tagged with. */
  concept: string | null;
  targets: readonly string[];
  access: readonly AttendingAccess[];
  /** true: free; false: fees apply (see `fees`). */
  free: boolean;
  fees: string | null;
  eligibility: string | null;
  kinds: readonly OrganisationKind[];
  /** Places per course/group where that makes sense. */
  capacity: readonly [min: number, max: number] | null;
  /** Offered in the community's languages (heritage-language teaching, MSO groups). */
  communityLanguages?: boolean;
}

const {
  MIGRANT_SELF_ORGANISATION: MSO,
  EDUCATION_PROVIDER: EDU,
  COUNSELLING_SERVICE: CNS,
  WELFARE_ASSOCIATION: WEL,
  PUBLIC_AUTHORITY: PUB,
  INITIATIVE_OTHER: INI,
} = OrganisationKind;
const { APPOINTMENT, DROP_IN, REFERRAL } = AttendingAccess;

export const SERVICE_TEMPLATES: readonly ServiceTemplate[] = [
  {
    key: 'integrationskurs',
    name: 'Integrationskurs mit Alphabetisierung',
    description: 'Deutschkurs mit Orientierungskurs; Einstufung vor Kursbeginn (fiktives Beispiel).',
    fields: ['sprache-integrationskurs'],
    concept: 'ik2008-sprache-bildung',
    targets: ['neuzugewanderte', 'gefluechtete'],
    access: [APPOINTMENT, REFERRAL],
    free: false,
    fees: 'Kostenbeitrag je nach Bescheid, Befreiung möglich (fiktiv)',
    eligibility: 'Mit Teilnahmeberechtigung oder -verpflichtung (fiktives Beispiel)',
    kinds: [EDU],
    capacity: [12, 20],
  },
  {
    key: 'berufssprachkurs',
    name: 'Berufsbezogener Deutschkurs B2',
    description: 'Deutsch für den Beruf mit Praxisanteilen (fiktives Beispiel).',
    fields: ['sprache-integrationskurs', 'arbeit'],
    concept: 'ik2008-arbeit-soziales',
    targets: ['arbeitsuchende', 'fachkraefte'],
    access: [APPOINTMENT, REFERRAL],
    free: true,
    fees: null,
    eligibility: 'Deutschkenntnisse auf Niveau B1 (fiktives Beispiel)',
    kinds: [EDU],
    capacity: [10, 18],
  },
  {
    key: 'deutsch-frauen',
    name: 'Deutschkurs für Frauen mit Kinderbetreuung',
    description: 'Vormittagskurs, Kinder werden nebenan betreut (fiktives Beispiel).',
    fields: ['sprache', 'frauen-familie'],
    concept: 'ik2008-sprache-bildung',
    targets: ['frauen', 'familien'],
    access: [APPOINTMENT],
    free: true,
    fees: null,
    eligibility: 'Frauen mit Wohnsitz in Göttingen (fiktives Beispiel)',
    kinds: [EDU, INI, WEL],
    capacity: [8, 14],
  },
  {
    key: 'sprachcafe',
    name: 'Sprachcafé',
    description: 'Deutsch sprechen üben bei Tee und Kaffee, ohne Anmeldung (fiktives Beispiel).',
    fields: ['sprache', 'dialog'],
    concept: null,
    targets: ['neuzugewanderte', 'ehrenamtliche'],
    access: [DROP_IN],
    free: true,
    fees: null,
    eligibility: null,
    kinds: [INI, MSO, WEL],
    capacity: null,
  },
  {
    key: 'herkunftssprache',
    name: 'Herkunftssprachlicher Unterricht für Kinder',
    description: 'Lesen und Schreiben in der Familiensprache, samstags (fiktives Beispiel).',
    fields: ['sprache-herkunftssprache'],
    concept: 'ik2008-sprache-bildung',
    targets: ['kinder'],
    access: [APPOINTMENT],
    free: false,
    fees: 'Vereinsbeitrag 5 € im Monat (fiktiv)',
    eligibility: 'Kinder von 6 bis 14 Jahren',
    kinds: [MSO],
    capacity: [8, 25],
    communityLanguages: true,
  },
  {
    key: 'migrationsberatung',
    name: 'Migrationsberatung für Erwachsene',
    description: 'Beratung zu Aufenthalt, Sprachkursen, Arbeit und Behörden (fiktives Beispiel).',
    fields: ['beratung-migration'],
    concept: 'ik2008-arbeit-soziales',
    targets: ['neuzugewanderte', 'eu-zugewanderte'],
    access: [APPOINTMENT, DROP_IN],
    free: true,
    fees: null,
    eligibility: 'Zugewanderte ab 27 Jahren (fiktives Beispiel)',
    kinds: [CNS, WEL],
    capacity: null,
  },
  {
    key: 'fluechtlingsberatung',
    name: 'Flüchtlingsberatung',
    description: 'Beratung im Asylverfahren und danach, Begleitung zu Terminen (fiktives Beispiel).',
    fields: ['beratung-flucht'],
    concept: 'ik2008-politik-recht',
    targets: ['gefluechtete'],
    access: [APPOINTMENT, DROP_IN],
    free: true,
    fees: null,
    eligibility: null,
    kinds: [CNS, WEL, INI],
    capacity: null,
  },
  {
    key: 'jugendberatung',
    name: 'Beratung für junge Zugewanderte',
    description: 'Schule, Ausbildung, Aufenthalt: Beratung für 12- bis 27-Jährige (fiktives Beispiel).',
    fields: ['beratung-migration', 'sozialpaedagogik'],
    concept: null,
    targets: ['jugendliche'],
    access: [APPOINTMENT, DROP_IN],
    free: true,
    fees: null,
    eligibility: 'Junge Menschen von 12 bis 27 Jahren',
    kinds: [CNS],
    capacity: null,
  },
  {
    key: 'rechtssprechstunde',
    name: 'Offene Sprechstunde Aufenthaltsrecht',
    description: 'Erste Orientierung zu Fragen des Aufenthaltsrechts (fiktives Beispiel).',
    fields: ['beratung-flucht'],
    concept: 'ik2008-politik-recht',
    targets: ['gefluechtete', 'neuzugewanderte'],
    access: [DROP_IN],
    free: true,
    fees: null,
    eligibility: null,
    kinds: [CNS, INI],
    capacity: null,
  },
  {
    key: 'bewerbung',
    name: 'Bewerbungswerkstatt',
    description: 'Lebenslauf, Anschreiben, Vorstellungsgespräch üben (fiktives Beispiel).',
    fields: ['arbeit'],
    concept: 'ik2008-arbeit-soziales',
    targets: ['arbeitsuchende'],
    access: [APPOINTMENT, DROP_IN],
    free: true,
    fees: null,
    eligibility: null,
    kinds: [EDU, WEL, INI, PUB],
    capacity: [6, 12],
  },
  {
    key: 'anerkennung',
    name: 'Beratung zur Anerkennung ausländischer Abschlüsse',
    description: 'Welche Stelle ist zuständig, welche Unterlagen werden gebraucht (fiktives Beispiel).',
    fields: ['arbeit', 'beratung-migration'],
    concept: 'ik2008-arbeit-soziales',
    targets: ['fachkraefte', 'arbeitsuchende'],
    access: [APPOINTMENT],
    free: true,
    fees: null,
    eligibility: null,
    kinds: [CNS, PUB],
    capacity: null,
  },
  {
    key: 'ausbildungslotsen',
    name: 'Ausbildungslotsen',
    description: 'Begleitung auf dem Weg in eine Ausbildung (fiktives Beispiel).',
    fields: ['arbeit', 'sozialpaedagogik'],
    concept: 'ik2008-arbeit-soziales',
    targets: ['jugendliche', 'arbeitsuchende'],
    access: [APPOINTMENT, REFERRAL],
    free: true,
    fees: null,
    eligibility: 'Junge Menschen bis 25 Jahre',
    kinds: [EDU, WEL],
    capacity: [10, 30],
  },
  {
    key: 'eltern-kind',
    name: 'Eltern-Kind-Gruppe',
    description: 'Spielen, Singen, Austausch für Familien mit kleinen Kindern (fiktives Beispiel).',
    fields: ['fruehkindlich', 'frauen-familie'],
    concept: null,
    targets: ['familien', 'kinder'],
    access: [DROP_IN],
    free: true,
    fees: null,
    eligibility: 'Familien mit Kindern bis 3 Jahre',
    kinds: [INI, WEL, MSO],
    capacity: [6, 12],
  },
  {
    key: 'kita-lotsen',
    name: 'Kita-Lotsinnen',
    description: 'Hilfe bei der Suche nach einem Kita-Platz und bei der Anmeldung (fiktives Beispiel).',
    fields: ['fruehkindlich'],
    concept: 'ik2008-sprache-bildung',
    targets: ['familien'],
    access: [APPOINTMENT],
    free: true,
    fees: null,
    eligibility: null,
    kinds: [PUB, WEL],
    capacity: null,
  },
  {
    key: 'frauentreff',
    name: 'Internationaler Frauentreff',
    description: 'Offener Treff mit Ausflügen und Informationsabenden (fiktives Beispiel).',
    fields: ['frauen-familie', 'dialog'],
    concept: 'ik2008-freizeit-kultur-religion',
    targets: ['frauen'],
    access: [DROP_IN],
    free: true,
    fees: null,
    eligibility: null,
    kinds: [MSO, INI, WEL],
    capacity: null,
  },
  {
    key: 'hausaufgaben',
    name: 'Hausaufgabenhilfe',
    description: 'Ehrenamtliche helfen bei Hausaufgaben, zweimal pro Woche (fiktives Beispiel).',
    fields: ['sozialpaedagogik'],
    concept: 'ik2008-sprache-bildung',
    targets: ['kinder', 'jugendliche'],
    access: [DROP_IN, APPOINTMENT],
    free: true,
    fees: null,
    eligibility: 'Schülerinnen und Schüler der Klassen 1–10',
    kinds: [INI, MSO, WEL],
    capacity: [10, 20],
  },
  {
    key: 'jugendtreff',
    name: 'Offener Jugendtreff',
    description: 'Freizeitangebote, Gespräche, Unterstützung im Alltag (fiktives Beispiel).',
    fields: ['sozialpaedagogik'],
    concept: 'ik2008-freizeit-kultur-religion',
    targets: ['jugendliche'],
    access: [DROP_IN],
    free: true,
    fees: null,
    eligibility: 'Jugendliche von 12 bis 21 Jahren',
    kinds: [WEL, PUB, INI],
    capacity: null,
  },
  {
    key: 'mso-beratung',
    name: 'Vereinsberatung für Migrant*innenorganisationen',
    description: 'Satzung, Förderanträge, Buchhaltung: Unterstützung für Vereine (fiktives Beispiel).',
    fields: ['mso'],
    concept: 'ik2008-politik-recht',
    targets: ['ehrenamtliche', 'fachkraefte'],
    access: [APPOINTMENT],
    free: true,
    fees: null,
    eligibility: 'Vereine und Initiativen von Zugewanderten',
    kinds: [PUB, WEL, EDU],
    capacity: null,
  },
  {
    key: 'mso-jugend',
    name: 'Jugendgruppe',
    description: 'Treffen, Sport und Ausflüge der Jugendgruppe des Vereins (fiktives Beispiel).',
    fields: ['mso', 'sozialpaedagogik'],
    concept: 'ik2008-freizeit-kultur-religion',
    targets: ['jugendliche'],
    access: [DROP_IN],
    free: true,
    fees: null,
    eligibility: null,
    kinds: [MSO],
    capacity: [10, 30],
    communityLanguages: true,
  },
  {
    key: 'kulturabend',
    name: 'Interkulturelle Begegnungsabende',
    description: 'Musik, Essen und Gespräche einmal im Monat (fiktives Beispiel).',
    fields: ['dialog'],
    concept: 'ik2008-freizeit-kultur-religion',
    targets: ['neuzugewanderte', 'familien'],
    access: [DROP_IN],
    free: true,
    fees: null,
    eligibility: null,
    kinds: [MSO, INI],
    capacity: null,
  },
  {
    key: 'beteiligung',
    name: 'Beteiligungswerkstatt im Quartier',
    description: 'Zugewanderte bringen sich in die Stadtteilplanung ein (fiktives Beispiel).',
    fields: ['dialog'],
    concept: 'ik2008-politik-recht',
    targets: ['neuzugewanderte', 'ehrenamtliche'],
    access: [DROP_IN],
    free: true,
    fees: null,
    eligibility: null,
    kinds: [PUB, INI],
    capacity: null,
  },
  {
    key: 'lotsen',
    name: 'Koordination ehrenamtlicher Lots*innen',
    description: 'Vermittlung, Schulung und Begleitung von Ehrenamtlichen (fiktives Beispiel).',
    fields: ['kooperation'],
    concept: null,
    targets: ['ehrenamtliche'],
    access: [APPOINTMENT],
    free: true,
    fees: null,
    eligibility: null,
    kinds: [WEL, CNS, INI],
    capacity: null,
  },
  {
    key: 'netzwerktreffen',
    name: 'Stadtteil-Netzwerktreffen Migration',
    description: 'Austausch der Fachkräfte im Stadtteil, vierteljährlich (fiktives Beispiel).',
    fields: ['kooperation'],
    concept: null,
    targets: ['fachkraefte'],
    access: [APPOINTMENT],
    free: true,
    fees: null,
    eligibility: 'Fachkräfte und Ehrenamtliche im Stadtteil',
    kinds: [PUB, WEL],
    capacity: null,
  },
  {
    key: 'iko-schulung',
    name: 'Schulungen zur interkulturellen Öffnung',
    description: 'Fortbildungen für Verwaltung und soziale Dienste (fiktives Beispiel).',
    fields: ['interkulturelle-oeffnung'],
    concept: 'ik2008-politik-recht',
    targets: ['fachkraefte'],
    access: [APPOINTMENT],
    free: false,
    fees: 'Teilnahmegebühr nach Vereinbarung (fiktiv)',
    eligibility: 'Fachkräfte',
    kinds: [EDU, PUB],
    capacity: [8, 16],
  },
  {
    key: 'personal',
    name: 'Beratung zu interkultureller Personalgewinnung',
    description: 'Für Personalstellen kommunaler und freier Träger (fiktives Beispiel).',
    fields: ['personalwirtschaft'],
    concept: null,
    targets: ['fachkraefte'],
    access: [APPOINTMENT],
    free: true,
    fees: null,
    eligibility: null,
    kinds: [PUB],
    capacity: null,
  },
  {
    key: 'senioren',
    name: 'Treffpunkt für ältere Zugewanderte',
    description: 'Kaffee, Gymnastik und Beratung in mehreren Sprachen (fiktives Beispiel).',
    fields: ['dialog', 'sozialpaedagogik'],
    concept: 'ik2008-freizeit-kultur-religion',
    targets: ['senioren'],
    access: [DROP_IN],
    free: true,
    fees: null,
    eligibility: 'Menschen ab 60 Jahren',
    kinds: [MSO, WEL],
    capacity: null,
  },
  {
    key: 'studierende',
    name: 'Beratung für internationale Studierende',
    description: 'Wohnen, Finanzierung, Aufenthalt während des Studiums (fiktives Beispiel).',
    fields: ['beratung-migration'],
    concept: null,
    targets: ['studierende'],
    access: [APPOINTMENT, DROP_IN],
    free: true,
    fees: null,
    eligibility: 'Studierende und Studieninteressierte',
    kinds: [CNS, EDU],
    capacity: null,
  },
  {
    key: 'sprachmittlung',
    name: 'Sprachmittlung und Begleitung',
    description: 'Ehrenamtliche begleiten zu Ärzten und Ämtern (fiktives Beispiel).',
    fields: ['beratung', 'kooperation'],
    concept: null,
    targets: ['gefluechtete', 'neuzugewanderte'],
    access: [APPOINTMENT, REFERRAL],
    free: true,
    fees: null,
    eligibility: null,
    kinds: [MSO, INI, CNS],
    capacity: null,
    communityLanguages: true,
  },
];

// --------------------------------------------------------------------------------------------- opening hours

export interface SchedulePattern {
  days: readonly Weekday[];
  opensAt: string;
  closesAt: string;
  description: string | null;
}

const { MO, TU, WE, TH, FR, SA } = Weekday;

/** Each location gets one or two of these. */
export const SCHEDULE_PATTERNS: Readonly<
  Record<'office' | 'afternoon' | 'evening' | 'morning' | 'saturday' | 'mixed', readonly SchedulePattern[]>
> = {
  office: [
    { days: [MO, TU, WE, TH], opensAt: '09:00', closesAt: '16:00', description: null },
    { days: [FR], opensAt: '09:00', closesAt: '12:00', description: null },
  ],
  afternoon: [{ days: [TU, TH], opensAt: '14:00', closesAt: '18:00', description: 'Offene Sprechzeit' }],
  evening: [{ days: [WE], opensAt: '18:00', closesAt: '20:30', description: 'Treffen' }],
  morning: [{ days: [MO, WE, FR], opensAt: '08:30', closesAt: '12:30', description: 'Kurszeiten' }],
  saturday: [{ days: [SA], opensAt: '10:00', closesAt: '14:00', description: null }],
  mixed: [
    { days: [MO], opensAt: '10:00', closesAt: '13:00', description: null },
    { days: [TH], opensAt: '15:00', closesAt: '19:00', description: 'ohne Termin' },
  ],
};

export type SchedulePatternKey = keyof typeof SCHEDULE_PATTERNS;

export const SCHEDULE_PREFERENCES: Readonly<Record<OrganisationKind, readonly SchedulePatternKey[]>> = {
  [MSO]: ['evening', 'saturday', 'mixed'],
  [EDU]: ['morning', 'office', 'afternoon'],
  [CNS]: ['office', 'afternoon', 'mixed'],
  [WEL]: ['office', 'afternoon'],
  [PUB]: ['office', 'mixed'],
  [INI]: ['evening', 'afternoon', 'saturday'],
};
