import { randomUUID } from 'node:crypto';
import { UserRole } from '@partneratlas/shared';
import { createOrganisation, createUser } from './support/factories';
import { createTestApp, TestApp, TestSession } from './support/test-app';

const USERS = `{ users { id email role trusted disabled version organisations { id name } } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateUserInput!) {
  updateUser(id: $id, expectedVersion: $v, input: $input) { id email displayName role trusted disabled version organisations { name } }
}`;
const ME = `{ me { id role } }`;

interface StoredUser {
  version: number;
  role: UserRole;
  trusted: boolean;
  display_name: string | null;
  disabled: boolean;
  organisation_ids: string[];
}

describe('users: listing and changing', () => {
  let t: TestApp;
  let admin: TestSession;
  let coordinator: TestSession;
  let adminId: string;
  let coordinatorId: string;
  let orgA: string;
  let orgB: string;
  let orgC: string;

  beforeAll(async () => {
    t = await createTestApp();
    orgA = await createOrganisation(t.ds, { name: 'AWO Beratung' });
    orgB = await createOrganisation(t.ds, { name: 'Bürgerinitiative Grone' });
    orgC = await createOrganisation(t.ds, { name: 'Caritas Göttingen' });
    adminId = await createUser(t.ds, { email: 'admin@example.org', role: UserRole.ADMIN });
    coordinatorId = await createUser(t.ds, { email: 'koordination@example.org', role: UserRole.COORDINATOR });
    admin = await t.login('admin@example.org');
    coordinator = await t.login('koordination@example.org');
  });
  afterAll(() => t.close());

  let n = 0;
  async function editor(organisationIds = [orgA]): Promise<{ id: string; email: string }> {
    const email = `redaktion${++n}@example.org`;
    return { id: await createUser(t.ds, { email, role: UserRole.EDITOR, organisationIds }), email };
  }

  async function stored(id: string): Promise<StoredUser> {
    const [row]: StoredUser[] = await t.ds.query(
      `SELECT u.version, u.role, u.trusted, u.display_name, u.disabled_at IS NOT NULL AS disabled,
              COALESCE((SELECT array_agg(organisation_id ORDER BY organisation_id) FROM user_organisation WHERE user_id = u.id), '{}') AS organisation_ids
         FROM app_user u WHERE u.id = $1`,
      [id],
    );
    return row;
  }

  describe('users', () => {
    it('lists every user with their organisations for admins and coordinators', async () => {
      const e = await editor([orgB, orgA]);
      for (const s of [admin, coordinator]) {
        const res = await s.gql(USERS);
        expect(res.errors).toBeUndefined();
        const listed = res.data?.users.find((u: { id: string }) => u.id === e.id);
        expect(listed).toMatchObject({ email: e.email, role: 'EDITOR', trusted: false, disabled: false, version: 1 });
        expect(listed.organisations.map((o: { name: string }) => o.name)).toEqual(['AWO Beratung', 'Bürgerinitiative Grone']);
        const staff = res.data?.users.find((u: { id: string }) => u.id === coordinatorId);
        expect(staff.organisations).toEqual([]);
      }
    });

    it('is hidden from editors and anonymous visitors', async () => {
      const e = await editor();
      const s = await t.login(e.email);
      expect((await s.gql(USERS)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await t.gql(USERS)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('loads the organisations of all listed users in a fixed number of statements', async () => {
      await editor([orgA]);
      const before = await t.countStatements(() => admin.gql(USERS));
      for (let i = 0; i < 6; i++) await editor([orgA, orgB, orgC]);
      const after = await t.countStatements(() => admin.gql(USERS));
      expect(after).toBe(before);
    });
  });

  describe('updateUser', () => {
    it('changes name and trust, bumping the version', async () => {
      const e = await editor();
      const res = await coordinator.gql(UPDATE, { id: e.id, v: 1, input: { displayName: '  Rita Redaktion ', trusted: true } });
      expect(res.errors).toBeUndefined();
      expect(res.data?.updateUser).toMatchObject({ displayName: 'Rita Redaktion', trusted: true, version: 2, role: 'EDITOR' });
      const cleared = await coordinator.gql(UPDATE, { id: e.id, v: 2, input: { displayName: null } });
      expect(cleared.data?.updateUser).toMatchObject({ displayName: null, trusted: true, version: 3 });
    });

    it('rejects a stale version with CONFLICT and the current version, and keeps the stored user', async () => {
      const e = await editor();
      expect((await admin.gql(UPDATE, { id: e.id, v: 1, input: { trusted: true } })).errors).toBeUndefined();
      const before = await stored(e.id);
      const res = await coordinator.gql(UPDATE, {
        id: e.id,
        v: 1,
        input: { displayName: 'Veraltet', trusted: false, organisationIds: [orgB] },
      });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
      expect(await stored(e.id)).toEqual(before);
      expect(before).toMatchObject({ version: 2, trusted: true, display_name: null, organisation_ids: [orgA] });
    });

    it('answers NOT_FOUND for an unknown user', async () => {
      const res = await admin.gql(UPDATE, { id: randomUUID(), v: 1, input: { trusted: true } });
      expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });

    it('replaces the organisations of an editor', async () => {
      const e = await editor([orgA, orgB]);
      const res = await coordinator.gql(UPDATE, { id: e.id, v: 1, input: { organisationIds: [orgC, orgB] } });
      expect(res.errors).toBeUndefined();
      expect(res.data?.updateUser.organisations.map((o: { name: string }) => o.name)).toEqual([
        'Bürgerinitiative Grone',
        'Caritas Göttingen',
      ]);
      expect((await stored(e.id)).organisation_ids).toEqual([orgB, orgC].sort());
    });

    it('rejects unknown organisations and an empty list for an editor, changing nothing', async () => {
      const e = await editor([orgA]);
      const unknown = await coordinator.gql(UPDATE, { id: e.id, v: 1, input: { trusted: true, organisationIds: [orgB, randomUUID()] } });
      expect(unknown.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(unknown.errors?.[0].extensions?.fields?.[0].field).toBe('input.organisationIds');
      const empty = await coordinator.gql(UPDATE, { id: e.id, v: 1, input: { organisationIds: [] } });
      expect(empty.errors?.[0].extensions?.fields?.[0].field).toBe('input.organisationIds');
      expect(await stored(e.id)).toMatchObject({ version: 1, trusted: false, organisation_ids: [orgA] });
    });

    it('disabling a user ends their sessions at once; enabling lets them sign in again', async () => {
      const e = await editor();
      const s = await t.login(e.email);
      expect((await s.gql(ME)).data?.me?.id).toBe(e.id);
      const res = await coordinator.gql(UPDATE, { id: e.id, v: 1, input: { disabled: true } });
      expect(res.data?.updateUser).toMatchObject({ disabled: true, version: 2 });
      expect((await s.gql(ME)).data?.me).toBeNull();
      const open: unknown[] = await t.ds.query(`SELECT 1 FROM user_session WHERE user_id = $1 AND ended_at IS NULL`, [e.id]);
      expect(open).toHaveLength(0);
      await expect(t.login(e.email)).rejects.toThrow(/UNAUTHENTICATED/);
      await coordinator.gql(UPDATE, { id: e.id, v: 2, input: { disabled: false } });
      await expect(t.login(e.email)).resolves.toBeDefined();
    });

    it('lets only admins change roles; a role change applies to the next request of that user', async () => {
      const e = await editor();
      const byCoordinator = await coordinator.gql(UPDATE, { id: e.id, v: 1, input: { role: 'COORDINATOR' } });
      expect(byCoordinator.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      // Sending the unchanged role is not a role change.
      expect((await coordinator.gql(UPDATE, { id: e.id, v: 1, input: { role: 'EDITOR', trusted: true } })).errors).toBeUndefined();

      const s = await t.login(e.email);
      expect((await s.gql(USERS)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const promoted = await admin.gql(UPDATE, { id: e.id, v: 2, input: { role: 'COORDINATOR' } });
      expect(promoted.errors).toBeUndefined();
      expect(promoted.data?.updateUser).toMatchObject({ role: 'COORDINATOR', organisations: [] });
      expect((await stored(e.id)).organisation_ids).toEqual([]);
      expect((await s.gql(USERS)).errors).toBeUndefined();
    });

    it('requires organisations when an admin makes someone an editor', async () => {
      const id = await createUser(t.ds, { email: `wird-redaktion@example.org`, role: UserRole.COORDINATOR });
      const without = await admin.gql(UPDATE, { id, v: 1, input: { role: 'EDITOR' } });
      expect(without.errors?.[0].extensions?.fields?.[0].field).toBe('input.organisationIds');
      const withOrgs = await admin.gql(UPDATE, { id, v: 1, input: { role: 'EDITOR', organisationIds: [orgC] } });
      expect(withOrgs.data?.updateUser).toMatchObject({ role: 'EDITOR', organisations: [{ name: 'Caritas Göttingen' }] });
    });

    it('keeps coordinators away from administrators', async () => {
      const otherAdmin = await createUser(t.ds, { email: 'zweite-admin@example.org', role: UserRole.ADMIN });
      for (const input of [{ displayName: 'Neu' }, { disabled: true }, { trusted: true }]) {
        expect((await coordinator.gql(UPDATE, { id: otherAdmin, v: 1, input })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      }
      expect((await stored(otherAdmin)).version).toBe(1);
      expect((await admin.gql(UPDATE, { id: otherAdmin, v: 1, input: { displayName: 'Zweite' } })).errors).toBeUndefined();
    });

    it('lets a coordinator disable another coordinator', async () => {
      const id = await createUser(t.ds, { email: 'andere-koordination@example.org', role: UserRole.COORDINATOR });
      const res = await coordinator.gql(UPDATE, { id, v: 1, input: { disabled: true } });
      expect(res.data?.updateUser.disabled).toBe(true);
    });

    it('lets nobody disable or demote themselves', async () => {
      const [{ version: adminVersion }] = await t.ds.query(`SELECT version FROM app_user WHERE id = $1`, [adminId]);
      expect((await admin.gql(UPDATE, { id: adminId, v: adminVersion, input: { disabled: true } })).errors?.[0].extensions?.code).toBe(
        'FORBIDDEN',
      );
      expect((await admin.gql(UPDATE, { id: adminId, v: adminVersion, input: { role: 'COORDINATOR' } })).errors?.[0].extensions?.code).toBe(
        'FORBIDDEN',
      );
      const [{ version: coordinatorVersion }] = await t.ds.query(`SELECT version FROM app_user WHERE id = $1`, [coordinatorId]);
      expect(
        (await coordinator.gql(UPDATE, { id: coordinatorId, v: coordinatorVersion, input: { disabled: true } })).errors?.[0].extensions
          ?.code,
      ).toBe('FORBIDDEN');
      // Their own name is fine.
      expect((await admin.gql(UPDATE, { id: adminId, v: adminVersion, input: { displayName: 'Ada' } })).errors).toBeUndefined();
      expect((await admin.gql(ME)).data?.me?.role).toBe('ADMIN');
    });

    it('refuses editors and anonymous visitors', async () => {
      const e = await editor();
      const s = await t.login(e.email);
      expect((await s.gql(UPDATE, { id: e.id, v: 1, input: { trusted: true } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await t.gql(UPDATE, { id: e.id, v: 1, input: { trusted: true } })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect((await stored(e.id)).trusted).toBe(false);
    });
  });
});
