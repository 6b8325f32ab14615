import { TaxonomyKind } from './enums';

export interface TaxonomyDefinition {
  id: string;
  kind: TaxonomyKind;
  nameDe: string;
  nameEn: string;
  description: string;
  source: string | null;
}

export interface TermDefinition {
  code: string;
  taxonomyId: string;
  nameDe: string;
  nameEn: string;
  description: string | null;
  parentCode: string | null;
  /** false for city-wide fields that are not bound to a place (not mapped as spatial gaps). */
  spatial: boolean;
}

export const COUNCIL_MOTION_TAXONOMY = 'ratsantrag';
export const CONCEPT_2008_TAXONOMY = 'integrationskonzept-2008';
export const TARGET_GROUP_TAXONOMY = 'zielgruppen';

const MOTION_SOURCE =
  'Ratsantrag „Entwicklung von Leitzielen und Erstellung eines Konzeptes ‚Integration in Göttingen‘“ (Aufgabenfelder der Begründung)';

export const TAXONOMIES: readonly TaxonomyDefinition[] = [
  {
    id: COUNCIL_MOTION_TAXONOMY,
    kind: TaxonomyKind.FIELD_OF_ACTION,
    nameDe: 'Handlungsfelder (Ratsantrag)',
    nameEn: 'Fields of action (council motion)',
    description: 'The fields of action named in the council motion; the default taxonomy of Partneratlas.',
    source: MOTION_SOURCE,
  },
  {
    id: CONCEPT_2008_TAXONOMY,
    kind: TaxonomyKind.FIELD_OF_ACTION,
    nameDe: 'Handlungsfelder Integrationskonzept 2008',
    nameEn: 'Fields of action of the 2008 integration concept',
    description:
      'The four Handlungsfelder of the Kommunales Integrationskonzept der Stadt Göttingen (adopted by the council on 6 February 2009).',
    source: 'https://www.goettingen.de/rathaus/konzepte/lebenssituationen/integration.html',
  },
  {
    id: TARGET_GROUP_TAXONOMY,
    kind: TaxonomyKind.TARGET_GROUP,
    nameDe: 'Zielgruppen',
    nameEn: 'Target groups',
    description: 'Who a service is meant for.',
    source: null,
  },
];

const m = (
  code: string,
  nameDe: string,
  nameEn: string,
  description: string | null,
  parentCode: string | null = null,
  spatial = true,
): TermDefinition => ({ code, taxonomyId: COUNCIL_MOTION_TAXONOMY, nameDe, nameEn, description, parentCode, spatial });

export const FIELD_OF_ACTION_TERMS: readonly TermDefinition[] = [
  m(
    'sprache',
    'Sprache und Sprachkurse',
    'Language and language courses',
    'Deutschkurse, Integrations- und Berufssprachkurse, herkunftssprachlicher Unterricht.',
  ),
  m('sprache-integrationskurs', 'Integrations- und Berufssprachkurse', 'Integration and job-related language courses', null, 'sprache'),
  m('sprache-herkunftssprache', 'Herkunftssprachlicher Unterricht', 'Heritage-language teaching', null, 'sprache'),
  m('arbeit', 'Arbeit und Ausbildung', 'Work and vocational training', 'Integration in Arbeit und Ausbildung.'),
  m('frauen-familie', 'Frauen und Familie', 'Women and families', 'Förderung von Frauen und Stärkung der Familien.'),
  m(
    'fruehkindlich',
    'Frühkindliche Bildung und Kinderbetreuung',
    'Early childhood education and childcare',
    'Frühzeitige Kinderbetreuung.',
  ),
  m('sozialpaedagogik', 'Sozialpädagogische Hilfen', 'Socio-pedagogical help', 'Sozialpädagogische Hilfestellungen.'),
  m(
    'mso',
    'Förderung von Migrant*innenselbstorganisationen',
    'Support for migrant self-organisations',
    'Förderung von Migrant*innenselbstorganisationen.',
  ),
  m(
    'beratung',
    'Beratung (Migrations- und Flüchtlingsberatung)',
    'Counselling (migration and refugee counselling)',
    'Förderung von Beratungseinrichtungen.',
  ),
  m('beratung-migration', 'Migrationsberatung', 'Migration counselling', null, 'beratung'),
  m('beratung-flucht', 'Flüchtlingsberatung', 'Refugee counselling', null, 'beratung'),
  m('kooperation', 'Kooperative Migrationsarbeit', 'Cooperative migration work', 'Stärkung der kooperativen Migrationsarbeit.'),
  m(
    'dialog',
    'Gesellschaftlicher Dialog und Partizipation',
    'Dialogue and participation',
    'Förderung des gesellschaftlichen Dialogs und der Partizipation von Migrant*innen.',
  ),
  m(
    'interkulturelle-oeffnung',
    'Interkulturelle Öffnung von Verwaltung und Daseinsvorsorge',
    'Intercultural opening of the administration and public services',
    'Interkulturelle Öffnung der Verwaltung und kommunaler Dienstleistungen der Daseinsvorsorge, auch in freier Trägerschaft. Stadtweit, nicht ortsgebunden.',
    null,
    false,
  ),
  m(
    'personalwirtschaft',
    'Integration in der kommunalen Personalwirtschaft',
    'Integration in municipal human resources',
    'Integrationspolitik in der kommunalen Personalwirtschaft. Stadtweit, nicht ortsgebunden.',
    null,
    false,
  ),
];

const c = (code: string, nameDe: string, nameEn: string): TermDefinition => ({
  code,
  taxonomyId: CONCEPT_2008_TAXONOMY,
  nameDe,
  nameEn,
  description: null,
  parentCode: null,
  spatial: true,
});

export const CONCEPT_2008_TERMS: readonly TermDefinition[] = [
  c('ik2008-sprache-bildung', 'Sprache und Bildung', 'Language and education'),
  c('ik2008-arbeit-soziales', 'Arbeit und Soziales', 'Work and social affairs'),
  c('ik2008-freizeit-kultur-religion', 'Freizeit, Kultur und Religion', 'Leisure, culture and religion'),
  c('ik2008-politik-recht', 'Politik und Recht', 'Politics and law'),
];

const t = (code: string, nameDe: string, nameEn: string, parentCode: string | null = null): TermDefinition => ({
  code,
  taxonomyId: TARGET_GROUP_TAXONOMY,
  nameDe,
  nameEn,
  description: null,
  parentCode,
  spatial: true,
});

export const TARGET_GROUP_TERMS: readonly TermDefinition[] = [
  t('gefluechtete', 'Geflüchtete', 'Refugees'),
  t('neuzugewanderte', 'Neuzugewanderte', 'Newly arrived migrants'),
  t('eu-zugewanderte', 'Zugewanderte aus der EU', 'EU migrants'),
  t('frauen', 'Frauen', 'Women'),
  t('familien', 'Familien und Eltern', 'Families and parents'),
  t('kinder', 'Kinder', 'Children'),
  t('jugendliche', 'Jugendliche und junge Erwachsene', 'Young people'),
  t('senioren', 'Ältere Menschen', 'Older people'),
  t('studierende', 'Studierende', 'Students'),
  t('arbeitsuchende', 'Arbeit- und Ausbildungsuchende', 'Job and apprenticeship seekers'),
  t('fachkraefte', 'Fachkräfte und Multiplikator*innen', 'Professionals and multipliers'),
  t('ehrenamtliche', 'Ehrenamtliche', 'Volunteers'),
];

export const ALL_TERMS: readonly TermDefinition[] = [...FIELD_OF_ACTION_TERMS, ...CONCEPT_2008_TERMS, ...TARGET_GROUP_TERMS];
