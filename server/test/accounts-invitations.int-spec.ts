import { randomUUID } from 'node:crypto';
import { PublicationStatus, UserRole } from '@partneratlas/shared';
import { invitationToken, outbox, signInWith } from './support/accounts';
import { createOrganisation, createUser } from './support/factories';
import { createTestApp, TestApp, TestSession } from './support/test-app';

const INVITE = `mutation($input: InviteUserInput!) {
  inviteUser(input: $input) { id email role createdAt expiresAt acceptedAt revokedAt organisations { id name } invitedBy { id email } }
}`;
const REVOKE = `mutation($id: ID!) { revokeInvitation(id: $id) { id revokedAt } }`;
const INVITATIONS = `query($all: Boolean) { invitations(includeClosed: $all) { id email role acceptedAt revokedAt } }`;
const PREVIEW = `query($token: String!) { invitationPreview(token: $token) { email role organisationNames expiresAt } }`;
const ACCEPT = `mutation($token: String!, $password: String!, $displayName: String) {
  acceptInvitation(token: $token, password: $password, displayName: $displayName) { id email displayName role organisations { id name } }
}`;
const ME = `{ me { id email role displayName organisations { name } } }`;
const NEW_PASSWORD = 'Leinekanal-Kiessee-4711';

describe('invitations', () => {
  let t: TestApp;
  let admin: TestSession;
  let coordinator: TestSession;
  let editor: TestSession;
  let migrationsberatung: string;
  let sprachcafe: string;

  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_URL: 'https://partneratlas.example.org' });
    migrationsberatung = await createOrganisation(t.ds, { name: 'Migrationsberatung Weende' });
    // Unpublished: the invitee must still see its name.
    sprachcafe = await createOrganisation(t.ds, { name: 'Sprachcafé Grone', status: PublicationStatus.DRAFT });
    await createUser(t.ds, { email: 'admin@example.org', role: UserRole.ADMIN, displayName: 'Ada Admin' });
    await createUser(t.ds, { email: 'koordination@example.org', role: UserRole.COORDINATOR });
    await createUser(t.ds, { email: 'redaktion@example.org', role: UserRole.EDITOR, organisationIds: [migrationsberatung] });
    admin = await t.login('admin@example.org');
    coordinator = await t.login('koordination@example.org');
    editor = await t.login('redaktion@example.org');
  });
  afterAll(() => t.close());

  async function invite(by: TestSession, input: Record<string, unknown>) {
    return by.gql(INVITE, { input });
  }

  async function invitedToken(email: string, role = UserRole.COORDINATOR, organisationIds: string[] = []): Promise<string> {
    const res = await invite(admin, { email, role, organisationIds });
    expect(res.errors).toBeUndefined();
    return invitationToken(outbox(t).lastTo(email));
  }

  it('invites an editor by mail, shows the preview, and accepting signs the new user in with role and organisations', async () => {
    const res = await invite(admin, {
      email: ' Neue.Redakteurin@Example.org ',
      role: 'EDITOR',
      organisationIds: [migrationsberatung, sprachcafe],
      displayName: 'Nora Neu',
    });
    expect(res.errors).toBeUndefined();
    const invitation = res.data?.inviteUser;
    expect(invitation).toMatchObject({
      email: 'neue.redakteurin@example.org',
      role: 'EDITOR',
      acceptedAt: null,
      revokedAt: null,
      invitedBy: { email: 'admin@example.org' },
    });
    expect(invitation.organisations.map((o: { name: string }) => o.name)).toEqual(['Migrationsberatung Weende', 'Sprachcafé Grone']);
    const hours = (new Date(invitation.expiresAt).getTime() - new Date(invitation.createdAt).getTime()) / 3_600_000;
    expect(hours).toBeCloseTo(72, 5);

    const mail = outbox(t).lastTo('neue.redakteurin@example.org');
    expect(mail?.subject).toContain('Einladung');
    expect(mail?.text).toContain('https://partneratlas.example.org/einladung/');
    expect(mail?.text).toContain('Redaktion');
    expect(mail?.text).toContain('Ada Admin');
    expect(mail?.text).toMatch(/You have been invited/);
    const token = invitationToken(mail);
    const [stored]: { token_hash: string }[] = await t.ds.query(`SELECT token_hash FROM invitation WHERE id = $1`, [invitation.id]);
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.token_hash).not.toContain(token);

    const preview = await t.gql(PREVIEW, { token });
    expect(preview.errors).toBeUndefined();
    expect(preview.data?.invitationPreview).toEqual({
      email: 'neue.redakteurin@example.org',
      role: 'EDITOR',
      organisationNames: ['Migrationsberatung Weende', 'Sprachcafé Grone'],
      expiresAt: invitation.expiresAt,
    });

    const { response, session } = await signInWith(t, ACCEPT, { token, password: NEW_PASSWORD }, 'acceptInvitation');
    expect(response.errors).toBeUndefined();
    expect(response.data?.acceptInvitation).toMatchObject({
      email: 'neue.redakteurin@example.org',
      role: 'EDITOR',
      displayName: 'Nora Neu',
    });
    expect(session).toBeDefined();
    const me = await session!.gql(ME);
    expect(me.data?.me).toMatchObject({ email: 'neue.redakteurin@example.org', role: 'EDITOR' });
    expect(me.data?.me.organisations.map((o: { name: string }) => o.name)).toEqual(['Migrationsberatung Weende', 'Sprachcafé Grone']);

    const [user]: { password_hash: string }[] = await t.ds.query(`SELECT password_hash FROM app_user WHERE email = $1`, [
      'neue.redakteurin@example.org',
    ]);
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    const [accepted]: { accepted_at: Date | null }[] = await t.ds.query(`SELECT accepted_at FROM invitation WHERE id = $1`, [
      invitation.id,
    ]);
    expect(accepted.accepted_at).not.toBeNull();
    await expect(t.login('neue.redakteurin@example.org', NEW_PASSWORD)).resolves.toBeDefined();
  });

  it('accepts a link only once: the second use is NOT_FOUND and creates nobody', async () => {
    const token = await invitedToken('einmal@example.org');
    const first = await t.gql(ACCEPT, { token, password: NEW_PASSWORD, displayName: 'Erika Einmal' });
    expect(first.errors).toBeUndefined();
    expect(first.data?.acceptInvitation).toMatchObject({ role: 'COORDINATOR', displayName: 'Erika Einmal' });
    const second = await t.gql(ACCEPT, { token, password: 'Ein-anderes-Passwort-99' });
    expect(second.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'ACCEPTED' });
    expect((await t.gql(PREVIEW, { token })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    await expect(t.login('einmal@example.org', NEW_PASSWORD)).resolves.toBeDefined();
    const [row]: { id: string }[] = await t.ds.query(`SELECT id FROM invitation WHERE email = 'einmal@example.org'`);
    expect((await admin.gql(REVOKE, { id: row.id })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers NOT_FOUND with a clear message for an expired link', async () => {
    const token = await invitedToken('spaet@example.org');
    await t.ds.query(`UPDATE invitation SET expires_at = now() - interval '1 minute' WHERE email = $1`, ['spaet@example.org']);
    const preview = await t.gql(PREVIEW, { token });
    expect(preview.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'EXPIRED' });
    expect(preview.errors?.[0].message).toMatch(/abgelaufen/);
    const accept = await t.gql(ACCEPT, { token, password: NEW_PASSWORD });
    expect(accept.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'EXPIRED' });
    expect(await t.ds.query(`SELECT 1 FROM app_user WHERE email = $1`, ['spaet@example.org'])).toHaveLength(0);
  });

  it('answers NOT_FOUND for a revoked link', async () => {
    const token = await invitedToken('zurueck@example.org');
    const [row]: { id: string }[] = await t.ds.query(`SELECT id FROM invitation WHERE email = $1`, ['zurueck@example.org']);
    const revoked = await coordinator.gql(REVOKE, { id: row.id });
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data?.revokeInvitation.revokedAt).not.toBeNull();
    expect((await t.gql(PREVIEW, { token })).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'REVOKED' });
    expect((await t.gql(ACCEPT, { token, password: NEW_PASSWORD })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('answers NOT_FOUND for an unknown token', async () => {
    const res = await t.gql(PREVIEW, { token: 'x'.repeat(43) });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'UNKNOWN' });
    expect((await t.gql(ACCEPT, { token: 'y'.repeat(43), password: NEW_PASSWORD })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('revokes the earlier open invitation when the same email is invited again', async () => {
    const firstToken = await invitedToken('zweimal@example.org');
    const secondToken = await invitedToken('ZWEIMAL@example.org', UserRole.EDITOR, [migrationsberatung]);
    expect(secondToken).not.toBe(firstToken);
    expect((await t.gql(PREVIEW, { token: firstToken })).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'REVOKED' });
    expect((await t.gql(PREVIEW, { token: secondToken })).data?.invitationPreview.role).toBe('EDITOR');
    const open = (await admin.gql(INVITATIONS)).data?.invitations.filter((i: { email: string }) => i.email === 'zweimal@example.org');
    expect(open).toHaveLength(1);
  });

  it('rejects a weak password on accepting with BAD_USER_INPUT naming the field, and the link stays usable', async () => {
    const token = await invitedToken('schwach@example.org');
    for (const weak of ['password1234', 'zu-kurz', 'schwach@example.org-2024']) {
      const res = await t.gql(ACCEPT, { token, password: weak });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions?.fields).toEqual([{ field: 'password', problems: [expect.any(String)] }]);
    }
    expect((await t.gql(PREVIEW, { token })).errors).toBeUndefined();
    expect((await t.gql(ACCEPT, { token, password: NEW_PASSWORD })).errors).toBeUndefined();
  });

  it('rejects inviting the email of an existing user with BAD_USER_INPUT', async () => {
    const res = await invite(admin, { email: 'Koordination@example.org', role: 'COORDINATOR' });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.fields?.[0].field).toBe('input.email');
  });

  it('requires at least one existing organisation for an editor', async () => {
    const none = await invite(admin, { email: 'ohne@example.org', role: 'EDITOR' });
    expect(none.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(none.errors?.[0].extensions?.fields?.[0].field).toBe('input.organisationIds');
    const unknown = await invite(admin, { email: 'ohne@example.org', role: 'EDITOR', organisationIds: [randomUUID()] });
    expect(unknown.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(unknown.errors?.[0].extensions?.fields?.[0].field).toBe('input.organisationIds');
    const malformed = await invite(admin, { email: 'ohne@example.org', role: 'EDITOR', organisationIds: ['nope'] });
    expect(malformed.errors?.[0].extensions?.fields?.[0].field).toBe('input.organisationIds');
    const badEmail = await invite(admin, { email: 'keine-adresse', role: 'COORDINATOR' });
    expect(badEmail.errors?.[0].extensions?.fields?.[0].field).toBe('input.email');
    expect(await t.ds.query(`SELECT 1 FROM invitation WHERE email = 'ohne@example.org'`)).toHaveLength(0);
    expect(outbox(t).lastTo('ohne@example.org')).toBeUndefined();
  });

  it('lets a coordinator invite editors and coordinators but not administrators', async () => {
    const asEditor = await invite(coordinator, { email: 'von-koordination@example.org', role: 'EDITOR', organisationIds: [sprachcafe] });
    expect(asEditor.errors).toBeUndefined();
    const asCoordinator = await invite(coordinator, { email: 'noch-eine@example.org', role: 'COORDINATOR' });
    expect(asCoordinator.errors).toBeUndefined();
    const asAdmin = await invite(coordinator, { email: 'chefin@example.org', role: 'ADMIN' });
    expect(asAdmin.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(outbox(t).lastTo('chefin@example.org')).toBeUndefined();
  });

  it('lets an admin invite an administrator', async () => {
    const res = await invite(admin, { email: 'zweite-admin@example.org', role: 'ADMIN' });
    expect(res.errors).toBeUndefined();
    expect(res.data?.inviteUser.role).toBe('ADMIN');
  });

  it('does not let a coordinator revoke an administrator invitation', async () => {
    await invite(admin, { email: 'admin-kandidat@example.org', role: 'ADMIN' });
    const [row]: { id: string }[] = await t.ds.query(`SELECT id FROM invitation WHERE email = $1`, ['admin-kandidat@example.org']);
    expect((await coordinator.gql(REVOKE, { id: row.id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await admin.gql(REVOKE, { id: row.id })).errors).toBeUndefined();
    expect((await admin.gql(REVOKE, { id: randomUUID() })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses editors and anonymous visitors', async () => {
    const byEditor = await invite(editor, { email: 'kollege@example.org', role: 'EDITOR', organisationIds: [migrationsberatung] });
    expect(byEditor.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(INVITE, { input: { email: 'kollege@example.org', role: 'EDITOR' } })).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    expect((await editor.gql(INVITATIONS)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(INVITATIONS)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(outbox(t).lastTo('kollege@example.org')).toBeUndefined();
  });

  it('lists open invitations by default and closed ones on request', async () => {
    const token = await invitedToken('liste-angenommen@example.org');
    await t.gql(ACCEPT, { token, password: NEW_PASSWORD });
    await invitedToken('liste-offen@example.org');
    const open = (await coordinator.gql(INVITATIONS)).data?.invitations.map((i: { email: string }) => i.email);
    expect(open).toContain('liste-offen@example.org');
    expect(open).not.toContain('liste-angenommen@example.org');
    const all = (await coordinator.gql(INVITATIONS, { all: true })).data?.invitations;
    expect(all.find((i: { email: string }) => i.email === 'liste-angenommen@example.org')?.acceptedAt).not.toBeNull();
  });

  it('refuses to accept when an account with the email was created meanwhile, leaving the invitation open', async () => {
    const token = await invitedToken('parallel@example.org');
    await createUser(t.ds, { email: 'parallel@example.org', role: UserRole.COORDINATOR });
    const res = await t.gql(ACCEPT, { token, password: NEW_PASSWORD });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const [row]: { accepted_at: Date | null }[] = await t.ds.query(`SELECT accepted_at FROM invitation WHERE email = $1`, [
      'parallel@example.org',
    ]);
    expect(row.accepted_at).toBeNull();
  });

  it('revokes the invitation and says so when the mail cannot be sent', async () => {
    const send = jest.spyOn(outbox(t), 'send').mockRejectedValueOnce(new Error('SMTP down'));
    try {
      const res = await invite(admin, { email: 'unzustellbar@example.org', role: 'COORDINATOR' });
      expect(res.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(res.errors?.[0].message).toMatch(/nicht versendet/);
    } finally {
      send.mockRestore();
    }
    const rows: { revoked_at: Date | null }[] = await t.ds.query(`SELECT revoked_at FROM invitation WHERE email = $1`, [
      'unzustellbar@example.org',
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0].revoked_at).not.toBeNull();
  });

  it('replaces the session of whoever was signed in on that browser when accepting', async () => {
    const token = await invitedToken('uebernahme@example.org');
    const signedIn = await t.login('redaktion@example.org');
    const res = await signedIn.gql(ACCEPT, { token, password: NEW_PASSWORD });
    expect(res.errors).toBeUndefined();
    expect((await signedIn.gql(ME)).data?.me).toBeNull();
  });
});
