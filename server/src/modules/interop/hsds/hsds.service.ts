import { Injectable } from '@nestjs/common';
import { NotFoundException } from '../../../common/exceptions/domain.exception';
import { encodeCursor } from '../../../common/pagination';
import { AreasService } from '../../areas/areas.service';
import { FieldsOfActionService } from '../../fields-of-action/fields-of-action.service';
import { LocationsService } from '../../locations/locations.service';
import { NetworkService } from '../../network/network.service';
import { Organisation } from '../../organisations/dto/organisation.model';
import { OrganisationsService } from '../../organisations/organisations.service';
import { Service } from '../../services/dto/service.model';
import { ServicesService } from '../../services/services.service';
import {
  compact,
  EMPTY_EXTENSIONS,
  HsdsBundle,
  HsdsObject,
  HsdsPage,
  hsdsLocation,
  hsdsOrganisation,
  hsdsOrganisationSummary,
  hsdsPage,
  hsdsService,
  hsdsTaxonomyTerm,
  taxonomyId,
} from './hsds.mapper';

import { stableId } from './stable-id';

export const HSDS_VERSION = '3.1';

function group<T, K>(rows: T[], key: (r: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/** Published directory data in Open Referral HSDS 3.1 form. A constant number of queries per call. */
@Injectable()
export class HsdsService {
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly services: ServicesService,
    private readonly locations: LocationsService,
    private readonly terms: FieldsOfActionService,
    private readonly network: NetworkService,
    private readonly areas: AreasService,
  ) {}

  async organisationPage(page: number, perPage: number): Promise<HsdsPage<HsdsObject>> {
    const offset = (page - 1) * perPage;
    const conn = await this.organisations.search({ first: perPage, after: offset ? encodeCursor(offset) : undefined });
    return hsdsPage(compact(conn.nodes.map(hsdsOrganisationSummary)), conn.totalCount, page, perPage);
  }

  /** Full organisations (with locations and services), e.g. for a complete export. */
  async fullOrganisations(orgs: Organisation[]): Promise<HsdsObject[]> {
    const bundle = await this.bundle(orgs);
    return compact(orgs.map((o) => hsdsOrganisation(o, bundle)));
  }

  async organisation(id: string): Promise<HsdsObject> {
    const org = await this.organisations.findById(id);
    const [full] = await this.fullOrganisations([org]);
    return full;
  }

  async servicePage(page: number, perPage: number, organisationId?: string): Promise<HsdsPage<HsdsObject>> {
    const { services, total } = await this.services.page((page - 1) * perPage, perPage, organisationId);
    const orgs = await this.organisations.byIds([...new Set(services.map((s) => s.organisationId))]);
    const bundle = await this.bundle(orgs, services);
    const byId = new Map(orgs.map((o) => [o.id, o]));
    return hsdsPage(compact(services.map((s) => hsdsService(s, byId.get(s.organisationId)!, bundle))), total, page, perPage);
  }

  async service(id: string): Promise<HsdsObject> {
    const [s] = await this.services.publishedByIds([id]);
    if (!s) throw new NotFoundException('Service', id);
    const org = await this.organisations.findById(s.organisationId);
    const bundle = await this.bundle([org], [s]);
    const locations = bundle.locationsByOrg.get(org.id) ?? [];
    const out = hsdsService(s, org, bundle);
    return compact({
      ...out,
      organization: hsdsOrganisationSummary(org),
      service_at_locations: (out.service_at_locations as HsdsObject[]).map((sal) => {
        const loc = locations.find((l) => l.id === sal.location_id);
        return loc ? { ...sal, location: hsdsLocation(loc, bundle) } : sal;
      }),
    });
  }

  async serviceAtLocationPage(
    query: { postcode?: string; near?: { lat: number; lng: number; meters: number } },
    page: number,
    perPage: number,
  ): Promise<HsdsPage<HsdsObject>> {
    const { rows, total } = await this.services.atLocations(query, (page - 1) * perPage, perPage);
    const serviceIds = [...new Set(rows.map((r) => r.serviceId))];
    const [serviceList, locationList] = await Promise.all([
      this.services.publishedByIds(serviceIds),
      this.locations.byServiceIds(serviceIds),
    ]);
    const services = new Map(serviceList.map((s) => [s.id, s]));
    const locs = new Map(locationList.map((l) => [l.id, l]));
    const schedules = group(await this.locations.schedulesByLocationIds([...locs.keys()]), (s) => s.locationId ?? '');
    const bundle: HsdsBundle = {
      organisations: [],
      locationsByOrg: new Map(),
      schedulesByLocation: schedules,
      servicesByOrg: new Map(),
      termCodesByService: new Map(),
      locationIdsByService: new Map(),
      terms: new Map(),
      ...EMPTY_EXTENSIONS(),
    };
    const contents = rows.map((r) => {
      const s = services.get(r.serviceId);
      const l = locs.get(r.locationId);
      return {
        id: stableId('service_at_location', r.serviceId, r.locationId),
        service_id: r.serviceId,
        location_id: r.locationId,
        distance_meters: r.distanceMeters === null ? null : Math.round(r.distanceMeters),
        service: s ? { id: s.id, organization_id: s.organisationId, name: s.name, description: s.description, status: 'active' } : null,
        location: l ? hsdsLocation(l, bundle) : null,
      };
    });
    return hsdsPage(compact(contents), total, page, perPage);
  }

  async taxonomies(): Promise<HsdsObject[]> {
    return compact(
      (await this.terms.taxonomies()).map((t) => ({
        id: taxonomyId(t.id),
        name: t.nameDe,
        description: t.description ?? t.nameEn,
        version: t.id,
      })),
    );
  }

  async taxonomyTerms(page: number, perPage: number, taxonomy?: string): Promise<HsdsPage<HsdsObject>> {
    const all = (await this.terms.allTerms()).filter((t) => !taxonomy || t.taxonomyId === taxonomy);
    const slice = all.slice((page - 1) * perPage, page * perPage);
    return hsdsPage(compact(slice.map(hsdsTaxonomyTerm)), all.length, page, perPage);
  }

  /**
   * Everything to write the given organisations, in a constant number of queries. With `extensions`
   * (full organisations) also their relationships, network memberships and the districts of their locations.
   */
  private async bundle(orgs: Organisation[], onlyServices?: Service[], extensions = !onlyServices): Promise<HsdsBundle> {
    const orgIds = orgs.map((o) => o.id);
    const [locations, services, terms, relationships, memberships] = await Promise.all([
      this.locations.byOrganisationIds(orgIds),
      onlyServices ? Promise.resolve(onlyServices) : this.services.byOrganisationIds(orgIds),
      this.terms.allTerms(),
      extensions ? this.network.relationshipsByOrganisationIds(orgIds) : Promise.resolve([]),
      extensions ? this.network.membershipsByOrganisationIds(orgIds) : Promise.resolve([]),
    ]);
    const serviceIds = services.map((s) => s.id);
    const areaIds = extensions ? [...new Set(locations.map((l) => l.areaId).filter((id): id is string => !!id))] : [];
    const networkIds = [...new Set(memberships.map((m) => m.networkId))];
    const [schedules, termLinks, serviceLocations, areas, statistics, networks] = await Promise.all([
      this.locations.schedulesByLocationIds(locations.map((l) => l.id)),
      this.services.termCodesByServiceIds(serviceIds),
      this.locations.byServiceIds(serviceIds),
      areaIds.length ? this.areas.byIds(areaIds) : Promise.resolve([]),
      areaIds.length ? this.areas.statisticsByAreaIds(areaIds) : Promise.resolve([]),
      networkIds.length ? this.network.byIds(networkIds) : Promise.resolve([]),
    ]);
    const statisticsByArea = group(statistics, (st) => st.areaId);
    return {
      organisations: orgs,
      locationsByOrg: group(locations, (l) => l.organisationId),
      schedulesByLocation: group(schedules, (s) => s.locationId ?? ''),
      servicesByOrg: group(services, (s) => s.organisationId),
      termCodesByService: new Map([...group(termLinks, (t) => t.serviceId)].map(([k, v]) => [k, v.map((x) => x.termCode)])),
      locationIdsByService: new Map([...group(serviceLocations, (l) => l.serviceId)].map(([k, v]) => [k, v.map((x) => x.id)])),
      terms: new Map(terms.map((t) => [t.code, t])),
      relationshipsByOrg: group(relationships, (r) => r.organisationId),
      membershipsByOrg: group(memberships, (m) => m.organisationId),
      networks: new Map(networks.map((n) => [n.id, n])),
      areas: new Map(areas.map((a) => [a.id, { ...a, statistics: (statisticsByArea.get(a.id) ?? []).map(({ areaId: _a, ...st }) => st) }])),
    };
  }
}
