import { randomUUID } from 'node:crypto';
import { UserRole } from '@partneratlas/shared';
import { createUser, TEST_PASSWORD } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

const ME = `{ me { id email } }`;
const MY_SESSIONS = `{ mySessions { id current lastSeenAt expiresAt userAgent } }`;
const END_SESSION = `mutation($id: ID!) { endSession(id: $id) }`;
const CHANGE_PASSWORD = `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`;
const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }`;

describe('sessions, password change and sign-in throttling', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** A user of its own for each test, so that sessions and attempts never mix. */
  let n = 0;
  async function freshUser(role = UserRole.COORDINATOR): Promise<{ id: string; email: string }> {
    const email = `person${++n}@example.org`;
    const id = await createUser(t.ds, { email, role });
    return { id, email };
  }

  async function sessionIdOf(userId: string): Promise<string> {
    const [row]: { id: string }[] = await t.ds.query(`SELECT id FROM user_session WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1`, [
      userId,
    ]);
    return row.id;
  }

  describe('expiry', () => {
    it('ends a session after 30 minutes without a request (idle timeout)', async () => {
      const u = await freshUser();
      const s = await t.login(u.email);
      expect((await s.gql(ME)).data?.me?.email).toBe(u.email);
      await t.ds.query(`UPDATE user_session SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1`, [u.id]);
      expect((await s.gql(ME)).data?.me).toBeNull();
      expect((await s.gql(MY_SESSIONS)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('extends the idle window with every request', async () => {
      const u = await freshUser();
      const s = await t.login(u.email);
      await t.ds.query(`UPDATE user_session SET last_seen_at = now() - interval '29 minutes' WHERE user_id = $1`, [u.id]);
      expect((await s.gql(ME)).data?.me?.email).toBe(u.email);
      const [row]: { idle_seconds: number }[] = await t.ds.query(
        `SELECT EXTRACT(EPOCH FROM now() - last_seen_at)::int AS idle_seconds FROM user_session WHERE user_id = $1`,
        [u.id],
      );
      expect(row.idle_seconds).toBeLessThan(60);
    });

    it('ends a session at its absolute end even while it is in use', async () => {
      const u = await freshUser();
      const s = await t.login(u.email);
      await t.ds.query(`UPDATE user_session SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [u.id]);
      expect((await s.gql(ME)).data?.me).toBeNull();
    });

    it('gives sessions an absolute end 12 hours after sign-in', async () => {
      const u = await freshUser();
      const s = await t.login(u.email);
      const [session] = (await s.gql(MY_SESSIONS)).data?.mySessions ?? [];
      const hours = (new Date(session.expiresAt).getTime() - Date.now()) / 3_600_000;
      expect(hours).toBeGreaterThan(11.9);
      expect(hours).toBeLessThanOrEqual(12);
    });

    it('does not accept an ended session', async () => {
      const u = await freshUser();
      const s = await t.login(u.email);
      await t.ds.query(`UPDATE user_session SET ended_at = now() WHERE user_id = $1`, [u.id]);
      expect((await s.gql(ME)).data?.me).toBeNull();
    });

    it('does not accept the session of a disabled user', async () => {
      const u = await freshUser();
      const s = await t.login(u.email);
      await t.ds.query(`UPDATE app_user SET disabled_at = now() WHERE id = $1`, [u.id]);
      expect((await s.gql(ME)).data?.me).toBeNull();
    });
  });

  describe('mySessions and endSession', () => {
    it('lists the open sessions of the signed-in user, marking the current one', async () => {
      const u = await freshUser();
      const other = await freshUser();
      const a = await t.login(u.email, TEST_PASSWORD, { 'user-agent': 'Browser A' });
      await t.login(u.email, TEST_PASSWORD, { 'user-agent': 'Browser B' });
      await t.login(other.email);
      const sessions = (await a.gql(MY_SESSIONS)).data?.mySessions as { current: boolean; userAgent: string }[];
      expect(sessions).toHaveLength(2);
      expect(sessions.filter((x) => x.current).map((x) => x.userAgent)).toEqual(['Browser A']);
      expect(sessions.map((x) => x.userAgent).sort()).toEqual(['Browser A', 'Browser B']);
    });

    it('ends another own session, which is then signed out', async () => {
      const u = await freshUser();
      const a = await t.login(u.email);
      const b = await t.login(u.email);
      const bId = await sessionIdOf(u.id);
      expect((await a.gql(END_SESSION, { id: bId })).data?.endSession).toBe(true);
      expect((await b.gql(ME)).data?.me).toBeNull();
      expect((await a.gql(ME)).data?.me?.email).toBe(u.email);
      expect((await a.gql(END_SESSION, { id: bId })).data?.endSession).toBe(false);
    });

    it("cannot end another user's session (false, and that session stays open)", async () => {
      const u = await freshUser();
      const victim = await freshUser();
      const a = await t.login(u.email);
      const v = await t.login(victim.email);
      const victimSession = await sessionIdOf(victim.id);
      expect((await a.gql(END_SESSION, { id: victimSession })).data?.endSession).toBe(false);
      expect((await v.gql(ME)).data?.me?.email).toBe(victim.email);
      expect((await a.gql(END_SESSION, { id: randomUUID() })).data?.endSession).toBe(false);
    });

    it('rejects a malformed session id with BAD_USER_INPUT', async () => {
      const u = await freshUser();
      const a = await t.login(u.email);
      expect((await a.gql(END_SESSION, { id: 'not-a-uuid' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('requires a signed-in user', async () => {
      expect((await t.gql(MY_SESSIONS)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect((await t.gql(END_SESSION, { id: randomUUID() })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('changePassword', () => {
    const NEW_PASSWORD = 'Gänseliesel-am-Markt-1901';

    it('sets the new password and ends the other sessions of the user, keeping the current one', async () => {
      const u = await freshUser();
      const a = await t.login(u.email);
      const b = await t.login(u.email);
      const res = await a.gql(CHANGE_PASSWORD, { c: TEST_PASSWORD, n: NEW_PASSWORD });
      expect(res.errors).toBeUndefined();
      expect(res.data?.changePassword).toBe(true);
      expect((await b.gql(ME)).data?.me).toBeNull();
      expect((await a.gql(ME)).data?.me?.email).toBe(u.email);
      expect((await t.gql(LOGIN, { e: u.email, p: TEST_PASSWORD })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      await expect(t.login(u.email, NEW_PASSWORD)).resolves.toBeDefined();
      const [row]: { hash: string }[] = await t.ds.query(`SELECT password_hash AS hash FROM app_user WHERE id = $1`, [u.id]);
      expect(row.hash).toMatch(/^\$argon2id\$/);
    });

    it.each([
      ['a common password with digits', 'password1234'],
      ['a common word padded with digits and symbols', '!!qwertyuiop2024!!'],
      ['a short password', 'Kurz-9'],
      ['the email address', 'person-mail-PERSONX@example.org'],
    ])('rejects %s with BAD_USER_INPUT naming newPassword and keeps the old one', async (_label, weak) => {
      const u = await freshUser();
      const a = await t.login(u.email);
      const res = await a.gql(CHANGE_PASSWORD, { c: TEST_PASSWORD, n: weak.replace('PERSONX', u.email.split('@')[0]) });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions?.fields).toEqual([{ field: 'newPassword', problems: [expect.any(String)] }]);
      await expect(t.login(u.email)).resolves.toBeDefined();
    });

    it('rejects a wrong current password with UNAUTHENTICATED', async () => {
      const u = await freshUser();
      const a = await t.login(u.email);
      const res = await a.gql(CHANGE_PASSWORD, { c: 'nicht-das-richtige', n: NEW_PASSWORD });
      expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      await expect(t.login(u.email)).resolves.toBeDefined();
    });
  });

  describe('sign-in throttling per (email, IP)', () => {
    async function failTimes(email: string, times: number): Promise<string[]> {
      const codes: string[] = [];
      for (let i = 0; i < times; i++) {
        codes.push((await t.gql(LOGIN, { e: email, p: `falsch-${i}-xxxxxxxx` })).errors?.[0].extensions?.code);
      }
      return codes;
    }

    it('locks an (email, IP) pair after 10 failures, even for the correct password', async () => {
      const u = await freshUser();
      expect(await failTimes(u.email, 10)).toEqual(Array(10).fill('UNAUTHENTICATED'));
      const locked = await t.gql(LOGIN, { e: u.email, p: TEST_PASSWORD });
      expect(locked.errors?.[0].extensions?.code).toBe('TOO_MANY_REQUESTS');
      expect(locked.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
      expect(locked.errors?.[0].extensions?.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    });

    it('keeps other emails from the same IP working while one is locked', async () => {
      const locked = await freshUser();
      const other = await freshUser();
      await failTimes(locked.email, 10);
      expect((await t.gql(LOGIN, { e: locked.email, p: TEST_PASSWORD })).errors?.[0].extensions?.code).toBe('TOO_MANY_REQUESTS');
      const res = await t.gql(LOGIN, { e: other.email, p: TEST_PASSWORD });
      expect(res.errors).toBeUndefined();
      expect(res.data?.login?.id).toBe(other.id);
    });

    it('locks an unknown email exactly like a known one (nothing to learn from the lock)', async () => {
      const unknown = 'niemand-hier@example.org';
      expect(await failTimes(unknown, 10)).toEqual(Array(10).fill('UNAUTHENTICATED'));
      expect((await t.gql(LOGIN, { e: unknown, p: TEST_PASSWORD })).errors?.[0].extensions?.code).toBe('TOO_MANY_REQUESTS');
    });

    it('counts the email case-insensitively', async () => {
      const u = await freshUser();
      await failTimes(u.email.toUpperCase(), 10);
      expect((await t.gql(LOGIN, { e: u.email, p: TEST_PASSWORD })).errors?.[0].extensions?.code).toBe('TOO_MANY_REQUESTS');
    });

    it('lets the pair sign in again once the 15-minute window has passed', async () => {
      const u = await freshUser();
      await failTimes(u.email, 10);
      expect((await t.gql(LOGIN, { e: u.email, p: TEST_PASSWORD })).errors?.[0].extensions?.code).toBe('TOO_MANY_REQUESTS');
      await t.ds.query(`UPDATE login_attempt SET at = at - interval '16 minutes' WHERE email_key = $1`, [u.email]);
      const res = await t.gql(LOGIN, { e: u.email, p: TEST_PASSWORD });
      expect(res.errors).toBeUndefined();
      expect(res.data?.login?.id).toBe(u.id);
    });

    it('does not lock after 9 failures', async () => {
      const u = await freshUser();
      await failTimes(u.email, 9);
      expect((await t.gql(LOGIN, { e: u.email, p: TEST_PASSWORD })).data?.login?.id).toBe(u.id);
    });
  });
});
