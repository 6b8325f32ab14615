import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { COUNCIL_MOTION_TAXONOMY, TaxonomyKind, VerificationStatus } from '@partneratlas/shared';
import { FieldsOfActionService } from '../fields-of-action/fields-of-action.service';
import { Organisation } from '../organisations/dto/organisation.model';
import { OrganisationNotFoundException } from '../organisations/organisations.exception';
import { ANONYMOUS, Viewer } from '../organisations/organisations.service';
import { PartnerSuggestionInput, PartnerSuggestionsArgs } from './dto/partner-suggestion.input';
import { PartnerSuggestion } from './dto/partner-suggestion.model';
import { reasons, score, ScoreComponent, Term } from './partner-scoring';
import { buildSuggestionQuery, SuggestionQuery, SuggestionRow } from './partner-suggestions.sql';
import { InvalidPartnerInputException } from './partners.exception';

/** The network whose membership counts as a component (the real one of the seed; see seed/reference.ts). */
export const NETWORK_MIGRATION_NAME = 'Netzwerk Migration Region Göttingen';

/** Organisation mode: distance at which the distance component reaches 0, unless radiusMeters says otherwise. */
export const DEFAULT_DISTANCE_SCALE = 5000;

interface Reference {
  id: string;
  fieldCodes: string[];
  targetGroupCodes: string[];
  languages: string[];
  points: string | null;
  pointCount: number;
}

@Injectable()
export class PartnersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly terms: FieldsOfActionService,
  ) {}

  /** Ranked partner suggestions with score components and reasons (two statements: ranking, common-partner names). */
  async suggestions(args: PartnerSuggestionsArgs, viewer: Viewer = ANONYMOUS): Promise<PartnerSuggestion[]> {
    const terms = await this.terms.allTerms();
    const q = await this.compile(args.input, args.first, viewer, terms);
    const built = buildSuggestionQuery(q);
    const rows: (Organisation & SuggestionRow)[] = await this.ds.query(built.sql, built.values);
    const viaIds = [...new Set(rows.flatMap((r) => r.via ?? []))];
    const viaNames = new Map<string, string>();
    if (viaIds.length) {
      const named: { id: string; name: string }[] = await this.ds.query(`SELECT id, name FROM organization WHERE id = ANY($1::uuid[])`, [
        viaIds,
      ]);
      for (const n of named) viaNames.set(n.id, n.name);
    }
    const termIndex = new Map<string, Term>(terms.map((t) => [t.code, t]));
    const fieldComponent = q.me ? ScoreComponent.COMPLEMENTARY_FIELDS : ScoreComponent.MATCHING_FIELDS;
    return rows.map((row) => {
      const {
        fieldCodesMatched,
        targetCodesMatched,
        languagesMatched,
        distanceMeters,
        via,
        connected,
        networkRole,
        lastConfirmed,
        vFields,
        vDistance,
        vTargets,
        vLanguages,
        vProximity,
        vNetwork,
        vFreshness,
        ...organisation
      } = row;
      const s = score(q.applicable, {
        [fieldComponent]: vFields,
        [ScoreComponent.DISTANCE]: vDistance,
        [ScoreComponent.TARGET_GROUPS]: vTargets,
        [ScoreComponent.LANGUAGES]: vLanguages,
        [ScoreComponent.NETWORK_PROXIMITY]: vProximity,
        [ScoreComponent.NETWORK_MIGRATION]: vNetwork,
        [ScoreComponent.FRESHNESS]: vFreshness,
      });
      const distance = distanceMeters === null ? null : Number(distanceMeters);
      return {
        organisation,
        score: s.score,
        components: s.components,
        reasons: reasons(
          s.components,
          {
            values: {},
            fieldCodes: fieldCodesMatched,
            targetGroupCodes: targetCodesMatched,
            languages: languagesMatched,
            distanceMeters: distance,
            commonPartners: (via ?? [])
              .map((id) => viaNames.get(id) ?? '')
              .filter(Boolean)
              .sort((a, b) => a.localeCompare(b, 'de')),
            networkRole,
            networkName: NETWORK_MIGRATION_NAME,
            lastConfirmedAt: lastConfirmed,
          },
          termIndex,
        ),
        distanceMeters: distance,
        connected,
        isDemo: organisation.isDemo,
        verified: organisation.verificationStatus === VerificationStatus.VERIFIED,
      };
    });
  }

  /** Validates the input and turns it into the query description. */
  private async compile(
    input: PartnerSuggestionInput,
    first: number,
    viewer: Viewer,
    terms: Awaited<ReturnType<FieldsOfActionService['allTerms']>>,
  ): Promise<SuggestionQuery> {
    if (!!input.organisationId === !!input.need)
      throw new InvalidPartnerInputException('input', 'input needs exactly one of organisationId or need');
    const base = {
      visibleStatuses: viewer.visibleStatuses,
      includeConnected: input.includeConnected ?? false,
      includeDemo: input.includeDemo ?? true,
      networkName: NETWORK_MIGRATION_NAME,
      first,
    };
    if (input.organisationId) {
      const me = await this.reference(input.organisationId, viewer);
      const topLevel = terms.filter((t) => t.taxonomyId === COUNCIL_MOTION_TAXONOMY && t.parentCode === null).map((t) => t.code);
      const lacking = topLevel.filter((c) => !me.fieldCodes.includes(c));
      const languages = me.languages.filter((l) => l !== 'de');
      const applicable = [
        ScoreComponent.COMPLEMENTARY_FIELDS,
        ...(me.points ? [ScoreComponent.DISTANCE] : []),
        ...(me.targetGroupCodes.length ? [ScoreComponent.TARGET_GROUPS] : []),
        ...(languages.length ? [ScoreComponent.LANGUAGES] : []),
        ScoreComponent.NETWORK_PROXIMITY,
        ScoreComponent.NETWORK_MIGRATION,
        ScoreComponent.FRESHNESS,
      ];
      return {
        ...base,
        me: me.id,
        fields: lacking,
        requireFields: true,
        fieldDivisor: 2,
        targets: me.targetGroupCodes,
        languages,
        point: me.points ? { ewkb: me.points, count: me.pointCount } : null,
        radiusMeters: null,
        distanceScale: input.radiusMeters ?? DEFAULT_DISTANCE_SCALE,
        requireLanguageOrTarget: false,
        applicable,
      };
    }
    const need = input.need!;
    const fields = need.fieldsOfAction ?? [];
    const targets = need.targetGroups ?? [];
    const languages = need.languages ?? [];
    if (!fields.length && !targets.length && !languages.length && !need.near)
      throw new InvalidPartnerInputException('input.need', 'need must name fields of action, a place, languages or target groups');
    const known = (kind: TaxonomyKind) => new Set(terms.filter((t) => t.kind === kind).map((t) => t.code));
    const unknownFields = fields.filter((c) => !known(TaxonomyKind.FIELD_OF_ACTION).has(c));
    if (unknownFields.length)
      throw new InvalidPartnerInputException(
        'input.need.fieldsOfAction',
        `Unknown field of action code(s): ${unknownFields.join(', ')}`,
        unknownFields,
      );
    const unknownTargets = targets.filter((c) => !known(TaxonomyKind.TARGET_GROUP).has(c));
    if (unknownTargets.length)
      throw new InvalidPartnerInputException(
        'input.need.targetGroups',
        `Unknown target group code(s): ${unknownTargets.join(', ')}`,
        unknownTargets,
      );
    if (input.includeConnected) throw new InvalidPartnerInputException('input.includeConnected', 'includeConnected needs organisationId');
    const applicable = [
      ...(fields.length ? [ScoreComponent.MATCHING_FIELDS] : []),
      ...(need.near ? [ScoreComponent.DISTANCE] : []),
      ...(targets.length ? [ScoreComponent.TARGET_GROUPS] : []),
      ...(languages.length ? [ScoreComponent.LANGUAGES] : []),
      ScoreComponent.NETWORK_MIGRATION,
      ScoreComponent.FRESHNESS,
    ];
    return {
      ...base,
      me: null,
      fields: [...new Set(fields)],
      requireFields: fields.length > 0,
      fieldDivisor: new Set(fields).size || 1,
      targets: [...new Set(targets)],
      languages: [...new Set(languages)],
      point: need.near ? { lat: need.near.lat, lng: need.near.lng } : null,
      radiusMeters: need.near ? need.near.radiusMeters : null,
      distanceScale: need.near?.radiusMeters ?? DEFAULT_DISTANCE_SCALE,
      requireLanguageOrTarget: !fields.length && !need.near,
      applicable,
    };
  }

  private async reference(id: string, viewer: Viewer): Promise<Reference> {
    const [row] = await this.ds.query(
      `SELECT o.id, o.field_codes AS "fieldCodes", o.target_group_codes AS "targetGroupCodes", o.search_languages AS languages,
              o.location_points_utm::text AS points, coalesce(ST_NumGeometries(o.location_points_utm), 0)::int AS "pointCount"
         FROM organization o WHERE o.id = $1 AND o.status = ANY($2::publication_status[])`,
      [id, viewer.visibleStatuses],
    );
    if (!row) throw new OrganisationNotFoundException(id);
    return row as Reference;
  }
}
