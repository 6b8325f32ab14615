import type { DataSource } from 'typeorm';
import { OrganisationKind, PublicationStatus, VerificationStatus } from '@partneratlas/shared';
import type { PhoneValue } from '../../modules/organisations/organisation.entity';
import { DATA_FILES, type RealOrganisationRecord, loadRealOrganisationRecords } from './data-files';
import { stableUuid } from './prng';
import { NETWORK_NAME } from './reference';
import { cast, inTransaction, insertRows, pointEwkt } from './sql';

/** Marks a CSV row that is a network, not an organisation: it enriches the network record instead. */
export const NETWORK_CATEGORY = 'NETWORK' as const;

/**
 * The `category` column of goettingen_integration_organisations.csv → organisation kind. Written out in
 * full: a new or changed category fails the import until someone maps it here.
 */
export const CATEGORY_KIND: Readonly<Record<string, OrganisationKind | typeof NETWORK_CATEGORY>> = {
  'counselling; education': OrganisationKind.COUNSELLING_SERVICE,
  'initiative (health)': OrganisationKind.INITIATIVE_OTHER,
  'migrant self-organisation (language/culture)': OrganisationKind.MIGRANT_SELF_ORGANISATION,
  'education (language/integration courses)': OrganisationKind.EDUCATION_PROVIDER,
  // an elected body of the city (advisory council): public side, not a club
  'participation body (elected representation of migrants)': OrganisationKind.PUBLIC_AUTHORITY,
  // the Netzwerk Migration is a network: it is the network record of seedReference, not an organisation
  'network (>50 organisations in city and county)': NETWORK_CATEGORY,
  'public authority (municipal)': OrganisationKind.PUBLIC_AUTHORITY,
  'public authority (county)': OrganisationKind.PUBLIC_AUTHORITY,
  'counselling (young migrants)': OrganisationKind.COUNSELLING_SERVICE,
  'provider (education/social)': OrganisationKind.EDUCATION_PROVIDER,
  'education (cooperative of education providers)': OrganisationKind.EDUCATION_PROVIDER,
  'NGO (migration, interculturality, global learning)': OrganisationKind.INITIATIVE_OTHER,
  // operator not stated in the source
  'coordination office': OrganisationKind.INITIATIVE_OTHER,
  'legal information (students)': OrganisationKind.COUNSELLING_SERVICE,
  education: OrganisationKind.EDUCATION_PROVIDER,
  'welfare organisation': OrganisationKind.WELFARE_ASSOCIATION,
  // legal form of the (historic) body not stated in the source
  'employment services': OrganisationKind.INITIATIVE_OTHER,
  'counselling (church parish)': OrganisationKind.COUNSELLING_SERVICE,
  'youth facility': OrganisationKind.INITIATIVE_OTHER,
  "children's facility": OrganisationKind.INITIATIVE_OTHER,
  // SOURCES.md lists the Ost-West-Club among the migrant self-organisations found
  'community association': OrganisationKind.MIGRANT_SELF_ORGANISATION,
  'migrant self-organisation': OrganisationKind.MIGRANT_SELF_ORGANISATION,
  'culture (independent theatre on flight and migration)': OrganisationKind.INITIATIVE_OTHER,
  'volunteer initiative (encounter)': OrganisationKind.INITIATIVE_OTHER,
};

export interface RealOrganisationRow {
  id: string;
  kind: OrganisationKind;
  name: string;
  description: string | null;
  website: string | null;
  email: string | null;
  phones: PhoneValue[];
  sourceNote: string;
}

export interface RealLocationRow {
  id: string;
  organisationId: string;
  name: string | null;
  street: string;
  postcode: string | null;
  city: string | null;
  /** Only coordinates given in the data file (none at present); never geocoded. */
  point: { lat: number; lon: number } | null;
}

export interface RealOrganisationPlan {
  organisations: RealOrganisationRow[];
  locations: RealLocationRow[];
  skipped: { name: string; reason: string }[];
}

export const realOrganisationId = (name: string): string => stableUuid(`real-org:${name}`);

/**
 * "Neustadt 18 (Forum Kirche und Diakonie)" → street "Neustadt 18", location name "Forum Kirche und Diakonie".
 * Returns null when the text is no street address with a house number (e.g. "Holtenser Berg (street not stated)").
 */
export function parseStreet(text: string): { street: string; name: string | null } | null {
  const match = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(text);
  const street = (match ? match[1] : text).trim();
  const name = match ? match[2].trim() : null;
  if (!/\d/.test(street) || /not stated/i.test(text)) return null;
  return { street, name: name === '' ? null : name };
}

function sourceNote(r: RealOrganisationRecord, placeWithoutStreet: string | null): string {
  return [
    `Import aus ${DATA_FILES.organisations} (ungeprüft; nichts ergänzt, keine Koordinaten ermittelt).`,
    `Quellen: ${r.sourceUrls.join(' ; ')}`,
    r.addressAsOf ? `Stand der Angaben: ${r.addressAsOf}` : null,
    r.verificationStatus ? `Prüfstatus laut Quelle: ${r.verificationStatus}` : null,
    placeWithoutStreet ? `Ortsangabe ohne Straße: ${placeWithoutStreet}` : null,
    r.notes ? `Hinweise: ${r.notes}` : null,
  ]
    .filter((s): s is string => s !== null)
    .join(' · ');
}

/** Pure mapping of the CSV records to rows; throws on a category that has no mapping. */
export function planRealOrganisations(records: readonly RealOrganisationRecord[]): RealOrganisationPlan {
  const plan: RealOrganisationPlan = { organisations: [], locations: [], skipped: [] };
  const seen = new Set<string>();
  for (const r of records) {
    const kind = CATEGORY_KIND[r.category];
    if (kind === undefined) throw new Error(`${DATA_FILES.organisations}: no kind mapped for category "${r.category}" (${r.name})`);
    if (kind === NETWORK_CATEGORY) {
      plan.skipped.push({ name: r.name, reason: r.name === NETWORK_NAME ? 'a network: it is the network record' : 'a network' });
      continue;
    }
    if (seen.has(r.name)) throw new Error(`${DATA_FILES.organisations}: duplicate name "${r.name}"`);
    seen.add(r.name);
    const id = realOrganisationId(r.name);
    const address = r.street ? parseStreet(r.street) : null;
    plan.organisations.push({
      id,
      kind,
      name: r.name,
      description: r.servicesDescribed,
      website: r.website,
      email: r.email,
      phones: r.phone ? [{ number: r.phone, description: null }] : [],
      sourceNote: sourceNote(r, r.street && !address ? r.street : null),
    });
    if (address) {
      plan.locations.push({
        id: stableUuid(`real-org:${r.name}/location-1`),
        organisationId: id,
        name: address.name,
        street: address.street,
        postcode: r.postcode,
        city: r.city,
        point: r.point,
      });
    }
  }
  return plan;
}

export interface RealOrganisationsSummary {
  inserted: number;
  /** Already present (possibly edited since): left untouched. */
  existing: number;
  locations: number;
  skipped: { name: string; reason: string }[];
}

/**
 * Imports the real organisations of the CSV as UNVERIFIED, PUBLISHED, non-demo entries. Insert-only by a
 * stable id derived from the name: an entry that exists already (and may have been corrected or verified
 * by an editor since) is never overwritten, and its location is only created with the entry itself.
 * No services, coordinates or districts are invented.
 */
export async function seedRealOrganisations(
  ds: DataSource,
  records: readonly RealOrganisationRecord[] = loadRealOrganisationRecords(),
): Promise<RealOrganisationsSummary> {
  const plan = planRealOrganisations(records);
  return inTransaction(ds, async (sql) => {
    const { returned } = await insertRows<RealOrganisationRow, { id: string }>(
      sql,
      {
        table: 'organization',
        columns: [
          { name: 'id', value: (o) => o.id, sql: cast('uuid') },
          { name: 'kind', value: (o) => o.kind, sql: cast('organisation_kind') },
          { name: 'name', value: (o) => o.name },
          { name: 'description', value: (o) => o.description, sql: cast('text') },
          { name: 'website', value: (o) => o.website, sql: cast('text') },
          { name: 'email', value: (o) => o.email, sql: cast('text') },
          { name: 'phones', value: (o) => JSON.stringify(o.phones), sql: cast('jsonb') },
          { name: 'verification_status', value: () => VerificationStatus.UNVERIFIED, sql: cast('verification_status') },
          { name: 'status', value: () => PublicationStatus.PUBLISHED, sql: cast('publication_status') },
          { name: 'is_demo', value: () => false, sql: cast('boolean') },
          { name: 'source_note', value: (o) => o.sourceNote },
        ],
        suffix: 'ON CONFLICT (id) DO NOTHING RETURNING id',
      },
      plan.organisations,
    );
    const inserted = new Set(returned.map((r) => r.id));
    const { affected: locations } = await insertRows<RealLocationRow>(
      sql,
      {
        table: 'location',
        columns: [
          { name: 'id', value: (l) => l.id, sql: cast('uuid') },
          { name: 'organisation_id', value: (l) => l.organisationId, sql: cast('uuid') },
          { name: 'name', value: (l) => l.name, sql: cast('text') },
          { name: 'street', value: (l) => l.street },
          { name: 'postcode', value: (l) => l.postcode, sql: cast('text') },
          { name: 'city', value: (l) => l.city, sql: cast('text') },
          {
            name: 'geom',
            value: (l) => (l.point ? pointEwkt(l.point.lon, l.point.lat) : null),
            sql: (p) => `ST_GeogFromText(${p}::text)`,
          },
        ],
        suffix: 'ON CONFLICT (id) DO NOTHING',
      },
      plan.locations.filter((l) => inserted.has(l.organisationId)),
    );
    await sql.query(`SELECT pa_refresh_organisations($1::uuid[])`, [plan.organisations.map((o) => o.id)]);
    return { inserted: inserted.size, existing: plan.organisations.length - inserted.size, locations, skipped: plan.skipped };
  });
}
