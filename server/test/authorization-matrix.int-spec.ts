import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AuditAction, EditableEntity, PublicationStatus, UserRole } from '@partneratlas/shared';
import { createSquareArea, X0, Y0 } from './support/coverage-fixtures';
import { insertGuidingGoal, insertSnapshot } from './support/evaluation';
import { createNetwork, createOrganisation, createRelationship, createTaxonomies, createUser, TEST_PASSWORD } from './support/factories';
import { createTestApp, GraphQLResponse, TestApp, TestSession } from './support/test-app';

/**
 * The authorisation matrix of issue #5: every query and mutation × every role × own / other organisation.
 * One table (RULES) says what is expected; the test reads the served schema and fails for any operation
 * without a rule, so a new mutation cannot ship without deciding who may call it.
 */

type Role = 'ANONYMOUS' | 'EDITOR' | 'COORDINATOR' | 'ADMIN';
type Scope = 'own' | 'other';
/** A = allowed, D = denied. Org-scoped operations give the editor's answer for [own, other]. */
type Expect = 'A' | 'D';
interface Rule {
  /** ANONYMOUS, EDITOR (own, other), COORDINATOR, ADMIN. */
  expect: [Expect, [Expect, Expect], Expect, Expect];
  op: (f: Fixture) => { query: string; variables?: Record<string, unknown> };
  /** Run after the case (e.g. undo a password change). */
  after?: (f: Fixture, t: TestApp) => Promise<void>;
}

interface Fixture {
  /** Published organisation of the scope (the editor's own one for 'own'). */
  org: string;
  draft: string;
  third: string;
  location: string;
  service: string;
  contact: string;
  relationship: string;
  membership: string;
  network: string;
  area: string;
  pendingChange: string;
  auditEntry: string;
  guidingGoal: string;
  snapshot: string;
  laterSnapshot: string;
  importJob: string;
  invitation: string;
  invitationToken: string;
  targetUser: string;
  extraSession: string;
  actorId: string;
  actorHash: string;
}

const ALL: Rule['expect'] = ['A', ['A', 'A'], 'A', 'A'];
const SIGNED_IN: Rule['expect'] = ['D', ['A', 'A'], 'A', 'A'];
const STAFF: Rule['expect'] = ['D', ['D', 'D'], 'A', 'A'];
const OWN: Rule['expect'] = ['D', ['A', 'D'], 'A', 'A'];
const ADMIN: Rule['expect'] = ['D', ['D', 'D'], 'D', 'A'];
const SEARCH = `{ organisations(first: 1) { totalCount } }`;
const v = (version = 1) => version;

const RULES: Record<string, Rule> = {
  // ---------------------------------------------------------------- public reading
  areas: { expect: ALL, op: () => ({ query: `{ areas { id } }` }) },
  // area import (issue #4): administrators only; a dry run, so the matrix writes nothing
  importAreas: {
    expect: ADMIN,
    op: () => ({
      query: `mutation($csv: String!) { importAreas(input: { dryRun: true, statisticsCsv: $csv }) { committed unknownCodes } }`,
      variables: { csv: 'area_code,year,population\nunbekannt,2024,1\n' },
    }),
  },
  areaImportRecords: { expect: ADMIN, op: () => ({ query: `{ areaImportRecords { id actorLabel } }` }) },
  coverage: {
    expect: ALL,
    op: () => ({ query: `{ coverage(input: { fieldOfAction: "sprache", unit: DISTRICT }) { fieldOfAction { code } } }` }),
  },
  coverageGaps: { expect: ALL, op: () => ({ query: `{ coverageGaps(unit: DISTRICT, first: 5) { totalCount } }` }) },
  coverageMatrix: { expect: ALL, op: () => ({ query: `{ coverageMatrix(unit: DISTRICT) { catchmentMeters } }` }) },
  coverageProviders: {
    expect: ALL,
    op: (f) => ({
      query: `query($u: ID!) { coverageProviders(input: { fieldOfAction: "sprache", unit: DISTRICT }, unitId: $u) { organisationName } }`,
      variables: { u: f.area },
    }),
  },
  coverageWhatIf: {
    expect: ALL,
    op: () => ({ query: `{ coverageWhatIf(input: { fieldOfAction: "sprache", unit: DISTRICT, lat: 51.53, lng: 9.93 }) { __typename } }` }),
  },
  egoNetwork: {
    expect: ALL,
    op: (f) => ({ query: `query($o: ID!) { egoNetwork(organisationId: $o) { __typename } }`, variables: { o: f.org } }),
  },
  fieldsOfAction: { expect: ALL, op: () => ({ query: `{ fieldsOfAction { code } }` }) },
  network: { expect: ALL, op: () => ({ query: `{ network { __typename } }` }) },
  networks: { expect: ALL, op: () => ({ query: `{ networks { id } }` }) },
  organisationMarkers: { expect: ALL, op: () => ({ query: `{ organisationMarkers { organisationCount } }` }) },
  organisations: { expect: ALL, op: () => ({ query: SEARCH }) },
  partnerSuggestions: {
    expect: ALL,
    op: (f) => ({ query: `query($o: ID!) { partnerSuggestions(input: { organisationId: $o }) { score } }`, variables: { o: f.org } }),
  },
  targetGroups: { expect: ALL, op: () => ({ query: `{ targetGroups { code } }` }) },
  taxonomies: { expect: ALL, op: () => ({ query: `{ taxonomies { id } }` }) },
  uncoveredFieldsOfAction: { expect: ALL, op: () => ({ query: `{ uncoveredFieldsOfAction { status } }` }) },
  me: { expect: ALL, op: () => ({ query: `{ me { id } }` }) },
  invitationPreview: {
    expect: ALL,
    op: (f) => ({ query: `query($t: String!) { invitationPreview(token: $t) { email } }`, variables: { t: f.invitationToken } }),
  },
  // A draft: visible to its editors and staff only (NOT_FOUND for everybody else).
  organisation: { expect: OWN, op: (f) => ({ query: `query($id: ID!) { organisation(id: $id) { id } }`, variables: { id: f.draft } }) },

  // ---------------------------------------------------------------- signed-in reading
  myOrganisations: { expect: SIGNED_IN, op: () => ({ query: `{ myOrganisations { id } }` }) },
  mySessions: { expect: SIGNED_IN, op: () => ({ query: `{ mySessions { id } }` }) },
  pendingChanges: { expect: SIGNED_IN, op: () => ({ query: `{ pendingChanges { id } }` }) },
  organisationHistory: {
    expect: OWN,
    op: (f) => ({ query: `query($o: ID!) { organisationHistory(organisationId: $o) { id } }`, variables: { o: f.org } }),
  },
  staleOrganisations: { expect: STAFF, op: () => ({ query: `{ staleOrganisations { id } }` }) },
  users: { expect: STAFF, op: () => ({ query: `{ users { id } }` }) },
  invitations: { expect: STAFF, op: () => ({ query: `{ invitations { id } }` }) },
  importJob: {
    expect: STAFF,
    op: (f) => ({ query: `query($id: ID!) { importJob(id: $id) { status } }`, variables: { id: f.importJob } }),
  },
  importJobs: { expect: STAFF, op: () => ({ query: `{ importJobs { id } }` }) },
  // without GEOCODER_URL (as here) the lookup answers enabled: false instead of failing
  geocoder: { expect: SIGNED_IN, op: () => ({ query: `{ geocoder { enabled } }` }) },
  geocodeAddress: { expect: SIGNED_IN, op: () => ({ query: `{ geocodeAddress(street: "Markt 1", city: "Göttingen") { enabled } }` }) },
  contactPersonData: {
    expect: STAFF,
    op: (f) => ({ query: `query($id: ID!) { contactPersonData(id: $id) }`, variables: { id: f.contact } }),
  },

  // ---------------------------------------------------------------- evaluation (issue #8)
  guidingGoals: { expect: ALL, op: () => ({ query: `{ guidingGoals { title fieldsOfAction { code } indicators { kind value } } }` }) },
  evaluationSnapshots: { expect: ADMIN, op: () => ({ query: `{ evaluationSnapshots { id title } }` }) },
  evaluationSnapshot: {
    expect: ADMIN,
    op: (f) => ({
      query: `query($id: ID!) { evaluationSnapshot(id: $id) { id directory { organisationCount } } }`,
      variables: { id: f.snapshot },
    }),
  },
  compareEvaluationSnapshots: {
    expect: ADMIN,
    op: (f) => ({
      query: `query($a: ID!, $b: ID!) { compareEvaluationSnapshots(fromId: $a, toId: $b) { directory { organisations { delta } } } }`,
      variables: { a: f.snapshot, b: f.laterSnapshot },
    }),
  },
  createEvaluationSnapshot: {
    expect: ADMIN,
    op: () => ({
      query: `mutation($d: String!) { createEvaluationSnapshot(input: { title: "Matrix", date: $d }) { id } }`,
      variables: { d: new Date().toISOString().slice(0, 10) },
    }),
  },
  deleteEvaluationSnapshot: {
    expect: ADMIN,
    op: (f) => ({ query: `mutation($id: ID!) { deleteEvaluationSnapshot(id: $id) }`, variables: { id: f.snapshot } }),
  },
  createGuidingGoal: { expect: ADMIN, op: () => ({ query: `mutation { createGuidingGoal(input: { title: "Matrix-Ziel" }) { id } }` }) },
  updateGuidingGoal: {
    expect: ADMIN,
    op: (f) => ({
      query: `mutation($id: ID!) { updateGuidingGoal(id: $id, expectedVersion: 1, input: { period: "2026–2028" }) { version } }`,
      variables: { id: f.guidingGoal },
    }),
  },
  deleteGuidingGoal: {
    expect: ADMIN,
    op: (f) => ({ query: `mutation($id: ID!) { deleteGuidingGoal(id: $id, expectedVersion: 1) }`, variables: { id: f.guidingGoal } }),
  },
  startEvaluationPeriod: { expect: STAFF, op: () => ({ query: `mutation { startEvaluationPeriod { id } }` }) },
  // Everyone signed in sees the current period; its progress is for coordinators and admins.
  evaluationPeriod: { expect: STAFF, op: () => ({ query: `{ evaluationPeriod { startedAt progress { share } } }` }) },

  // ---------------------------------------------------------------- sessions and users
  login: {
    expect: ALL,
    op: (f) => ({
      query: `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }`,
      variables: { e: `ziel-${f.targetUser}@example.org`, p: TEST_PASSWORD },
    }),
  },
  logout: { expect: ALL, op: () => ({ query: `mutation { logout }` }) },
  endSession: {
    expect: SIGNED_IN,
    op: (f) => ({ query: `mutation($id: ID!) { endSession(id: $id) }`, variables: { id: f.extraSession } }),
  },
  changePassword: {
    expect: SIGNED_IN,
    op: () => ({
      query: `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`,
      variables: { c: TEST_PASSWORD, n: 'Ein ganz anderes Kennwort 2026' },
    }),
    after: async (f, t) => {
      if (f.actorId) await t.ds.query(`UPDATE app_user SET password_hash = $2 WHERE id = $1`, [f.actorId, f.actorHash]);
    },
  },
  acceptInvitation: {
    expect: ALL,
    op: (f) => ({
      query: `mutation($t: String!, $p: String!) { acceptInvitation(token: $t, password: $p) { id } }`,
      variables: { t: f.invitationToken, p: 'Ein ganz anderes Kennwort 2026' },
    }),
  },
  inviteUser: {
    expect: STAFF,
    op: (f) => ({
      query: `mutation($o: ID!, $e: String!) { inviteUser(input: { email: $e, role: EDITOR, organisationIds: [$o] }) { id } }`,
      variables: { o: f.org, e: `neu-${randomUUID()}@example.org` },
    }),
  },
  revokeInvitation: {
    expect: STAFF,
    op: (f) => ({ query: `mutation($id: ID!) { revokeInvitation(id: $id) { id } }`, variables: { id: f.invitation } }),
  },
  updateUser: {
    expect: STAFF,
    op: (f) => ({
      query: `mutation($id: ID!, $o: [ID!]) { updateUser(id: $id, expectedVersion: 1, input: { trusted: true, organisationIds: $o }) { id } }`,
      variables: { id: f.targetUser, o: [f.org] },
    }),
  },

  // ---------------------------------------------------------------- editing (org-scoped)
  createOrganisation: {
    expect: SIGNED_IN,
    op: () => ({ query: `mutation { createOrganisation(input: { kind: INITIATIVE_OTHER, name: "Matrix (Test)" }) { outcome } }` }),
  },
  updateOrganisation: {
    expect: OWN,
    op: (f) => ({
      query: `mutation($id: ID!, $v: Int!) { updateOrganisation(id: $id, expectedVersion: $v, input: { description: "neu" }) { outcome } }`,
      variables: { id: f.org, v: v() },
    }),
  },
  archiveOrganisation: {
    expect: OWN,
    op: (f) => ({ query: `mutation($id: ID!) { archiveOrganisation(id: $id, expectedVersion: 1) { outcome } }`, variables: { id: f.org } }),
  },
  publishOrganisation: {
    expect: STAFF,
    op: (f) => ({
      query: `mutation($id: ID!) { publishOrganisation(id: $id, expectedVersion: 1) { outcome } }`,
      variables: { id: f.draft },
    }),
  },
  confirmOrganisation: {
    expect: OWN,
    op: (f) => ({ query: `mutation($id: ID!) { confirmOrganisation(id: $id, expectedVersion: 1) { outcome } }`, variables: { id: f.org } }),
  },
  createLocation: {
    expect: OWN,
    op: (f) => ({
      query: `mutation($o: ID!) { createLocation(organisationId: $o, input: { street: "Markt 1" }) { outcome } }`,
      variables: { o: f.org },
    }),
  },
  updateLocation: {
    expect: OWN,
    op: (f) => ({
      query: `mutation($id: ID!) { updateLocation(id: $id, expectedVersion: 1, input: { street: "Markt 2" }) { outcome } }`,
      variables: { id: f.location },
    }),
  },
  deleteLocation: {
    expect: OWN,
    op: (f) => ({ query: `mutation($id: ID!) { deleteLocation(id: $id, expectedVersion: 1) { outcome } }`, variables: { id: f.location } }),
  },
  createService: {
    expect: OWN,
    op: (f) => ({
      query: `mutation($o: ID!) { createService(organisationId: $o, input: { name: "Kurs" }) { outcome } }`,
      variables: { o: f.org },
    }),
  },
  updateService: {
    expect: OWN,
    op: (f) => ({
      query: `mutation($id: ID!) { updateService(id: $id, expectedVersion: 1, input: { description: "neu" }) { outcome } }`,
      variables: { id: f.service },
    }),
  },
  archiveService: {
    expect: OWN,
    op: (f) => ({ query: `mutation($id: ID!) { archiveService(id: $id, expectedVersion: 1) { outcome } }`, variables: { id: f.service } }),
  },
  createContactPerson: {
    expect: OWN,
    op: (f) => ({
      query: `mutation($o: ID!) { createContactPerson(organisationId: $o, input: { name: "Kim" }) { outcome } }`,
      variables: { o: f.org },
    }),
  },
  updateContactPerson: {
    expect: OWN,
    op: (f) => ({
      query: `mutation($id: ID!) { updateContactPerson(id: $id, expectedVersion: 1, input: { title: "Beratung" }) { outcome } }`,
      variables: { id: f.contact },
    }),
  },
  deleteContactPerson: {
    expect: OWN,
    op: (f) => ({
      query: `mutation($id: ID!) { deleteContactPerson(id: $id, expectedVersion: 1) { outcome } }`,
      variables: { id: f.contact },
    }),
  },
  eraseContactPerson: {
    expect: STAFF,
    op: (f) => ({ query: `mutation($id: ID!) { eraseContactPerson(id: $id) }`, variables: { id: f.contact } }),
  },
  createRelationship: {
    expect: OWN,
    op: (f) => ({
      query: `mutation($s: ID!, $t: ID!) { createRelationship(input: { sourceOrganisationId: $s, targetOrganisationId: $t, type: REFERRAL }) { outcome } }`,
      variables: { s: f.org, t: f.third },
    }),
  },
  updateRelationship: {
    expect: OWN,
    op: (f) => ({
      query: `mutation($id: ID!) { updateRelationship(id: $id, expectedVersion: 1, input: { note: "seit 2024" }) { outcome } }`,
      variables: { id: f.relationship },
    }),
  },
  deleteRelationship: {
    expect: OWN,
    op: (f) => ({
      query: `mutation($id: ID!) { deleteRelationship(id: $id, expectedVersion: 1) { outcome } }`,
      variables: { id: f.relationship },
    }),
  },
  createNetworkMembership: {
    expect: STAFF,
    op: (f) => ({
      query: `mutation($n: ID!, $o: ID!) { createNetworkMembership(input: { networkId: $n, organisationId: $o }) { outcome } }`,
      variables: { n: f.network, o: f.third },
    }),
  },
  updateNetworkMembership: {
    expect: STAFF,
    op: (f) => ({
      query: `mutation($id: ID!) { updateNetworkMembership(id: $id, expectedVersion: 1, input: { role: COORDINATING_BODY }) { outcome } }`,
      variables: { id: f.membership },
    }),
  },
  deleteNetworkMembership: {
    expect: STAFF,
    op: (f) => ({
      query: `mutation($id: ID!) { deleteNetworkMembership(id: $id, expectedVersion: 1) { outcome } }`,
      variables: { id: f.membership },
    }),
  },
  approveChange: {
    expect: STAFF,
    op: (f) => ({ query: `mutation($id: ID!) { approveChange(id: $id) { status } }`, variables: { id: f.pendingChange } }),
  },
  rejectChange: {
    expect: STAFF,
    op: (f) => ({ query: `mutation($id: ID!) { rejectChange(id: $id, reason: "unklar") { status } }`, variables: { id: f.pendingChange } }),
  },
  startImport: {
    expect: STAFF,
    op: () => ({ query: `mutation { startImport(input: { format: CSV, content: "Name;Art\\nMatrix;Initiative" }) { id } }` }),
  },
  restoreVersion: {
    expect: OWN,
    op: (f) => ({
      query: `mutation($e: ID!, $a: ID!) { restoreVersion(entityType: ORGANISATION, entityId: $e, auditEntryId: $a) { outcome } }`,
      variables: { e: f.org, a: f.auditEntry },
    }),
  },
};

const DENIED = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND']);

describe('authorisation matrix (every query and mutation × role × own/other organisation)', () => {
  let t: TestApp;
  const sessions: Partial<Record<Role, TestSession>> = {};
  const userIds: Partial<Record<Role, string>> = {};

  async function fixture(scope: Scope, actor: Role): Promise<Fixture> {
    const ds = t.ds;
    const org = await createOrganisation(ds, { name: `Matrix ${scope} (Test)`, services: [{ name: 'Beratung', fields: ['beratung'] }] });
    const draft = await createOrganisation(ds, { name: `Matrix-Entwurf ${scope} (Test)`, status: PublicationStatus.DRAFT });
    const third = await createOrganisation(ds, { name: 'Dritte (Test)' });
    if (scope === 'own') {
      await ds.query(`INSERT INTO user_organisation (user_id, organisation_id) VALUES ($1, $2), ($1, $3)`, [userIds.EDITOR, org, draft]);
    }
    const [{ id: location }] = await ds.query(`INSERT INTO location (organisation_id, street) VALUES ($1, 'Markt 1') RETURNING id`, [org]);
    const [{ id: service }] = await ds.query(`SELECT id FROM service WHERE organisation_id = $1`, [org]);
    const [{ id: contact }] = await ds.query(`INSERT INTO contact (organisation_id, name) VALUES ($1, 'Kim Beispiel') RETURNING id`, [org]);
    const relationship = await createRelationship(ds, org, third);
    const network = await createNetwork(ds, 'Netzwerk (Test)');
    const [{ id: membership }] = await ds.query(
      `INSERT INTO network_membership (network_id, organisation_id) VALUES ($1, $2) RETURNING id`,
      [network, org],
    );
    const area = await createSquareArea(ds, { name: `Bezirk ${randomUUID()} (Test)`, x: X0, y: Y0 });
    const [{ id: pendingChange }] = await ds.query(
      `INSERT INTO pending_change (organisation_id, entity_type, entity_id, operation, base_version, payload)
       VALUES ($1, 'ORGANISATION', $1, 'UPDATE', 1, '{"description": "Vorschlag"}') RETURNING id`,
      [org],
    );
    const auditEntry = randomUUID();
    const guidingGoal = await insertGuidingGoal(ds, `Matrix-Leitziel ${scope}`, ['sprache']);
    const snapshot = await insertSnapshot(ds);
    const laterSnapshot = await insertSnapshot(ds, 'Evaluation später (Test)');
    await ds.query(`INSERT INTO evaluation_period DEFAULT VALUES`);
    const [{ id: importJob }] = await ds.query(`INSERT INTO import_job (kind, dry_run) VALUES ('CSV', true) RETURNING id`);
    await ds.query(
      `INSERT INTO audit_record (change_id, entity_type, entity_id, organisation_id, field, old_value, new_value, action)
       VALUES ($1, $2, $3, $3, 'description', 'null', 'null', $4)`,
      [auditEntry, EditableEntity.ORGANISATION, org, AuditAction.UPDATE],
    );
    const invitationToken = randomBytes(32).toString('base64url');
    const [{ id: invitation }] = await ds.query(
      `INSERT INTO invitation (token_hash, email, role, organisation_ids, expires_at) VALUES ($1, $2, 'EDITOR', $3, now() + interval '1 day') RETURNING id`,
      [createHash('sha256').update(invitationToken).digest('hex'), `eingeladen-${randomUUID()}@example.org`, [org]],
    );
    const targetUser = randomUUID();
    await ds.query(
      `INSERT INTO app_user (id, email, role, password_hash) SELECT $1, $2, 'EDITOR', password_hash FROM app_user WHERE id = $3`,
      [targetUser, `ziel-${targetUser}@example.org`, userIds.EDITOR],
    );
    const actorId = userIds[actor] ?? '';
    const [actorRow] = actorId ? await ds.query(`SELECT password_hash FROM app_user WHERE id = $1`, [actorId]) : [{ password_hash: '' }];
    const [{ id: extraSession }] = actorId
      ? await ds.query(
          `INSERT INTO user_session (token_hash, csrf_token, user_id, last_seen_at, expires_at) VALUES ($1, 'x', $2, now(), now() + interval '1 hour') RETURNING id`,
          [randomUUID(), actorId],
        )
      : [{ id: randomUUID() }];
    return {
      org,
      draft,
      third,
      location,
      service,
      contact,
      relationship,
      membership,
      network,
      area,
      pendingChange,
      auditEntry,
      guidingGoal,
      snapshot,
      laterSnapshot,
      importJob,
      invitation,
      invitationToken,
      targetUser,
      extraSession,
      actorId,
      actorHash: actorRow.password_hash,
    };
  }

  beforeAll(async () => {
    t = await createTestApp();
    await createTaxonomies(t.ds);
    for (const role of ['EDITOR', 'COORDINATOR', 'ADMIN'] as const) {
      userIds[role] = await createUser(t.ds, { email: `${role.toLowerCase()}@example.org`, role: UserRole[role] });
    }
  });
  afterAll(() => t.close());

  it('has a rule for every query and mutation of the served schema (and none for operations that do not exist)', async () => {
    const res = await t.gql(`{ q: __type(name: "Query") { fields { name } } m: __type(name: "Mutation") { fields { name } } }`);
    const served = [...res.data!.q.fields, ...res.data!.m.fields].map((f: { name: string }) => f.name).sort();
    expect(Object.keys(RULES).sort()).toEqual(served);
  });

  const cases: [string, Role, Scope, Expect][] = [];
  for (const [name, rule] of Object.entries(RULES)) {
    const [anon, [editorOwn, editorOther], coord, admin] = rule.expect;
    cases.push([name, 'ANONYMOUS', 'other', anon]);
    cases.push([name, 'EDITOR', 'own', editorOwn]);
    cases.push([name, 'EDITOR', 'other', editorOther]);
    cases.push([name, 'COORDINATOR', 'other', coord]);
    cases.push([name, 'ADMIN', 'other', admin]);
  }

  it(`answers all ${cases.length} cases as the table says`, async () => {
    const failures: string[] = [];
    let allowed = 0;
    for (const [name, role, scope, expected] of cases) {
      // Fresh sessions per case: logout, changePassword and endSession must not affect later cases.
      const session = role === 'ANONYMOUS' ? undefined : await t.login(`${role.toLowerCase()}@example.org`);
      if (session) sessions[role] = session;
      const f = await fixture(scope, role);
      const { query, variables } = RULES[name].op(f);
      const res: GraphQLResponse = session ? await session.gql(query, variables) : await t.gql(query, variables);
      await RULES[name].after?.(f, t);
      const code = res.errors?.[0]?.extensions?.code as string | undefined;
      const outcome: Expect | 'ERROR' = !res.errors ? 'A' : DENIED.has(code ?? '') ? 'D' : 'ERROR';
      if (outcome === 'A') allowed++;
      if (outcome !== expected) {
        failures.push(
          `${name} as ${role} (${scope}): expected ${expected}, got ${outcome} ${res.errors ? JSON.stringify(res.errors[0].message) : ''}`,
        );
      }
      if (scope === 'own') await t.ds.query(`DELETE FROM user_organisation WHERE user_id = $1`, [userIds.EDITOR]);
    }
    console.log(
      `[authorisation matrix] ${Object.keys(RULES).length} operations × 5 role/scope columns = ${cases.length} cases: ${allowed} allowed, ${cases.length - allowed} denied`,
    );
    expect(failures).toEqual([]);
  });
});
