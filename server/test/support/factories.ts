import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  ALL_TERMS,
  AreaKind,
  AttendingAccess,
  MembershipRole,
  OrganisationKind,
  PublicationStatus,
  RelationshipType,
  TAXONOMIES,
  UserRole,
  VerificationStatus,
} from '@partneratlas/shared';
import { hashPassword } from '../../src/modules/accounts/password';

/** Loads the taxonomies and terms of the shared package (reference data every test needs). */
export async function createTaxonomies(ds: DataSource): Promise<void> {
  for (const t of TAXONOMIES) {
    await ds.query(
      `INSERT INTO taxonomy (id, kind, name_de, name_en, description, source) VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT DO NOTHING`,
      [t.id, t.kind, t.nameDe, t.nameEn, t.description, t.source],
    );
  }
  let order = 0;
  for (const t of ALL_TERMS) {
    await ds.query(
      `INSERT INTO taxonomy_term (code, taxonomy_id, name_de, name_en, description, parent_code, spatial, sort_order)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8) ON CONFLICT DO NOTHING`,
      [t.code, t.taxonomyId, t.nameDe, t.nameEn, t.description, t.parentCode, t.spatial, order++],
    );
  }
}

export interface AreaSpec {
  name: string;
  code?: string;
  kind?: AreaKind;
  point?: { lat: number; lng: number } | null;
  population?: number | null;
  year?: number;
}

export async function createArea(ds: DataSource, spec: AreaSpec): Promise<string> {
  const id = randomUUID();
  await ds.query(
    `INSERT INTO area (id, kind, name, code, point) VALUES ($1, $2, $3, $4,
       CASE WHEN $5::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint($5::float8, $6::float8), 4326) END)`,
    [id, spec.kind ?? AreaKind.DISTRICT, spec.name, spec.code ?? `test-${id}`, spec.point?.lng ?? null, spec.point?.lat ?? null],
  );
  if (spec.population !== undefined) {
    await ds.query(`INSERT INTO area_statistic (area_id, year, population) VALUES ($1, $2, $3)`, [id, spec.year ?? 2019, spec.population]);
  }
  return id;
}

export async function createNetwork(ds: DataSource, name: string): Promise<string> {
  const [{ id }] = await ds.query(`INSERT INTO network (name) VALUES ($1) RETURNING id`, [name]);
  return id;
}

export interface ServiceSpec {
  name: string;
  description?: string;
  fields?: string[];
  targetGroups?: string[];
  languages?: string[];
  status?: PublicationStatus;
  attendingAccess?: AttendingAccess[];
  fees?: string | null;
  free?: boolean | null;
}

export interface LocationSpec {
  lat?: number;
  lng?: number;
  areaId?: string | null;
  street?: string;
  postcode?: string;
  schedules?: { byday: string; opensAt: string; closesAt: string }[];
}

export interface OrganisationSpec {
  name: string;
  kind?: OrganisationKind;
  alternateName?: string | null;
  description?: string | null;
  languages?: string[];
  status?: PublicationStatus;
  isDemo?: boolean;
  verificationStatus?: VerificationStatus;
  parentId?: string | null;
  locations?: LocationSpec[];
  services?: ServiceSpec[];
  networks?: { networkId: string; role?: MembershipRole; until?: string | null }[];
}

/** Creates an organisation with its locations, services and memberships, and refreshes its search document. */
export async function createOrganisation(ds: DataSource, spec: OrganisationSpec): Promise<string> {
  const id = randomUUID();
  await ds.query(
    `INSERT INTO organization (id, kind, name, alternate_name, description, languages, status, is_demo, verification_status, parent_organisation_id)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
    [
      id,
      spec.kind ?? OrganisationKind.COUNSELLING_SERVICE,
      spec.name,
      spec.alternateName ?? null,
      spec.description ?? null,
      spec.languages ?? ['de'],
      spec.status ?? PublicationStatus.PUBLISHED,
      spec.isDemo ?? false,
      spec.verificationStatus ?? VerificationStatus.VERIFIED,
      spec.parentId ?? null,
    ],
  );
  const locationIds: string[] = [];
  for (const l of spec.locations ?? []) {
    const [{ id: locId }] = await ds.query(
      `INSERT INTO location (organisation_id, street, postcode, city, geom, area_id) VALUES ($1, $2, $3, 'Göttingen',
         CASE WHEN $4::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint($4::float8, $5::float8), 4326)::geography END, $6) RETURNING id`,
      [id, l.street ?? null, l.postcode ?? null, l.lng ?? null, l.lat ?? null, l.areaId ?? null],
    );
    locationIds.push(locId);
    for (const s of l.schedules ?? []) {
      await ds.query(`INSERT INTO schedule (location_id, byday, opens_at, closes_at) VALUES ($1, $2, $3, $4)`, [
        locId,
        s.byday,
        s.opensAt,
        s.closesAt,
      ]);
    }
  }
  for (const s of spec.services ?? []) {
    const [{ id: serviceId }] = await ds.query(
      `INSERT INTO service (organisation_id, name, description, languages, status, attending_access, fees, free)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`,
      [
        id,
        s.name,
        s.description ?? null,
        s.languages ?? [],
        s.status ?? PublicationStatus.PUBLISHED,
        s.attendingAccess ?? [],
        s.fees ?? null,
        s.free ?? null,
      ],
    );
    for (const code of [...(s.fields ?? []), ...(s.targetGroups ?? [])]) {
      await ds.query(`INSERT INTO service_taxonomy_term (service_id, term_code) VALUES ($1, $2)`, [serviceId, code]);
    }
    for (const locId of locationIds) {
      await ds.query(`INSERT INTO service_at_location (service_id, location_id) VALUES ($1, $2)`, [serviceId, locId]);
    }
  }
  for (const n of spec.networks ?? []) {
    await ds.query(`INSERT INTO network_membership (network_id, organisation_id, role, until) VALUES ($1, $2, $3, $4)`, [
      n.networkId,
      id,
      n.role ?? MembershipRole.MEMBER,
      n.until ?? null,
    ]);
  }
  await ds.query('SELECT pa_refresh_organisations($1::uuid[])', [[id]]);
  return id;
}

export async function createRelationship(
  ds: DataSource,
  source: string,
  target: string,
  type = RelationshipType.COOPERATION,
): Promise<string> {
  const [{ id }] = await ds.query(
    `INSERT INTO organisation_relationship (source_organisation_id, target_organisation_id, type) VALUES ($1, $2, $3) RETURNING id`,
    [source, target, type],
  );
  return id;
}

/** Moves a point `meters` east of (lat, lng) — enough precision for tests at city scale. */
export function east(lat: number, lng: number, meters: number): { lat: number; lng: number } {
  return { lat, lng: lng + meters / (111_320 * Math.cos((lat * Math.PI) / 180)) };
}

export interface UserSpec {
  email: string;
  role: UserRole;
  /** Default: a password that passes the policy (see TEST_PASSWORD). */
  password?: string | null;
  organisationIds?: string[];
  trusted?: boolean;
  displayName?: string;
  disabled?: boolean;
}

/** Passes the password policy (12+ characters, not common). */
export const TEST_PASSWORD = 'Lindenblüte-Weende-2026';

/** A user with an argon2id password (through the app's own hashing). */
export async function createUser(ds: DataSource, spec: UserSpec): Promise<string> {
  const id = randomUUID();
  const password = spec.password === undefined ? TEST_PASSWORD : spec.password;
  await ds.query(
    `INSERT INTO app_user (id, email, display_name, password_hash, role, trusted, disabled_at) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
    [
      id,
      spec.email.toLowerCase(),
      spec.displayName ?? null,
      password === null ? null : await hashPassword(password),
      spec.role,
      spec.trusted ?? false,
      spec.disabled ? new Date() : null,
    ],
  );
  for (const org of spec.organisationIds ?? []) {
    await ds.query(`INSERT INTO user_organisation (user_id, organisation_id) VALUES ($1, $2)`, [id, org]);
  }
  return id;
}
