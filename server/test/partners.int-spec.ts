import { MembershipRole, VerificationStatus } from '@partneratlas/shared';
import { NETWORK_MIGRATION_NAME } from '../src/modules/partners/partners.service';
import { createNetwork, createOrganisation, createRelationship, createTaxonomies, east } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

const RATHAUS = { lat: 51.5331, lng: 9.9355 };

const SUGGEST = `query($input: PartnerSuggestionInput!, $first: Int) {
  partnerSuggestions(input: $input, first: $first) {
    organisation { id name }
    score
    components { name value weight contribution }
    reasons { component de en }
    distanceMeters connected isDemo verified
  }
}`;

type Suggestion = {
  organisation: { id: string; name: string };
  score: number;
  components: { name: string; value: number; weight: number; contribution: number }[];
  reasons: { component: string; de: string; en: string }[];
  distanceMeters: number | null;
  connected: boolean;
  isDemo: boolean;
  verified: boolean;
};

describe('partner suggestions (GraphQL)', () => {
  let t: TestApp;
  const id: Record<string, string> = {};
  const short = (s: Suggestion) => s.organisation.name.replace(' (Test)', '');

  beforeAll(async () => {
    t = await createTestApp();
    await createTaxonomies(t.ds);
    const nm = await createNetwork(t.ds, NETWORK_MIGRATION_NAME);
    const at = (m: number) => ({ ...east(RATHAUS.lat, RATHAUS.lng, m) });

    // ---- need fixture: counselling in Arabic for refugees near the town hall ----
    id.P = await createOrganisation(t.ds, {
      name: 'Beratung Nah Arabisch (Test)',
      locations: [at(400)],
      services: [{ name: 'Flüchtlingsberatung', fields: ['beratung-flucht'], targetGroups: ['gefluechtete'], languages: ['ar'] }],
      networks: [{ networkId: nm, role: MembershipRole.COORDINATING_BODY }],
    });
    await t.ds.query(`UPDATE organization SET last_confirmed_at = current_date - 10 WHERE id = $1`, [id.P]);
    id.Q = await createOrganisation(t.ds, {
      name: 'Beratung Fern Arabisch (fiktiv)',
      isDemo: true,
      verificationStatus: VerificationStatus.UNVERIFIED,
      locations: [at(1800)],
      services: [{ name: 'Migrationsberatung', fields: ['beratung-migration'], targetGroups: ['gefluechtete'], languages: ['ar'] }],
    });
    id.R = await createOrganisation(t.ds, {
      name: 'Beratung Nah Deutsch (Test)',
      locations: [at(400)],
      services: [{ name: 'Migrationsberatung', fields: ['beratung-migration'], languages: ['de'] }],
    });
    id.S = await createOrganisation(t.ds, {
      name: 'Sprachkurs Nah (Test)',
      locations: [at(300)],
      services: [{ name: 'Sprachkurs', fields: ['sprache'], targetGroups: ['gefluechtete'], languages: ['ar'] }],
    });
    id.U = await createOrganisation(t.ds, {
      name: 'Beratung Weit (Test)',
      locations: [at(3000)],
      services: [{ name: 'Beratung', fields: ['beratung'], languages: ['ar'] }],
    });
  });
  afterAll(() => t?.close());

  const suggest = async (input: Record<string, unknown>, first = 10): Promise<Suggestion[]> => {
    const res = await t.gql(SUGGEST, { input, first });
    expect(res.errors).toBeUndefined();
    return res.data!.partnerSuggestions;
  };

  /** Each reason belongs to a component with a value above 0, and each such component has its reason. */
  const expectReasonsMatchComponents = (s: Suggestion) => {
    const positive = s.components.filter((c) => c.value > 0).map((c) => c.name);
    expect(s.reasons.map((r) => r.component).sort()).toEqual([...positive].sort());
    expect(s.score).toBeCloseTo(
      s.components.reduce((sum, c) => sum + c.contribution, 0),
      3,
    );
    expect(s.components.reduce((sum, c) => sum + c.weight, 0)).toBeCloseTo(1, 3);
  };

  describe('for a need', () => {
    const need = {
      fieldsOfAction: ['beratung'],
      near: { ...RATHAUS, radiusMeters: 2000 },
      languages: ['ar'],
      targetGroups: ['gefluechtete'],
    };

    it('ranks by the weighted components, in an order argued from the fixture', async () => {
      // Weights for a need with fields, place, languages and target groups: 0.35 / 0.2 / 0.1 / 0.15 + network 0.05 + freshness 0.05
      // (sum 0.9, rescaled to 1).
      // P: all fields, 400 m of 2 km (distance 0.8), Arabic, refugees, coordinates the network, confirmed 10 days ago:
      //    0.35 + 0.16 + 0.1 + 0.15 + 0.05 + 0.05 = 0.86 → 0.956
      // Q: all fields, 1,800 m (0.1), Arabic, refugees, no network, never confirmed: 0.35 + 0.02 + 0.1 + 0.15 = 0.62 → 0.689
      // R: all fields, 400 m (0.8), German only, no target group: 0.35 + 0.16 = 0.51 → 0.567
      // S offers no counselling and U lies outside the 2 km circle: neither is a candidate.
      const list = await suggest({ need });
      expect(list.map(short)).toEqual(['Beratung Nah Arabisch', 'Beratung Fern Arabisch (fiktiv)', 'Beratung Nah Deutsch']);
      expect(list[0].score).toBeCloseTo(0.86 / 0.9, 3);
      expect(list[1].score).toBeCloseTo(0.62 / 0.9, 3);
      expect(list[2].score).toBeCloseTo(0.51 / 0.9, 3);
      list.forEach(expectReasonsMatchComponents);
    });

    it('says why in German and English, one reason per component', async () => {
      const [p] = await suggest({ need });
      const byComponent = Object.fromEntries(p.reasons.map((r) => [r.component, r]));
      expect(byComponent.MATCHING_FIELDS).toEqual({
        component: 'MATCHING_FIELDS',
        de: 'bietet Beratung (Migrations- und Flüchtlingsberatung)',
        en: 'offers Counselling (migration and refugee counselling)',
      });
      expect(byComponent.DISTANCE.de).toBe('400 m entfernt');
      expect(byComponent.DISTANCE.en).toBe('400 m away');
      expect(byComponent.LANGUAGES.de).toBe('arbeitet auf Arabisch');
      expect(byComponent.LANGUAGES.en).toBe('works in Arabic');
      expect(byComponent.TARGET_GROUPS.de).toBe('erreicht ebenfalls Geflüchtete');
      expect(byComponent.NETWORK_MIGRATION.de).toBe(`koordiniert das ${NETWORK_MIGRATION_NAME}`);
      expect(byComponent.FRESHNESS.de).toMatch(/^Eintrag bestätigt im \S+ \d{4}$/);
      expect(p.reasons[0].component).toBe('MATCHING_FIELDS'); // the strongest contribution comes first
      expect(p.distanceMeters).toBeCloseTo(400, -1);
    });

    it('marks demo and unverified entries, and leaves demo entries out on request', async () => {
      const list = await suggest({ need });
      const q = list.find((s) => s.organisation.id === id.Q)!;
      expect(q).toMatchObject({ isDemo: true, verified: false });
      expect(list.find((s) => s.organisation.id === id.P)).toMatchObject({ isDemo: false, verified: true });
      expect((await suggest({ need, includeDemo: false })).map((s) => s.organisation.id)).not.toContain(id.Q);
    });

    it('works with only languages: candidates share the language', async () => {
      const list = await suggest({ need: { languages: ['ar'] } });
      expect(list.map((s) => s.organisation.id).sort()).toEqual([id.P, id.Q, id.S, id.U].sort());
      list.forEach(expectReasonsMatchComponents);
    });
  });

  describe('for an organisation', () => {
    beforeAll(async () => {
      const at = (m: number) => ({ ...east(RATHAUS.lat, RATHAUS.lng, m) });
      id.Me = await createOrganisation(t.ds, {
        name: 'Frauenzentrum (Test)',
        locations: [at(0)],
        services: [{ name: 'Frauentreff', fields: ['frauen-familie'], targetGroups: ['frauen'], languages: ['ar'] }],
      });
      id.X = await createOrganisation(t.ds, {
        name: 'Sprachpartner X (Test)',
        locations: [at(300)],
        services: [{ name: 'Sprachkurs', fields: ['sprache'] }],
      });
      id.Y = await createOrganisation(t.ds, {
        name: 'Arbeitsbrücke Y (Test)',
        locations: [at(2000)],
        services: [{ name: 'Bewerbungstraining', fields: ['arbeit'] }],
      });
      id.Z = await createOrganisation(t.ds, {
        name: 'Beratung und Arbeit Z (Test)',
        locations: [at(500)],
        services: [{ name: 'Beratung', fields: ['arbeit', 'beratung-migration'], targetGroups: ['frauen'], languages: ['ar'] }],
      });
      id.W = await createOrganisation(t.ds, {
        name: 'Familiencafé W (Test)',
        locations: [at(100)],
        services: [{ name: 'Elterncafé', fields: ['frauen-familie'], targetGroups: ['frauen'] }],
      });
      await createRelationship(t.ds, id.Me, id.X);
      await createRelationship(t.ds, id.Y, id.X);
    });

    it('ranks complementary partners and excludes the ones already related', async () => {
      // All seven components apply (weights sum to 1). Fields the centre lacks count ½ each, capped at 1.
      // Z: arbeit + beratung (1.0), 500 m of 5 km (0.9), shares "frauen" (1) and Arabic (1): 0.35 + 0.18 + 0.15 + 0.1 = 0.78
      // Y: arbeit (0.5), 2 km (0.6), one common partner X (0.5): 0.175 + 0.12 + 0.05 = 0.345
      // The need-fixture entries offer counselling, so they complement too; none reaches women. The best of them,
      // P: beratung (0.5), 400 m (0.92), Arabic, network, fresh: 0.175 + 0.184 + 0.1 + 0.05 + 0.05 = 0.559 — between Z and Y.
      // X is already a partner and W offers nothing the centre lacks: neither appears.
      const list = await suggest({ organisationId: id.Me }, 100);
      const names = list.map(short);
      expect(names.slice(0, 2)).toEqual(['Beratung und Arbeit Z', 'Beratung Nah Arabisch']);
      expect(list[0].score).toBeCloseTo(0.78, 3);
      expect(list.find((s) => s.organisation.id === id.Y)!.score).toBeCloseTo(0.345, 3);
      expect(list.map((s) => s.organisation.id)).not.toContain(id.X);
      expect(list.map((s) => s.organisation.id)).not.toContain(id.W);
      expect(list.map((s) => s.organisation.id)).not.toContain(id.Me);
      list.forEach(expectReasonsMatchComponents);
    });

    it('explains network proximity and complementary fields', async () => {
      const list = await suggest({ organisationId: id.Me }, 100);
      const y = list.find((s) => s.organisation.id === id.Y)!;
      const byComponent = Object.fromEntries(y.reasons.map((r) => [r.component, r]));
      expect(byComponent.NETWORK_PROXIMITY).toEqual({
        component: 'NETWORK_PROXIMITY',
        de: 'arbeitet schon mit Sprachpartner X (Test) zusammen',
        en: 'already works with Sprachpartner X (Test)',
      });
      expect(byComponent.COMPLEMENTARY_FIELDS.de).toBe('ergänzt euch um Arbeit und Ausbildung');
      expect(byComponent.DISTANCE.de).toBe('2 km entfernt');
      const z = list.find((s) => s.organisation.id === id.Z)!;
      expect(z.reasons.find((r) => r.component === 'COMPLEMENTARY_FIELDS')!.en).toBe(
        'adds Work and vocational training and Counselling (migration and refugee counselling) to what you offer',
      );
    });

    it('includes already related organisations when asked, marked as connected', async () => {
      const list = await suggest({ organisationId: id.Me, includeConnected: true }, 100);
      const x = list.find((s) => s.organisation.id === id.X)!;
      expect(x.connected).toBe(true);
      expect(x.components.find((c) => c.name === 'NETWORK_PROXIMITY')!.value).toBe(0);
    });
  });

  it.each([
    [{ input: {} }, 'input'],
    [{ input: { organisationId: '00000000-0000-4000-8000-000000000000', need: { languages: ['ar'] } } }, 'input'],
    [{ input: { need: {} } }, 'input.need'],
    [{ input: { need: { fieldsOfAction: ['kochen'] } } }, 'input.need.fieldsOfAction'],
    [{ input: { need: { targetGroups: ['astronauten'] } } }, 'input.need.targetGroups'],
    [{ input: { need: { languages: ['xx'] } } }, 'languages'],
    [{ input: { need: { near: { ...RATHAUS, radiusMeters: 0 } } } }, 'radiusMeters'],
    [{ input: { need: { near: { ...RATHAUS, radiusMeters: 60000 } } } }, 'radiusMeters'],
    [{ input: { need: { languages: ['ar'] } }, first: 101 }, 'first'],
    [{ input: { need: { languages: ['ar'] } }, first: 0 }, 'first'],
    [{ input: { organisationId: 'nope' } }, 'organisationId'],
  ])('rejects %j with BAD_USER_INPUT naming %s', async (variables, field) => {
    const res = await t.gql(SUGGEST, variables);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(res.errors?.[0].extensions)).toContain(field);
  });

  it('answers NOT_FOUND for an unknown organisation', async () => {
    const res = await t.gql(SUGGEST, { input: { organisationId: '00000000-0000-4000-8000-000000000000' } });
    expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('sends the same number of statements for 1 and 100 suggestions', async () => {
    const input = { need: { languages: ['ar'] } };
    await suggest(input);
    const one = await t.countStatements(() => t.gql(SUGGEST, { input, first: 1 }));
    const hundred = await t.countStatements(() => t.gql(SUGGEST, { input, first: 100 }));
    expect(hundred).toBe(one);
  });
});
