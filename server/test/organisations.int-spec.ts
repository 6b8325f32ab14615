import { AreaKind, OrganisationKind, PublicationStatus, VerificationStatus } from '@partneratlas/shared';
import { createArea, createNetwork, createOrganisation, createRelationship, createTaxonomies, east } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

/** Altes Rathaus, Göttingen (issue: 51.5331 N, 9.9355 E). */
const RATHAUS = { lat: 51.5331, lng: 9.9355 };

const SEARCH = `
  query Search($filter: OrganisationFilter, $first: Int, $after: String, $orderBy: OrganisationOrder) {
    organisations(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id name kind distanceMeters }
    }
  }`;

const FACETS = `
  query Facets($filter: OrganisationFilter) {
    organisations(filter: $filter, first: 1) {
      totalCount
      facets {
        fieldsOfAction { code count }
        kinds { value count }
        languages { value count }
        targetGroups { code count }
        areas { id name count }
      }
    }
  }`;

describe('organisations directory search (GraphQL)', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  let weende: string;
  let grone: string;
  let network: string;

  beforeAll(async () => {
    t = await createTestApp();
    await createTaxonomies(t.ds);
    weende = await createArea(t.ds, { name: 'Weende', kind: AreaKind.DISTRICT, population: 18968 });
    grone = await createArea(t.ds, { name: 'Grone', kind: AreaKind.DISTRICT, population: 11881 });
    network = await createNetwork(t.ds, 'Netzwerk Test');

    // 300 m east of the town hall: language courses in Arabic, member of the network
    ids.sprachschule = await createOrganisation(t.ds, {
      name: 'Sprachschule am Markt (Test)',
      kind: OrganisationKind.EDUCATION_PROVIDER,
      languages: ['de'],
      locations: [
        { ...east(RATHAUS.lat, RATHAUS.lng, 300), areaId: weende, schedules: [{ byday: 'MO', opensAt: '09:00', closesAt: '12:00' }] },
      ],
      services: [{ name: 'Integrationskurs', fields: ['sprache-integrationskurs'], targetGroups: ['neuzugewanderte'], languages: ['ar'] }],
      networks: [{ networkId: network }],
    });
    // 1,200 m east: counselling and language café; the Migrationszentrum name test
    ids.zentrum = await createOrganisation(t.ds, {
      name: 'Migrationszentrum Göttingen (Test)',
      alternateName: 'MZ',
      kind: OrganisationKind.COUNSELLING_SERVICE,
      description: 'Beratung für Geflüchtete und Sprachcafé.',
      locations: [{ ...east(RATHAUS.lat, RATHAUS.lng, 1200), areaId: grone }],
      services: [
        { name: 'Flüchtlingsberatung', fields: ['beratung-flucht'], targetGroups: ['gefluechtete'], languages: ['fa', 'ar'] },
        { name: 'Sprachcafé', description: 'Deutsch üben im Gespräch', fields: ['sprache'], languages: ['de'] },
      ],
    });
    // 3,000 m east: language, but outside 2 km
    ids.fern = await createOrganisation(t.ds, {
      name: 'Volkshochschule Fernweh (Test)',
      kind: OrganisationKind.EDUCATION_PROVIDER,
      locations: [{ ...east(RATHAUS.lat, RATHAUS.lng, 3000) }],
      services: [{ name: 'Deutschkurse', fields: ['sprache'], languages: ['uk'] }],
    });
    // 500 m: work and training only; demo and unverified
    ids.arbeit = await createOrganisation(t.ds, {
      name: 'Beispiel Arbeitsbrücke (fiktiv)',
      kind: OrganisationKind.INITIATIVE_OTHER,
      isDemo: true,
      verificationStatus: VerificationStatus.UNVERIFIED,
      locations: [{ ...east(RATHAUS.lat, RATHAUS.lng, 500) }],
      services: [{ name: 'Bewerbungstraining', fields: ['arbeit'], targetGroups: ['arbeitsuchende'], languages: ['tr'] }],
    });
    // no coordinates at all: stays off the map and out of radius searches
    ids.ohneOrt = await createOrganisation(t.ds, {
      name: 'Straßenfest-Initiative Ölmühle (Test)',
      kind: OrganisationKind.MIGRANT_SELF_ORGANISATION,
      locations: [{ street: 'Unbekannt 1' }],
      services: [{ name: 'Begegnungsfest', fields: ['dialog'] }],
    });
    // a draft and an archived entry: never visible anonymously
    ids.draft = await createOrganisation(t.ds, {
      name: 'Sprachentwurf Draft (Test)',
      status: PublicationStatus.DRAFT,
      locations: [{ ...east(RATHAUS.lat, RATHAUS.lng, 100) }],
      services: [{ name: 'Sprachkurs', fields: ['sprache'] }],
    });
    ids.archived = await createOrganisation(t.ds, {
      name: 'Sprachschule Archiv (Test)',
      status: PublicationStatus.ARCHIVED,
      locations: [{ ...east(RATHAUS.lat, RATHAUS.lng, 150) }],
      services: [{ name: 'Sprachkurs', fields: ['sprache'] }],
    });
    // a published service that is a draft does not count
    ids.draftService = await createOrganisation(t.ds, {
      name: 'Elterncafé Nord (Test)',
      kind: OrganisationKind.WELFARE_ASSOCIATION,
      locations: [{ ...east(RATHAUS.lat, RATHAUS.lng, 800) }],
      services: [
        { name: 'Elterncafé', fields: ['frauen-familie'], targetGroups: ['familien'] },
        { name: 'Geheimer Sprachkurs', fields: ['sprache'], status: PublicationStatus.DRAFT },
      ],
    });
    await createRelationship(t.ds, ids.sprachschule, ids.zentrum);
  });

  afterAll(() => t?.close());

  const search = async (filter: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
    const res = await t.gql(SEARCH, { filter, ...extra });
    expect(res.errors).toBeUndefined();
    return res.data!.organisations as {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: { id: string; name: string; distanceMeters: number | null }[];
    };
  };
  const names = (r: { nodes: { id: string }[] }) => r.nodes.map((n) => Object.entries(ids).find(([, v]) => v === n.id)?.[0]);

  it('finds "Sprache und Sprachkurse" within 2 km of the Altes Rathaus ordered by distance, with distances', async () => {
    const r = await search({ fieldsOfAction: ['sprache'], near: { ...RATHAUS, radiusMeters: 2000 } });
    expect(names(r)).toEqual(['sprachschule', 'zentrum']);
    expect(r.totalCount).toBe(2);
    expect(r.nodes[0].distanceMeters).toBeGreaterThan(290);
    expect(r.nodes[0].distanceMeters).toBeLessThan(310);
    expect(r.nodes[1].distanceMeters).toBeGreaterThan(1180);
    expect(r.nodes[1].distanceMeters).toBeLessThan(1220);
  });

  it('returns correct facets for that search', async () => {
    const res = await t.gql(FACETS, { filter: { fieldsOfAction: ['sprache'], near: { ...RATHAUS, radiusMeters: 2000 } } });
    expect(res.errors).toBeUndefined();
    const f = res.data!.organisations.facets;
    const asMap = (list: { code?: string; value?: string; count: number }[]) =>
      Object.fromEntries(list.map((x) => [x.code ?? x.value, x.count]));
    expect(asMap(f.fieldsOfAction)).toEqual({ sprache: 2, 'sprache-integrationskurs': 1, beratung: 1, 'beratung-flucht': 1 });
    expect(asMap(f.kinds)).toEqual({ EDUCATION_PROVIDER: 1, COUNSELLING_SERVICE: 1 });
    expect(asMap(f.languages)).toEqual({ de: 2, ar: 2, fa: 1 });
    expect(asMap(f.targetGroups)).toEqual({ neuzugewanderte: 1, gefluechtete: 1 });
    expect(f.areas).toEqual(
      expect.arrayContaining([
        { id: weende, name: 'Weende', count: 1 },
        { id: grone, name: 'Grone', count: 1 },
      ]),
    );
  });

  it('lets a parent field of action match its descendants, and a child only itself', async () => {
    expect(names(await search({ fieldsOfAction: ['beratung'] }))).toEqual(['zentrum']);
    expect(names(await search({ fieldsOfAction: ['sprache-integrationskurs'] }))).toEqual(['sprachschule']);
  });

  it('finds the Migrationszentrum however the name is written', async () => {
    for (const text of ['Migrationszentrum', 'migrationszentrum', 'Migrations-Zentrum', 'MIGRATIONSZENTRUM', 'Migrationszentrm']) {
      const r = await search({ text });
      expect({ text, first: names(r)[0] }).toEqual({ text, first: 'zentrum' });
    }
  });

  it('tolerates typos only when the words match nothing, in the list, the facets and on the map alike', async () => {
    const typo = await t.gql(
      `query($f: OrganisationFilter) { organisations(filter: $f) { totalCount facets { kinds { value count } } nodes { name } }
         organisationMarkers(filter: $f) { organisationCount } }`,
      { f: { text: 'Migrationszentrm' } },
    );
    expect(typo.data!.organisations.totalCount).toBe(1);
    expect(typo.data!.organisations.facets.kinds).toEqual([{ value: 'COUNSELLING_SERVICE', count: 1 }]);
    expect(typo.data!.organisationMarkers.organisationCount).toBe(1);
  });

  it('folds umlauts and ß in text search', async () => {
    expect(names(await search({ text: 'Strassenfest olmuhle' }))).toEqual(['ohneOrt']);
    expect(names(await search({ text: 'Ölmühle' }))).toEqual(['ohneOrt']);
    expect(names(await search({ text: 'Flüchtlingsberatung' }))).toEqual(['zentrum']);
  });

  it('matches German word forms in descriptions and service names (stemming)', async () => {
    expect(names(await search({ text: 'Geflüchteter' }))).toContain('zentrum');
    expect(names(await search({ text: 'Deutschkurs' }))).toEqual(['fern']);
  });

  it('filters by kind, language, target group, area, network and verification status', async () => {
    expect(names(await search({ kinds: ['EDUCATION_PROVIDER'] })).sort()).toEqual(['fern', 'sprachschule']);
    expect(names(await search({ languages: ['fa'] }))).toEqual(['zentrum']);
    expect(names(await search({ languages: ['ar'] })).sort()).toEqual(['sprachschule', 'zentrum']);
    expect(names(await search({ targetGroups: ['familien'] }))).toEqual(['draftService']);
    expect(names(await search({ areaIds: [grone] }))).toEqual(['zentrum']);
    expect(names(await search({ networkIds: [network] }))).toEqual(['sprachschule']);
    expect(names(await search({ verificationStatus: 'UNVERIFIED' }))).toEqual(['arbeit']);
    expect(names(await search({ includeDemo: false, kinds: ['INITIATIVE_OTHER'] }))).toEqual([]);
  });

  it('filters by bounding box', async () => {
    const a = east(RATHAUS.lat, RATHAUS.lng, 200);
    const b = east(RATHAUS.lat, RATHAUS.lng, 1000);
    const r = await search({ bbox: { west: a.lng, east: b.lng, south: RATHAUS.lat - 0.01, north: RATHAUS.lat + 0.01 } });
    expect(names(r).sort()).toEqual(['arbeit', 'draftService', 'sprachschule']);
  });

  it('never shows drafts, archived entries or draft services to anonymous users', async () => {
    const all = await search({}, { first: 100 });
    expect(names(all)).not.toContain('draft');
    expect(names(all)).not.toContain('archived');
    expect(names(await search({ text: 'Geheimer' }))).toEqual([]);
    expect(names(await search({ fieldsOfAction: ['sprache'] })).sort()).toEqual(['fern', 'sprachschule', 'zentrum']);
    const one = await t.gql(`query($id: ID!) { organisation(id: $id) { id } }`, { id: ids.draft });
    expect(one.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('keeps entries without coordinates out of radius searches but in the list', async () => {
    expect(names(await search({ near: { ...RATHAUS, radiusMeters: 50000 } }))).not.toContain('ohneOrt');
    expect(names(await search({}, { first: 100 }))).toContain('ohneOrt');
  });

  it('orders by name by default and pages with cursors without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const r = await search({}, { first: 2, after });
      expect(r.totalCount).toBe(6);
      seen.push(...r.nodes.map((n) => n.name));
      after = r.pageInfo.hasNextPage ? r.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    expect([...seen]).toEqual([...seen].sort((a, b) => a.localeCompare(b, 'de')));
  });

  it('orders by distance on request and rejects DISTANCE without near', async () => {
    const r = await search({ near: { ...RATHAUS, radiusMeters: 5000 } }, { orderBy: 'DISTANCE' });
    const d = r.nodes.map((n) => n.distanceMeters!);
    expect(d).toEqual([...d].sort((a, b) => a - b));
    const bad = await t.gql(SEARCH, { filter: {}, orderBy: 'DISTANCE' });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].message).toMatch(/near/);
  });

  it('returns every located place of the filtered organisations for the map, and counts the unmapped ones', async () => {
    const res = await t.gql(
      `query($filter: OrganisationFilter) {
      organisationMarkers(filter: $filter) { organisationCount unmappedCount truncated markers { organisationId lat lng kind isDemo verified } }
    }`,
      { filter: { kinds: ['MIGRANT_SELF_ORGANISATION', 'INITIATIVE_OTHER'] } },
    );
    expect(res.errors).toBeUndefined();
    const m = res.data!.organisationMarkers;
    expect(m.organisationCount).toBe(2);
    expect(m.unmappedCount).toBe(1);
    expect(m.truncated).toBe(false);
    expect(m.markers).toEqual([
      {
        organisationId: ids.arbeit,
        lat: expect.closeTo(RATHAUS.lat, 6),
        lng: expect.closeTo(east(RATHAUS.lat, RATHAUS.lng, 500).lng, 6),
        kind: 'INITIATIVE_OTHER',
        isDemo: true,
        verified: false,
      },
    ]);
    const all = await t.gql(`{ organisationMarkers { organisationCount markers { organisationId } } }`);
    expect(all.data!.organisationMarkers.organisationCount).toBe(6);
    expect(all.data!.organisationMarkers.markers.map((x: { organisationId: string }) => x.organisationId)).not.toContain(ids.draft);
  });

  it('loads one organisation with all its relations', async () => {
    const res = await t.gql(
      `query($id: ID!) { organisation(id: $id) {
         name verificationStatus isDemo
         locations { street latitude longitude area { name } schedules { byday opensAt closesAt } }
         services { name languages fieldsOfAction { code nameDe } targetGroups { code } locations { id } }
         memberships { role network { name } }
         relationships { type source { name } target { name } }
      } }`,
      { id: ids.sprachschule },
    );
    expect(res.errors).toBeUndefined();
    const o = res.data!.organisation;
    expect(o.locations[0].area.name).toBe('Weende');
    expect(o.locations[0].schedules).toEqual([{ byday: 'MO', opensAt: '09:00', closesAt: '12:00' }]);
    expect(o.services[0].fieldsOfAction).toEqual([{ code: 'sprache-integrationskurs', nameDe: 'Integrations- und Berufssprachkurse' }]);
    expect(o.services[0].locations).toHaveLength(1);
    expect(o.memberships).toEqual([{ role: 'MEMBER', network: { name: 'Netzwerk Test' } }]);
    expect(o.relationships[0].target.name).toBe('Migrationszentrum Göttingen (Test)');
  });
});
