/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are read field by field and compared with hand-computed values */
import { AreaKind, UserRole } from '@partneratlas/shared';
import { createOrganisation, createRelationship, createTaxonomies, createUser } from './support/factories';
import { createSquareArea, utmToLatLng, X0, Y0 } from './support/coverage-fixtures';
import { createTestApp, GraphQLResponse, TestApp, TestSession } from './support/test-app';

/**
 * Guiding goals, snapshots and their comparison on a small fixture whose figures are worked out by hand.
 * Positions in UTM 32N metres east of X0 (all on one line); catchment 1,500 m (default).
 *
 *   districts (population)   d1-nord x=0 (1,000)   d2-mitte x=3,000 (500)   d3-sued x=6,000 (unknown)
 *   grid cells               g1 x=0   g2 x=3,000   g3 x=6,000   g4 x=9,000          (no population)
 *   A Sprachtreff      x=300    Deutschkurs       sprache              de, ar   confirmed 30 days ago
 *   B Beratung         x=3,200  Migrationsberatung beratung-migration  de, tr   never confirmed
 *   C Verein           x=6,100  Elterncafé        frauen-familie        uk       confirmed 2 years ago
 *   D Initiative       —        Dialogabend       dialog (no place)     de       confirmed 10 days ago
 *   E Alt              x=9,100  Sprachcafé        sprache               fa       never confirmed
 *   G Weg              —        (no service)                                      never confirmed
 *   relationships (1)  A→B, B→D
 *
 * Between snapshot 1 and 2: A renamed; E archived; G deleted; F Sprachschule (x=3,100, Integrationskurs,
 * sprache-integrationskurs, de ru fa, confirmed today) added; B gets Flüchtlingsberatung (beratung-flucht, ar) at its
 * place; relationship B→D removed; A→F and C→B added; a new goal created.
 *
 * Goals: "Sprache" → [sprache]; "Beratung und Familie" → [beratung, frauen-familie]; "Chancengleichheit" → none (all).
 */

const SNAPSHOT_FIELDS = `
  id title date createdBy organisationCount serviceCount takenAt headlineFields
  fieldsOfAction { code nameDe }
  directory {
    organisationCount demoOrganisationCount serviceCount languages confirmedLast12Months
    byKind { kind organisations }
    byField { field { code } organisations services languages }
    organisations { id name kind isDemo }
    services { id name organisationName }
  }
  coverage {
    catchmentMeters
    districts {
      unit unitCount unitsWithoutGeometry
      columns { field { code } providerCount unitCount gapUnitCount reachedUnitShare knownPopulation populationWithoutReach populationReachedShare }
      rows { code name population cells { providersInReach gap } }
    }
    grid { unit unitCount columns { field { code } unitCount gapUnitCount reachedUnitShare } }
    gaps { unitCode field { code } population }
    gapMap { unit fields { code } cells { code name gapFields geometry } }
    cityWide { field { code } providerCount status }
  }
  network { date summary { nodeCount edgeCount density isolated } nodes { id name degree isolated } edges { id source target type } }
  goals { id title fieldsOfAction { code } indicators { kind field { code } value numerator denominator basis languages higherIsBetter } }`;

const CREATE_SNAPSHOT = `mutation($input: CreateEvaluationSnapshotInput!) { createEvaluationSnapshot(input: $input) { ${SNAPSHOT_FIELDS} } }`;
const SNAPSHOT = `query($id: ID!) { evaluationSnapshot(id: $id) { ${SNAPSHOT_FIELDS} } }`;
const COMPARE = `query($from: ID!, $to: ID!) {
  compareEvaluationSnapshots(fromId: $from, toId: $to) {
    from { id title } to { id title }
    directory {
      organisations { before after delta direction } services { before after delta direction } languages { before after delta direction }
      addedLanguages removedLanguages
      byField { field { code } organisations { before after } services { before after direction } languages { before after } }
      addedOrganisations { name reason } closedOrganisations { name reason }
      addedServices { name organisationName reason } closedServices { name organisationName reason }
    }
    coverage {
      districtCells { unitCode field { code } providersBefore providersAfter gapBefore gapAfter change }
      gridShares { field { code } reachedUnitShare { before after direction } gapUnits { before after } }
      districtShares { field { code } populationReachedShare { before after direction } }
      gapMap { unit fields { code } cells { code gapFieldsBefore gapFieldsAfter } }
    }
    network {
      before { edgeCount isolated } after { edgeCount isolated }
      newRelationships { source { name } target { name } type } endedRelationships { source { name } target { name } }
      newlyConnected { name } newlyIsolated { name }
    }
    goals { title inFrom inTo indicators { kind field { code } before after direction assessment } }
  }
}`;
const GOALS = `{ guidingGoals { id title description period source sourceUrl version fieldsOfAction { code } indicators { kind field { code } value } } }`;
const CREATE_GOAL = `mutation($input: CreateGuidingGoalInput!) { createGuidingGoal(input: $input) { id title version fieldsOfAction { code } } }`;
const UPDATE_GOAL = `mutation($id: ID!, $v: Int!, $input: UpdateGuidingGoalInput!) {
  updateGuidingGoal(id: $id, expectedVersion: $v, input: $input) { id title description period version fieldsOfAction { code } } }`;
const PERIOD = `{ evaluationPeriod { id startedAt startedBy progress { total confirmed share outstandingCount outstanding { name lastConfirmedAt } } } }`;
const MY_PERIOD = `{ evaluationPeriod { id startedAt myOutstanding { id name } } }`;

type Indicator = { kind: string; field: { code: string } | null; value: number | null };
type Goal = { id: string; title: string; indicators: Indicator[] };

const key = (i: { kind: string; field: { code: string } | null }) => (i.field ? `${i.kind}:${i.field.code}` : i.kind);
const valuesOf = (goal: Goal) => Object.fromEntries(goal.indicators.map((i) => [key(i), i.value]));

function expectValues(actual: Record<string, number | null>, expected: Record<string, number | null>) {
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  for (const [k, v] of Object.entries(expected)) {
    if (v === null) expect([k, actual[k]]).toEqual([k, null]);
    else expect([k, actual[k]]).toEqual([k, expect.closeTo(v, 10)]);
  }
}

function ok<T = Record<string, any>>(res: GraphQLResponse<T>): T {
  expect(res.errors).toBeUndefined();
  return res.data!;
}

describe('guiding goals, evaluation snapshots and their comparison', () => {
  let t: TestApp;
  let admin: TestSession;
  let coordinator: TestSession;
  let editor: TestSession;
  const org: Record<string, string> = {};
  const goal: Record<string, string> = {};
  let relBD: string;
  let first: Record<string, any>;
  let second: Record<string, any>;
  let firstAsCreated: string;

  const place = (dx: number) => utmToLatLng(t.ds, X0 + dx, Y0);

  beforeAll(async () => {
    t = await createTestApp();
    await createTaxonomies(t.ds);
    await createSquareArea(t.ds, { name: 'Nord', code: 'd1-nord', x: X0, y: Y0, population: 1000 });
    await createSquareArea(t.ds, { name: 'Mitte', code: 'd2-mitte', x: X0 + 3000, y: Y0, population: 500 });
    await createSquareArea(t.ds, { name: 'Süd', code: 'd3-sued', x: X0 + 6000, y: Y0 });
    for (const [i, x] of [0, 3000, 6000, 9000].entries()) {
      await createSquareArea(t.ds, { name: `Zelle ${i + 1}`, code: `g${i + 1}`, x: X0 + x, y: Y0, kind: AreaKind.GRID_CELL });
    }
    org.A = await createOrganisation(t.ds, {
      name: 'Sprachtreff A',
      locations: [await place(300)],
      services: [{ name: 'Deutschkurs', fields: ['sprache'], languages: ['de', 'ar'] }],
    });
    org.B = await createOrganisation(t.ds, {
      name: 'Beratung B',
      locations: [await place(3200)],
      services: [{ name: 'Migrationsberatung', fields: ['beratung-migration'], languages: ['de', 'tr'] }],
    });
    org.C = await createOrganisation(t.ds, {
      name: 'Verein C',
      locations: [await place(6100)],
      services: [{ name: 'Elterncafé', fields: ['frauen-familie'], languages: ['uk'] }],
    });
    org.D = await createOrganisation(t.ds, {
      name: 'Initiative D',
      services: [{ name: 'Dialogabend', fields: ['dialog'], languages: ['de'] }],
    });
    org.E = await createOrganisation(t.ds, {
      name: 'Alt E',
      locations: [await place(9100)],
      services: [{ name: 'Sprachcafé', fields: ['sprache'], languages: ['fa'] }],
    });
    org.G = await createOrganisation(t.ds, { name: 'Weg G' });
    await t.ds.query(`UPDATE organization SET last_confirmed_at = NULL`);
    await t.ds.query(`UPDATE organization SET last_confirmed_at = current_date - 30 WHERE id = $1`, [org.A]);
    await t.ds.query(`UPDATE organization SET last_confirmed_at = current_date - 730 WHERE id = $1`, [org.C]);
    await t.ds.query(`UPDATE organization SET last_confirmed_at = current_date - 10 WHERE id = $1`, [org.D]);
    await createRelationship(t.ds, org.A, org.B);
    relBD = await createRelationship(t.ds, org.B, org.D);

    await createUser(t.ds, { email: 'admin@example.org', role: UserRole.ADMIN });
    await createUser(t.ds, { email: 'coord@example.org', role: UserRole.COORDINATOR });
    await createUser(t.ds, { email: 'editor@example.org', role: UserRole.EDITOR, organisationIds: [org.B] });
    admin = await t.login('admin@example.org');
    coordinator = await t.login('coord@example.org');
    editor = await t.login('editor@example.org');

    for (const [name, title, fields] of [
      ['sprache', 'Sprache', ['sprache']],
      ['beratung', 'Beratung und Familie', ['beratung', 'frauen-familie']],
      ['chancen', 'Chancengleichheit', []],
    ] as const) {
      const data = ok(await admin.gql(CREATE_GOAL, { input: { title, fieldsOfAction: fields } }));
      goal[name] = data.createGuidingGoal.id;
    }
  });
  afterAll(() => t.close());

  it('freezes directory counts, coverage per district × field and grid, gaps, the network and indicators computed by hand', async () => {
    const data = ok(await admin.gql(CREATE_SNAPSHOT, { input: { title: 'Evaluation 2026', date: new Date().toISOString().slice(0, 10) } }));
    first = data.createEvaluationSnapshot;
    firstAsCreated = JSON.stringify(first);
    expect(first).toMatchObject({ title: 'Evaluation 2026', createdBy: 'admin@example.org', organisationCount: 6, serviceCount: 5 });

    const d = first.directory;
    expect(d).toMatchObject({ organisationCount: 6, demoOrganisationCount: 0, serviceCount: 5, confirmedLast12Months: 2 });
    expect(d.languages).toEqual(['ar', 'de', 'fa', 'tr', 'uk']);
    const byField = Object.fromEntries(d.byField.map((f: any) => [f.field.code, f]));
    expect(byField.sprache).toMatchObject({ organisations: 2, services: 2, languages: ['ar', 'de', 'fa'] });
    expect(byField.beratung).toMatchObject({ organisations: 1, services: 1, languages: ['de', 'tr'] });
    expect(byField['beratung-flucht']).toMatchObject({ organisations: 0, services: 0, languages: [] });

    // districts × fields: sprache reaches d1 only (A at 300 m); beratung d2 (B at 200 m); frauen-familie d3 (C at 100 m)
    const districts = first.coverage.districts;
    expect(districts).toMatchObject({ unit: 'DISTRICT', unitCount: 3, unitsWithoutGeometry: 0 });
    const col = (code: string) => districts.columns.findIndex((c: any) => c.field.code === code);
    const reached = (code: string) => districts.rows.filter((r: any) => !r.cells[col(code)].gap).map((r: any) => r.code);
    expect(reached('sprache')).toEqual(['d1-nord']);
    expect(reached('beratung')).toEqual(['d2-mitte']);
    expect(reached('frauen-familie')).toEqual(['d3-sued']);
    expect(districts.columns[col('sprache')]).toMatchObject({ knownPopulation: 1500, populationWithoutReach: 500, gapUnitCount: 2 });
    expect(districts.columns[col('sprache')].populationReachedShare).toBeCloseTo(2 / 3, 10);

    // grid: sprache reaches g1 (A) and g4 (E): 2 of 4 cells
    const grid = first.coverage.grid;
    expect(grid).toMatchObject({ unit: 'GRID', unitCount: 4 });
    expect(grid.columns.find((c: any) => c.field.code === 'sprache')).toMatchObject({ gapUnitCount: 2, reachedUnitShare: 0.5 });

    // district gaps: known population first (d1 1,000, d2 500), then d3 (unknown)
    const sprachGaps = first.coverage.gaps.filter((g: any) => g.field.code === 'sprache').map((g: any) => g.unitCode);
    expect(sprachGaps).toEqual(['d2-mitte', 'd3-sued']);
    // gap map over the grid: 9 headline fields; each cell reaches exactly one of them
    expect(first.coverage.gapMap.unit).toBe('GRID');
    expect(first.coverage.gapMap.fields.map((f: any) => f.code)).toEqual(first.headlineFields);
    expect(first.headlineFields).toHaveLength(9);
    expect(first.coverage.gapMap.cells.map((c: any) => [c.code, c.gapFields])).toEqual([
      ['g1', 8],
      ['g2', 8],
      ['g3', 8],
      ['g4', 8],
    ]);
    expect(first.coverage.gapMap.cells[0].geometry.type).toBe('MultiPolygon');
    expect(first.coverage.cityWide.map((c: any) => [c.field.code, c.status])).toEqual([
      ['interkulturelle-oeffnung', 'UNCOVERED'],
      ['personalwirtschaft', 'UNCOVERED'],
    ]);

    expect(first.network.summary).toMatchObject({ nodeCount: 6, edgeCount: 2, isolated: 3 });
    expect(first.network.summary.density).toBeCloseTo(2 / 15, 10);

    const goals = Object.fromEntries(first.goals.map((g: Goal) => [g.title, g]));
    expectValues(valuesOf(goals.Sprache), {
      'POPULATION_IN_REACH_SHARE:sprache': 1000 / 1500,
      'GRID_IN_REACH_SHARE:sprache': 2 / 4,
      'PROVIDERS:sprache': 2,
      'SERVICES:sprache': 2,
      'LANGUAGES:sprache': 3,
      NETWORK_DENSITY: 0, // A and E, no relationship between them
      ISOLATED_ORGANISATIONS: 2,
      CONFIRMED_LAST_12_MONTHS_SHARE: 1 / 2, // A yes, E never
    });
    expectValues(valuesOf(goals['Beratung und Familie']), {
      // fields in display order of the taxonomy
      'POPULATION_IN_REACH_SHARE:frauen-familie': 0, // only d3 is reached and its population is unknown
      'GRID_IN_REACH_SHARE:frauen-familie': 1 / 4,
      'PROVIDERS:frauen-familie': 1,
      'SERVICES:frauen-familie': 1,
      'LANGUAGES:frauen-familie': 1,
      'POPULATION_IN_REACH_SHARE:beratung': 500 / 1500,
      'GRID_IN_REACH_SHARE:beratung': 1 / 4,
      'PROVIDERS:beratung': 1,
      'SERVICES:beratung': 1,
      'LANGUAGES:beratung': 2,
      NETWORK_DENSITY: 0, // B and C
      ISOLATED_ORGANISATIONS: 2,
      CONFIRMED_LAST_12_MONTHS_SHARE: 0, // B never, C two years ago
    });
    expectValues(valuesOf(goals.Chancengleichheit), {
      NETWORK_DENSITY: 2 / 15, // all 6 organisations, A–B and B–D
      ISOLATED_ORGANISATIONS: 3, // C, E, G
      CONFIRMED_LAST_12_MONTHS_SHARE: 2 / 6, // A, D
    });
    const population = goals.Sprache.indicators.find((i: any) => i.kind === 'POPULATION_IN_REACH_SHARE');
    expect(population).toMatchObject({ numerator: 1000, denominator: 1500, basis: 'DISTRICT', higherIsBetter: true });
    const languages = goals.Sprache.indicators.find((i: any) => i.kind === 'LANGUAGES');
    expect(languages.languages).toEqual(['ar', 'de', 'fa']);
    const isolated = goals.Sprache.indicators.find((i: any) => i.kind === 'ISOLATED_ORGANISATIONS');
    expect(isolated.higherIsBetter).toBe(false);
  });

  it('does not change when entries change afterwards (and the live indicators do)', async () => {
    const version = async (id: string) => (await t.ds.query(`SELECT version FROM organization WHERE id = $1`, [id]))[0].version;
    ok(
      await admin.gql(
        `mutation($id: ID!, $v: Int!) { updateOrganisation(id: $id, expectedVersion: $v, input: { name: "Sprachtreff A (neu)" }) { outcome } }`,
        {
          id: org.A,
          v: await version(org.A),
        },
      ),
    );
    ok(
      await admin.gql(`mutation($id: ID!, $v: Int!) { archiveOrganisation(id: $id, expectedVersion: $v) { outcome } }`, {
        id: org.E,
        v: await version(org.E),
      }),
    );
    await t.ds.query(`DELETE FROM organization WHERE id = $1`, [org.G]);
    org.F = await createOrganisation(t.ds, {
      name: 'Sprachschule F',
      locations: [await place(3100)],
      services: [{ name: 'Integrationskurs', fields: ['sprache-integrationskurs'], languages: ['de', 'ru', 'fa'] }],
    });
    await t.ds.query(`UPDATE organization SET last_confirmed_at = (now() AT TIME ZONE 'UTC')::date WHERE id = $1`, [org.F]);
    const [{ id: service }] = await t.ds.query(
      `INSERT INTO service (organisation_id, name, languages) VALUES ($1, 'Flüchtlingsberatung', '{ar}') RETURNING id`,
      [org.B],
    );
    await t.ds.query(`INSERT INTO service_taxonomy_term (service_id, term_code) VALUES ($1, 'beratung-flucht')`, [service]);
    await t.ds.query(`INSERT INTO service_at_location (service_id, location_id) SELECT $1, id FROM location WHERE organisation_id = $2`, [
      service,
      org.B,
    ]);
    await t.ds.query(`SELECT pa_refresh_organisations($1::uuid[])`, [[org.B]]);
    await t.ds.query(`DELETE FROM organisation_relationship WHERE id = $1`, [relBD]);
    await createRelationship(t.ds, org.A, org.F);
    await createRelationship(t.ds, org.C, org.B);
    goal.neu = ok(await admin.gql(CREATE_GOAL, { input: { title: 'Neu nach der ersten Auswertung' } })).createGuidingGoal.id;

    const again = ok(await admin.gql(SNAPSHOT, { id: first.id })).evaluationSnapshot;
    expect(JSON.stringify(again)).toBe(firstAsCreated);
    expect(again.directory.organisations.map((o: any) => o.name)).toContain('Sprachtreff A');

    const live = ok(await t.gql(GOALS)).guidingGoals as Goal[];
    const sprache = valuesOf(live.find((g) => g.id === goal.sprache)!);
    expect(sprache['POPULATION_IN_REACH_SHARE:sprache']).toBeCloseTo(1, 10);
    expect(sprache['LANGUAGES:sprache']).toBe(4);
  });

  it('compares two snapshots: added and closed entries, coverage, indicators with direction, network change', async () => {
    second = ok(
      await admin.gql(CREATE_SNAPSHOT, { input: { title: 'Evaluation 2028', date: new Date().toISOString().slice(0, 10) } }),
    ).createEvaluationSnapshot;
    const c = ok(await admin.gql(COMPARE, { from: first.id, to: second.id })).compareEvaluationSnapshots;
    expect(c.from).toEqual({ id: first.id, title: 'Evaluation 2026' });
    expect(c.to).toEqual({ id: second.id, title: 'Evaluation 2028' });

    // directory: F added; E archived, G gone; Flüchtlingsberatung and Integrationskurs added, Sprachcafé closed with E
    const dir = c.directory;
    expect(dir.organisations).toEqual({ before: 6, after: 5, delta: -1, direction: 'DOWN' });
    expect(dir.services).toEqual({ before: 5, after: 6, delta: 1, direction: 'UP' });
    expect(dir.languages).toEqual({ before: 5, after: 6, delta: 1, direction: 'UP' });
    expect(dir.addedLanguages).toEqual(['ru']);
    expect(dir.removedLanguages).toEqual([]);
    expect(dir.addedOrganisations).toEqual([{ name: 'Sprachschule F', reason: null }]);
    expect(dir.closedOrganisations).toEqual([
      { name: 'Alt E', reason: 'ARCHIVED' },
      { name: 'Weg G', reason: 'GONE' },
    ]);
    expect(dir.addedServices).toEqual([
      { name: 'Flüchtlingsberatung', organisationName: 'Beratung B', reason: null },
      { name: 'Integrationskurs', organisationName: 'Sprachschule F', reason: null },
    ]);
    expect(dir.closedServices).toEqual([{ name: 'Sprachcafé', organisationName: 'Alt E', reason: 'ARCHIVED' }]);
    const beratung = dir.byField.find((f: any) => f.field.code === 'beratung');
    expect(beratung.services).toEqual({ before: 1, after: 2, direction: 'UP' });
    expect(beratung.languages).toEqual({ before: 2, after: 3 });

    // coverage per district × field: only these cells changed
    const changed = c.coverage.districtCells
      .filter((x: any) => x.change !== 'UNCHANGED')
      .map((x: any) => [x.unitCode, x.field.code, x.providersBefore, x.providersAfter, x.change]);
    expect(changed).toEqual([
      ['d2-mitte', 'sprache', 0, 1, 'NEWLY_REACHED'],
      ['d2-mitte', 'sprache-integrationskurs', 0, 1, 'NEWLY_REACHED'],
      ['d2-mitte', 'beratung', 1, 2, 'MORE_PROVIDERS'],
      ['d2-mitte', 'beratung-flucht', 0, 1, 'NEWLY_REACHED'],
    ]);
    // grid share of sprache: g2 newly reached (F), g4 lost (E archived): 2 of 4 before and after
    const gridSprache = c.coverage.gridShares.find((s: any) => s.field.code === 'sprache');
    expect(gridSprache).toEqual({
      field: { code: 'sprache' },
      reachedUnitShare: { before: 0.5, after: 0.5, direction: 'SAME' },
      gapUnits: { before: 2, after: 2 },
    });
    const popSprache = c.coverage.districtShares.find((s: any) => s.field.code === 'sprache');
    expect(popSprache.populationReachedShare.direction).toBe('UP');
    expect(popSprache.populationReachedShare.after).toBeCloseTo(1, 10);
    expect(c.coverage.gapMap.cells).toEqual([
      { code: 'g1', gapFieldsBefore: 8, gapFieldsAfter: 8 },
      { code: 'g2', gapFieldsBefore: 8, gapFieldsAfter: 7 },
      { code: 'g3', gapFieldsBefore: 8, gapFieldsAfter: 8 },
      { code: 'g4', gapFieldsBefore: 8, gapFieldsAfter: 9 },
    ]);

    // network: B→D ended; A→F and C→B new; C newly connected, D newly isolated
    expect(c.network.before).toEqual({ edgeCount: 2, isolated: 3 });
    expect(c.network.after).toEqual({ edgeCount: 3, isolated: 1 });
    expect(c.network.newRelationships).toEqual([
      { source: { name: 'Sprachtreff A (neu)' }, target: { name: 'Sprachschule F' }, type: 'COOPERATION' },
      { source: { name: 'Verein C' }, target: { name: 'Beratung B' }, type: 'COOPERATION' },
    ]);
    expect(c.network.endedRelationships).toEqual([{ source: { name: 'Beratung B' }, target: { name: 'Initiative D' } }]);
    expect(c.network.newlyConnected).toEqual([{ name: 'Verein C' }]);
    expect(c.network.newlyIsolated).toEqual([{ name: 'Initiative D' }]);

    // indicators per goal with direction and whether that is good news
    const goals = Object.fromEntries(c.goals.map((g: any) => [g.title, g]));
    const rows = (title: string) =>
      Object.fromEntries(goals[title].indicators.map((i: any) => [key(i), [i.before, i.after, i.direction, i.assessment]]));
    const sprache = rows('Sprache');
    expect(sprache['POPULATION_IN_REACH_SHARE:sprache']).toEqual([expect.closeTo(2 / 3, 10), 1, 'UP', 'BETTER']);
    expect(sprache['GRID_IN_REACH_SHARE:sprache']).toEqual([0.5, 0.5, 'SAME', 'UNCHANGED']);
    expect(sprache['PROVIDERS:sprache']).toEqual([2, 2, 'SAME', 'UNCHANGED']);
    expect(sprache['LANGUAGES:sprache']).toEqual([3, 4, 'UP', 'BETTER']);
    expect(sprache.NETWORK_DENSITY).toEqual([0, 1, 'UP', 'BETTER']);
    expect(sprache.ISOLATED_ORGANISATIONS).toEqual([2, 0, 'DOWN', 'BETTER']);
    expect(sprache.CONFIRMED_LAST_12_MONTHS_SHARE).toEqual([0.5, 1, 'UP', 'BETTER']);
    const familie = rows('Beratung und Familie');
    expect(familie['SERVICES:beratung']).toEqual([1, 2, 'UP', 'BETTER']);
    expect(familie['POPULATION_IN_REACH_SHARE:frauen-familie']).toEqual([0, 0, 'SAME', 'UNCHANGED']);
    expect(familie.NETWORK_DENSITY).toEqual([0, 1, 'UP', 'BETTER']);
    expect(familie.CONFIRMED_LAST_12_MONTHS_SHARE).toEqual([0, 0, 'SAME', 'UNCHANGED']);
    const all = rows('Chancengleichheit');
    expect(all.NETWORK_DENSITY).toEqual([expect.closeTo(2 / 15, 10), expect.closeTo(3 / 10, 10), 'UP', 'BETTER']);
    expect(all.ISOLATED_ORGANISATIONS).toEqual([3, 1, 'DOWN', 'BETTER']);
    expect(all.CONFIRMED_LAST_12_MONTHS_SHARE).toEqual([expect.closeTo(1 / 3, 10), expect.closeTo(3 / 5, 10), 'UP', 'BETTER']);
    const neu = goals['Neu nach der ersten Auswertung'];
    expect(neu).toMatchObject({ inFrom: false, inTo: true });
    expect(neu.indicators.every((i: any) => i.direction === 'UNKNOWN' && i.assessment === 'UNKNOWN')).toBe(true);
  });

  it('lists snapshots for admins (newest first) and deletes them; others are refused', async () => {
    const list = ok(await admin.gql(`{ evaluationSnapshots { id title organisationCount serviceCount } }`)).evaluationSnapshots;
    expect(list.map((s: any) => s.id)).toEqual([second.id, first.id]);
    expect(list[1]).toMatchObject({ title: 'Evaluation 2026', organisationCount: 6, serviceCount: 5 });
    for (const session of [coordinator, editor]) {
      for (const query of [`{ evaluationSnapshots { id } }`, `query($id: ID!) { evaluationSnapshot(id: $id) { id } }`]) {
        const res = await session.gql(query, { id: first.id });
        expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      }
      const res = await session.gql(`mutation { createEvaluationSnapshot(input: { title: "X", date: "2026-01-01" }) { id } }`);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await t.gql(`{ evaluationSnapshots { id } }`)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const future = await admin.gql(`mutation { createEvaluationSnapshot(input: { title: "Zukunft", date: "2999-01-01" }) { id } }`);
    expect(future.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const temp = ok(
      await admin.gql(`mutation($d: String!) { createEvaluationSnapshot(input: { title: "Probe", date: $d }) { id } }`, {
        d: new Date().toISOString().slice(0, 10),
      }),
    ).createEvaluationSnapshot.id;
    expect(ok(await admin.gql(`mutation($id: ID!) { deleteEvaluationSnapshot(id: $id) }`, { id: temp })).deleteEvaluationSnapshot).toBe(
      temp,
    );
    const gone = await admin.gql(`query($id: ID!) { evaluationSnapshot(id: $id) { id } }`, { id: temp });
    expect(gone.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('lets admins edit goals with optimistic concurrency; a stale version gets CONFLICT with the current goal', async () => {
    const goals = ok(await t.gql(GOALS)).guidingGoals as (Goal & { version: number })[];
    const target = goals.find((g) => g.id === goal.chancen)!;
    const updated = ok(
      await admin.gql(UPDATE_GOAL, {
        id: goal.chancen,
        v: target.version,
        input: { period: '2026–2028', fieldsOfAction: ['arbeit', 'sprache'] },
      }),
    ).updateGuidingGoal;
    expect(updated).toMatchObject({ title: 'Chancengleichheit', period: '2026–2028', description: null, version: target.version + 1 });
    expect(updated.fieldsOfAction.map((f: any) => f.code)).toEqual(['sprache', 'arbeit']);

    const stale = await admin.gql(UPDATE_GOAL, { id: goal.chancen, v: target.version, input: { title: 'Überschrieben?' } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: target.version + 1 });
    expect(stale.errors?.[0].extensions?.current).toMatchObject({ title: 'Chancengleichheit', period: '2026–2028' });

    const unknown = await admin.gql(UPDATE_GOAL, { id: goal.chancen, v: updated.version, input: { fieldsOfAction: ['gibt-es-nicht'] } });
    expect(unknown.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const forbidden = await coordinator.gql(UPDATE_GOAL, { id: goal.chancen, v: updated.version, input: { title: 'X' } });
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const del = `mutation($id: ID!, $v: Int!) { deleteGuidingGoal(id: $id, expectedVersion: $v) }`;
    expect(ok(await admin.gql(del, { id: goal.neu, v: 1 })).deleteGuidingGoal).toBe(goal.neu);
    const after = ok(await t.gql(GOALS)).guidingGoals as Goal[];
    expect(after.map((g) => g.title)).not.toContain('Neu nach der ersten Auswertung');
    // the snapshot that has it keeps it
    const kept = ok(await admin.gql(SNAPSHOT, { id: second.id })).evaluationSnapshot;
    expect(kept.goals.map((g: any) => g.title)).toContain('Neu nach der ersten Auswertung');
  });

  it('runs a re-confirmation period: coordinators see the progress, editors their own outstanding entries', async () => {
    expect(ok(await coordinator.gql(`{ evaluationPeriod { id } }`)).evaluationPeriod).toBeNull();
    const started = ok(await coordinator.gql(`mutation { startEvaluationPeriod { id startedAt startedBy } }`)).startEvaluationPeriod;
    expect(started.startedBy).toBe('coord@example.org');

    // not archived now: A, B, C, D, F; only F was confirmed today
    let progress = ok(await coordinator.gql(PERIOD)).evaluationPeriod.progress;
    expect(progress).toMatchObject({ total: 5, confirmed: 1, share: 0.2, outstandingCount: 4 });
    expect(progress.outstanding.map((o: any) => o.name)).toEqual(['Beratung B', 'Verein C', 'Sprachtreff A (neu)', 'Initiative D']);

    const mine = ok(await editor.gql(MY_PERIOD)).evaluationPeriod;
    expect(mine.myOutstanding).toEqual([{ id: org.B, name: 'Beratung B' }]);
    expect((await editor.gql(PERIOD)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(MY_PERIOD)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await editor.gql(`mutation { startEvaluationPeriod { id } }`)).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const [{ version }] = await t.ds.query(`SELECT version FROM organization WHERE id = $1`, [org.B]);
    ok(
      await editor.gql(`mutation($id: ID!, $v: Int!) { confirmOrganisation(id: $id, expectedVersion: $v) { outcome } }`, {
        id: org.B,
        v: version,
      }),
    );
    expect(ok(await editor.gql(MY_PERIOD)).evaluationPeriod.myOutstanding).toEqual([]);
    progress = ok(await admin.gql(PERIOD)).evaluationPeriod.progress;
    expect(progress).toMatchObject({ total: 5, confirmed: 2, share: 0.4, outstandingCount: 3 });
  });

  it('shows guiding goals to everybody, with the source and without invented wording', async () => {
    const goals = ok(await t.gql(GOALS)).guidingGoals as any[];
    expect(goals.map((g) => g.title)).toEqual(['Sprache', 'Beratung und Familie', 'Chancengleichheit']);
    expect(goals[0]).toMatchObject({ description: null, source: null });
  });
});
