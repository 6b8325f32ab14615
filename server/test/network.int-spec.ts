import { MembershipRole, PublicationStatus, RelationshipType } from '@partneratlas/shared';
import { createNetwork, createOrganisation, createRelationship, createTaxonomies, OrganisationSpec } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

const GRAPH = `query($filter: NetworkFilter) {
  network(filter: $filter) {
    date
    nodes { organisation { id name } degree betweenness community component isolated bridge hops }
    edges { id source target type }
    summary { nodeCount edgeCount density components communities isolated bridges }
  }
}`;

const EGO = `query($id: ID!, $depth: Int!, $filter: NetworkFilter) {
  egoNetwork(organisationId: $id, depth: $depth, filter: $filter) {
    nodes { organisation { name } degree hops }
    edges { source target }
    summary { nodeCount edgeCount }
  }
}`;

interface GNode {
  organisation: { id: string; name: string };
  degree: number;
  betweenness: number;
  community: number;
  bridge: boolean;
  isolated: boolean;
  hops: number | null;
}
interface G {
  date: string;
  nodes: GNode[];
  edges: { id: string; source: string; target: string; type: string }[];
  summary: Record<string, number>;
}

/**
 * Two triangles A1–A2–A3 and B1–B2–B3 joined by the bridge A3–B1, an isolated organisation, and
 * relationships that must not count (to a draft, expired, not yet valid).
 */
describe('network graph (GraphQL)', () => {
  let t: TestApp;
  const id: Record<string, string> = {};
  let netz: string;
  const name = (n: { organisation: { id: string } }) => Object.keys(id).find((k) => id[k] === n.organisation.id);

  beforeAll(async () => {
    t = await createTestApp();
    await createTaxonomies(t.ds);
    netz = await createNetwork(t.ds, 'Netzwerk Test');
    const org = (key: string, extra: Partial<OrganisationSpec> = {}) =>
      createOrganisation(t.ds, { name: `${key} (Test)`, services: [{ name: 'Beratung', fields: ['beratung-migration'] }], ...extra }).then(
        (v) => (id[key] = v),
      );
    for (const k of ['A1', 'A2', 'A3']) await org(k, { networks: [{ networkId: netz }] });
    for (const k of ['B1', 'B2', 'B3']) await org(k, { services: [{ name: 'Sprachkurs', fields: ['sprache'] }] });
    await org('Solo');
    await org('Entwurf', { status: PublicationStatus.DRAFT });
    await createRelationship(t.ds, id.A1, id.A2);
    await createRelationship(t.ds, id.A2, id.A3, RelationshipType.REFERRAL);
    await createRelationship(t.ds, id.A3, id.A1);
    await createRelationship(t.ds, id.A1, id.A3, RelationshipType.FUNDING); // parallel: counts once in metrics
    await createRelationship(t.ds, id.B1, id.B2);
    await createRelationship(t.ds, id.B2, id.B3);
    await createRelationship(t.ds, id.B3, id.B1);
    await createRelationship(t.ds, id.A3, id.B1, RelationshipType.UMBRELLA);
    await createRelationship(t.ds, id.Solo, id.Entwurf); // the draft is invisible: Solo stays isolated
    const old = await createRelationship(t.ds, id.Solo, id.A1);
    await t.ds.query(`UPDATE organisation_relationship SET valid_from = '2015-01-01', valid_to = '2019-12-31' WHERE id = $1`, [old]);
    const future = await createRelationship(t.ds, id.Solo, id.B2);
    await t.ds.query(`UPDATE organisation_relationship SET valid_from = current_date + 30 WHERE id = $1`, [future]);
  });
  afterAll(() => t?.close());

  const graph = async (filter?: Record<string, unknown>) => {
    const res = await t.gql<{ network: G }>(GRAPH, { filter });
    expect(res.errors).toBeUndefined();
    return res.data!.network;
  };

  it('returns published organisations as nodes with degree, betweenness, communities, bridges and isolates', async () => {
    const g = await graph();
    const byName = Object.fromEntries(g.nodes.map((n: GNode) => [name(n), n]));
    expect(Object.keys(byName).sort()).toEqual(['A1', 'A2', 'A3', 'B1', 'B2', 'B3', 'Solo']);
    // A3 and B1 lie on all 3 × 3 crossing pairs minus their own: (A1|A2)→(B1|B2|B3) = 6 pairs each, of (7−1)(7−2)/2 = 15
    expect(byName.A3.betweenness).toBeCloseTo(6 / 15);
    expect(byName.B1.betweenness).toBeCloseTo(6 / 15);
    expect(byName.A1.betweenness).toBe(0);
    expect(byName.A3.degree).toBe(3);
    expect(byName.A1.degree).toBe(2);
    expect(byName.A1.community).toBe(byName.A2.community);
    expect(byName.B2.community).toBe(byName.B3.community);
    expect(byName.A1.community).not.toBe(byName.B1.community);
    expect(
      g.nodes
        .filter((n: GNode) => n.bridge)
        .map(name)
        .sort(),
    ).toEqual(['A3', 'B1']);
    expect(byName.Solo).toMatchObject({ isolated: true, degree: 0 });
    // 7 distinct pairs of 21 possible; the parallel FUNDING relationship is a separate edge but not a separate pair
    expect(g.summary).toEqual({ nodeCount: 7, edgeCount: 7, density: 7 / 21, components: 2, communities: 3, isolated: 1, bridges: 2 });
    expect(g.edges).toHaveLength(8);
    expect(g.nodes.every((n: GNode) => n.hops === null)).toBe(true);
  });

  it('filters relationship types: without UMBRELLA the bridge disappears', async () => {
    const g = await graph({ relationshipTypes: ['COOPERATION', 'REFERRAL', 'FUNDING'] });
    expect(g.edges.some((e: G['edges'][number]) => e.type === 'UMBRELLA')).toBe(false);
    expect(g.summary).toMatchObject({ components: 3, bridges: 0, isolated: 1 });
  });

  it('counts a relationship at a date only between valid from and valid to', async () => {
    const g = await graph({ date: '2018-06-01' });
    const solo = g.nodes.find((n: GNode) => name(n) === 'Solo')!;
    expect(solo.degree).toBe(1);
    expect(g.date).toBe('2018-06-01');
    expect((await graph({ date: '2020-01-01' })).nodes.find((n: GNode) => name(n) === 'Solo')!.degree).toBe(0);
  });

  it('filters nodes by network membership and field of action; edges only among them', async () => {
    const members = await graph({ networkIds: [netz] });
    expect(members.nodes.map(name).sort()).toEqual(['A1', 'A2', 'A3']);
    expect(members.summary).toMatchObject({ edgeCount: 3, density: 1, bridges: 0 });
    const sprache = await graph({ fieldsOfAction: ['sprache'] });
    expect(sprache.nodes.map(name).sort()).toEqual(['B1', 'B2', 'B3']);
  });

  it('builds ego networks of depth 1 and 2 with hops from the centre', async () => {
    const one = await t.gql<{ egoNetwork: G }>(EGO, { id: id.A1, depth: 1 });
    expect(one.errors).toBeUndefined();
    const hops1 = Object.fromEntries(one.data!.egoNetwork.nodes.map((n: GNode) => [n.organisation.name.replace(' (Test)', ''), n.hops]));
    expect(hops1).toEqual({ A1: 0, A2: 1, A3: 1 });
    const two = await t.gql<{ egoNetwork: G }>(EGO, { id: id.A1, depth: 2 });
    const hops2 = Object.fromEntries(two.data!.egoNetwork.nodes.map((n: GNode) => [n.organisation.name.replace(' (Test)', ''), n.hops]));
    expect(hops2).toEqual({ A1: 0, A2: 1, A3: 1, B1: 2 });
    expect(two.data!.egoNetwork.summary).toEqual({ nodeCount: 4, edgeCount: 4 });
  });

  it('keeps the memberships and relationships API of organisations working', async () => {
    const res = await t.gql(`query($id: ID!) { organisation(id: $id) { memberships { role network { name } } relationships { type } } }`, {
      id: id.A1,
    });
    expect(res.data!.organisation.memberships).toEqual([{ role: MembershipRole.MEMBER, network: { name: 'Netzwerk Test' } }]);
    expect(res.data!.organisation.relationships.length).toBeGreaterThanOrEqual(3);
  });

  it.each([
    [{ filter: { fieldsOfAction: ['kochen'] } }, 'filter.fieldsOfAction'],
    [{ filter: { networkIds: ['00000000-0000-4000-8000-000000000000'] } }, 'filter.networkIds'],
    [{ filter: { areaIds: ['00000000-0000-4000-8000-000000000000'] } }, 'filter.areaIds'],
    [{ filter: { date: '2024-13-45' } }, 'filter.date'],
    [{ filter: { relationshipTypes: ['FRIENDSHIP'] } }, null],
  ])('rejects %j with BAD_USER_INPUT naming %s', async (variables, field) => {
    const res = await t.gql(GRAPH, variables);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    if (field) expect(JSON.stringify(res.errors?.[0].extensions)).toContain(field);
  });

  it('rejects an ego depth other than 1 or 2 and an unknown or unpublished centre', async () => {
    const bad = await t.gql(EGO, { id: id.A1, depth: 3 });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(bad.errors?.[0].extensions)).toContain('depth');
    const draft = await t.gql(EGO, { id: id.Entwurf, depth: 1 });
    expect(draft.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
