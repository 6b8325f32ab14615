import type { ContactPerson } from '../modules/editing/dto/edit.model';
import { ReviewService } from '../modules/editing/review.service';
import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { TaxonomyKind } from '@partneratlas/shared';
import type { Geometry } from '@partneratlas/shared';
import { groupedLoader, keyedLoader } from '../common/dataloader';
import { AreasService } from '../modules/areas/areas.service';
import { Area, AreaStatistic } from '../modules/areas/dto/area.model';
import { FieldsOfActionService, TermWithKind } from '../modules/fields-of-action/fields-of-action.service';
import { Location, Schedule } from '../modules/locations/dto/location.model';
import { LocationsService } from '../modules/locations/locations.service';
import { Network, NetworkMembership, Relationship } from '../modules/network/dto/network.model';
import { NetworkService } from '../modules/network/network.service';
import { Organisation } from '../modules/organisations/dto/organisation.model';
import { OrganisationsService, Viewer } from '../modules/organisations/organisations.service';
import { Service } from '../modules/services/dto/service.model';
import { ServicesService } from '../modules/services/services.service';

/** The DataLoaders of one request: every relation field is batched, one statement per relation and level. */
export interface Loaders {
  /** One loader per field that points at organisations, so each field is exactly one batch per level. */
  parentOrganisation: DataLoader<string, Organisation | null>;
  memberOrganisation: DataLoader<string, Organisation | null>;
  relatedOrganisation: DataLoader<string, Organisation | null>;
  locationsByOrganisation: DataLoader<string, Location[]>;
  locationsByService: DataLoader<string, Location[]>;
  servicesByOrganisation: DataLoader<string, Service[]>;
  schedulesByLocation: DataLoader<string, Schedule[]>;
  areaById: DataLoader<string, Area | null>;
  areaGeometry: DataLoader<string, Geometry | null>;
  areaStatistics: DataLoader<string, AreaStatistic[]>;
  membershipsByOrganisation: DataLoader<string, NetworkMembership[]>;
  relationshipsByOrganisation: DataLoader<string, Relationship[]>;
  networkById: DataLoader<string, Network | null>;
  contactsByOrganisation: DataLoader<string, ContactPerson[]>;
  pendingChangeCount: DataLoader<string, number>;
  termsOfService(serviceId: string, kind: TaxonomyKind): Promise<TermWithKind[]>;
  termByCode(code: string): Promise<TermWithKind | null>;
}

@Injectable()
export class LoaderFactory {
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly locations: LocationsService,
    private readonly services: ServicesService,
    private readonly areas: AreasService,
    private readonly network: NetworkService,
    private readonly terms: FieldsOfActionService,
    private readonly review: ReviewService,
  ) {}

  create(viewer: Viewer): Loaders {
    const termCodes = groupedLoader(
      (ids: string[]) => this.services.termCodesByServiceIds(ids),
      (r) => r.serviceId,
    );
    const organisationLoader = () =>
      keyedLoader(
        (ids: string[]) => this.organisations.byIds(ids, viewer),
        (o) => o.id,
      );
    const schedulesByLocation = groupedLoader(
      (ids: string[]) => this.locations.schedulesByLocationIds(ids),
      (s) => s.locationId ?? '',
    );
    const networkById = keyedLoader(
      (ids: string[]) => this.network.byIds(ids),
      (n) => n.id,
    );
    let termIndex: Promise<Map<string, TermWithKind>> | null = null;
    const termsByCode = () => (termIndex ??= this.terms.allTerms().then((all) => new Map(all.map((t) => [t.code, t]))));
    return {
      parentOrganisation: organisationLoader(),
      memberOrganisation: organisationLoader(),
      relatedOrganisation: organisationLoader(),
      // Level-1 loaders fetch what their children ask for next (schedules, term codes, networks) in the same
      // statement and prime those loaders: one round trip less for the nested directory query.
      locationsByOrganisation: groupedLoader(
        async (ids: string[]) =>
          (await this.locations.byOrganisationIdsWithSchedules(ids)).map(({ schedules, ...location }) => {
            schedulesByLocation.prime(location.id, schedules);
            return location;
          }),
        (l) => l.organisationId,
      ),
      locationsByService: groupedLoader(
        (ids: string[]) => this.locations.byServiceIds(ids),
        (l) => l.serviceId,
      ),
      servicesByOrganisation: groupedLoader(
        async (ids: string[]) =>
          (await this.services.byOrganisationIds(ids)).map(({ termCodes: codes, ...service }) => {
            termCodes.prime(
              service.id,
              codes.map((termCode) => ({ serviceId: service.id, termCode })),
            );
            return service;
          }),
        (s) => s.organisationId,
      ),
      schedulesByLocation,
      areaById: keyedLoader(
        (ids: string[]) => this.areas.byIds(ids),
        (a) => a.id,
      ),
      areaGeometry: new DataLoader(async (ids: readonly string[]) => {
        const rows = await this.areas.geometriesByIds([...ids]);
        const byId = new Map(rows.map((r) => [r.id, r.geometry]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
      areaStatistics: groupedLoader(
        (ids: string[]) => this.areas.statisticsByAreaIds(ids),
        (s) => s.areaId,
      ),
      membershipsByOrganisation: groupedLoader(
        async (ids: string[]) =>
          (await this.network.membershipsByOrganisationIds(ids)).map(({ network, ...membership }) => {
            if (network) networkById.prime(network.id, network);
            return membership;
          }),
        (m) => m.organisationId,
      ),
      relationshipsByOrganisation: groupedLoader(
        (ids: string[]) => this.network.relationshipsByOrganisationIds(ids),
        (r) => r.organisationId,
      ),
      networkById,
      contactsByOrganisation: groupedLoader(
        (ids: string[]) => this.review.contactsByOrganisationIds(ids, viewer),
        (c) => c.organisationId,
      ),
      pendingChangeCount: new DataLoader(async (ids: readonly string[]) => {
        const rows = await this.review.pendingCounts([...ids]);
        const byId = new Map(rows.map((r) => [r.organisationId, r.count]));
        return ids.map((id) => byId.get(id) ?? 0);
      }),
      termsOfService: async (serviceId, kind) => {
        const [links, index] = await Promise.all([termCodes.load(serviceId), termsByCode()]);
        return links
          .map((l) => index.get(l.termCode))
          .filter((t): t is TermWithKind => !!t && t.kind === kind)
          .sort((a, b) => a.taxonomyId.localeCompare(b.taxonomyId) || a.sortOrder - b.sortOrder);
      },
      termByCode: async (code) => (await termsByCode()).get(code) ?? null,
    };
  }
}
