import type { EntityManager } from 'typeorm';
import { EditableEntity, TaxonomyKind } from '@partneratlas/shared';

/**
 * How each editable entity maps to its table: one list of fields drives reading the stored state, writing,
 * diffing, auditing and restoring. `read` is a SQL expression over alias `t` that yields a JSON-safe value.
 */
export interface FieldSpec {
  name: string;
  /** Plain column written with `$n::cast`. */
  column?: string;
  cast?: string;
  read?: string;
  /** SQL for the column value from one parameter (e.g. coordinates → geography). */
  write?: (param: string) => { column: string; sql: string };
  /** Fields stored in join tables are written after the row. */
  sync?: (m: EntityManager, id: string, value: unknown) => Promise<void>;
  /** Must be non-empty on create and cannot be cleared. */
  required?: boolean;
  /** An unordered list: compared and stored sorted. */
  set?: boolean;
  /** Serialised with JSON.stringify for a jsonb parameter. */
  json?: boolean;
  /** Only settable on create (e.g. which organisation a relationship starts from). */
  createOnly?: boolean;
}

export interface EntitySpec {
  type: EditableEntity;
  table: string;
  /** Expression over `t` giving the organisation the entity belongs to (authorisation, moderation, history). */
  organisationExpr: string;
  fields: FieldSpec[];
}

const col = (name: string, column: string, cast: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ name, column, cast, ...extra });
const dateCol = (name: string, column: string): FieldSpec => ({
  name,
  column,
  cast: 'date',
  read: `to_char(t.${column}, 'YYYY-MM-DD')`,
});
const arrayCol = (name: string, column: string, cast: string): FieldSpec => ({
  name,
  column,
  cast,
  read: `to_jsonb(t.${column})`,
  set: true,
});

async function syncTerms(m: EntityManager, serviceId: string, kind: TaxonomyKind, codes: string[]): Promise<void> {
  await m.query(
    `DELETE FROM service_taxonomy_term stt USING taxonomy_term tt, taxonomy tx
      WHERE stt.service_id = $1 AND tt.code = stt.term_code AND tx.id = tt.taxonomy_id AND tx.kind = $2`,
    [serviceId, kind],
  );
  if (codes.length) {
    await m.query(`INSERT INTO service_taxonomy_term (service_id, term_code) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`, [
      serviceId,
      codes,
    ]);
  }
}

const termsRead = (kind: TaxonomyKind) =>
  `COALESCE((SELECT jsonb_agg(stt.term_code ORDER BY stt.term_code) FROM service_taxonomy_term stt
     JOIN taxonomy_term tt ON tt.code = stt.term_code JOIN taxonomy tx ON tx.id = tt.taxonomy_id
    WHERE stt.service_id = t.id AND tx.kind = '${kind}'), '[]'::jsonb)`;

export const ENTITY_SPECS: Record<EditableEntity, EntitySpec> = {
  [EditableEntity.ORGANISATION]: {
    type: EditableEntity.ORGANISATION,
    table: 'organization',
    organisationExpr: 't.id',
    fields: [
      col('kind', 'kind', 'organisation_kind', { required: true }),
      col('name', 'name', 'text', { required: true }),
      col('alternateName', 'alternate_name', 'text'),
      col('description', 'description', 'text'),
      col('website', 'website', 'text'),
      col('email', 'email', 'text'),
      col('phones', 'phones', 'jsonb', { json: true }),
      arrayCol('languages', 'languages', 'text[]'),
      col('yearFounded', 'year_founded', 'int'),
      col('parentOrganisationId', 'parent_organisation_id', 'uuid'),
      // Set by publish/archive/confirm, restorable like any other field.
      col('status', 'status', 'publication_status'),
      dateCol('lastConfirmedAt', 'last_confirmed_at'),
      col('verificationStatus', 'verification_status', 'verification_status'),
    ],
  },
  [EditableEntity.LOCATION]: {
    type: EditableEntity.LOCATION,
    table: 'location',
    organisationExpr: 't.organisation_id',
    fields: [
      col('organisationId', 'organisation_id', 'uuid', { createOnly: true }),
      col('name', 'name', 'text'),
      col('street', 'street', 'text'),
      col('postcode', 'postcode', 'text'),
      col('city', 'city', 'text'),
      {
        name: 'coordinates',
        read: `CASE WHEN t.geom IS NULL THEN NULL ELSE jsonb_build_object(
                 'latitude', round(ST_Y(t.geom::geometry)::numeric, 7), 'longitude', round(ST_X(t.geom::geometry)::numeric, 7)) END`,
        json: true,
        write: (p) => ({
          column: 'geom',
          sql: `CASE WHEN ${p}::jsonb IS NULL OR ${p}::jsonb = 'null'::jsonb THEN NULL ELSE ST_SetSRID(ST_MakePoint((${p}::jsonb->>'longitude')::float8, (${p}::jsonb->>'latitude')::float8), 4326)::geography END`,
        }),
      },
      col('accessibility', 'accessibility', 'text'),
      col('areaId', 'area_id', 'uuid'),
    ],
  },
  [EditableEntity.SERVICE]: {
    type: EditableEntity.SERVICE,
    table: 'service',
    organisationExpr: 't.organisation_id',
    fields: [
      col('organisationId', 'organisation_id', 'uuid', { createOnly: true }),
      col('name', 'name', 'text', { required: true }),
      col('description', 'description', 'text'),
      {
        name: 'fieldsOfAction',
        read: termsRead(TaxonomyKind.FIELD_OF_ACTION),
        set: true,
        sync: (m, id, v) => syncTerms(m, id, TaxonomyKind.FIELD_OF_ACTION, (v as string[] | null) ?? []),
      },
      {
        name: 'targetGroups',
        read: termsRead(TaxonomyKind.TARGET_GROUP),
        set: true,
        sync: (m, id, v) => syncTerms(m, id, TaxonomyKind.TARGET_GROUP, (v as string[] | null) ?? []),
      },
      arrayCol('languages', 'languages', 'text[]'),
      col('fees', 'fees', 'text'),
      col('free', 'free', 'boolean'),
      col('eligibility', 'eligibility', 'text'),
      arrayCol('attendingAccess', 'attending_access', 'attending_access[]'),
      col('capacity', 'capacity', 'int'),
      {
        name: 'locationIds',
        read: `COALESCE((SELECT jsonb_agg(sal.location_id ORDER BY sal.location_id) FROM service_at_location sal WHERE sal.service_id = t.id), '[]'::jsonb)`,
        set: true,
        sync: async (m, id, v) => {
          await m.query(`DELETE FROM service_at_location WHERE service_id = $1`, [id]);
          const ids = (v as string[] | null) ?? [];
          if (ids.length) {
            await m.query(`INSERT INTO service_at_location (service_id, location_id) SELECT $1, unnest($2::uuid[])`, [id, ids]);
          }
        },
      },
      col('status', 'status', 'publication_status'),
    ],
  },
  [EditableEntity.CONTACT_PERSON]: {
    type: EditableEntity.CONTACT_PERSON,
    table: 'contact',
    organisationExpr: 't.organisation_id',
    fields: [
      col('organisationId', 'organisation_id', 'uuid', { createOnly: true }),
      col('name', 'name', 'text', { required: true }),
      col('title', 'title', 'text'),
      col('email', 'email', 'text'),
      col('phone', 'phone', 'text'),
      col('consentToPublish', 'consent_to_publish', 'boolean'),
      dateCol('consentDate', 'consent_date'),
    ],
  },
  [EditableEntity.RELATIONSHIP]: {
    type: EditableEntity.RELATIONSHIP,
    table: 'organisation_relationship',
    organisationExpr: 't.source_organisation_id',
    fields: [
      col('sourceOrganisationId', 'source_organisation_id', 'uuid', { createOnly: true, required: true }),
      col('targetOrganisationId', 'target_organisation_id', 'uuid', { required: true }),
      col('type', 'type', 'relationship_type', { required: true }),
      dateCol('validFrom', 'valid_from'),
      dateCol('validTo', 'valid_to'),
      col('fieldOfActionCode', 'field_of_action_code', 'text'),
      col('note', 'note', 'text'),
    ],
  },
  [EditableEntity.NETWORK_MEMBERSHIP]: {
    type: EditableEntity.NETWORK_MEMBERSHIP,
    table: 'network_membership',
    organisationExpr: 't.organisation_id',
    fields: [
      col('networkId', 'network_id', 'uuid', { createOnly: true, required: true }),
      col('organisationId', 'organisation_id', 'uuid', { createOnly: true, required: true }),
      col('role', 'role', 'membership_role'),
      dateCol('since', 'since'),
      dateCol('until', 'until'),
    ],
  },
};

/** Canonical JSON of a field value for comparisons (sets sorted, numbers of coordinates rounded). */
export function canonical(field: FieldSpec, value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (field.set && Array.isArray(value)) return JSON.stringify([...(value as unknown[])].map(String).sort());
  if (field.name === 'coordinates' && typeof value === 'object') {
    const c = value as { latitude: number; longitude: number };
    return JSON.stringify({ latitude: Number(Number(c.latitude).toFixed(7)), longitude: Number(Number(c.longitude).toFixed(7)) });
  }
  return JSON.stringify(value);
}
