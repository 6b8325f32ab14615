import { UserRole } from '@partneratlas/shared';
import { createUser } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

const ME = `{ me { id email role } }`;

describe('sign-in and sessions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await createUser(t.ds, { email: 'koordination@example.org', role: UserRole.COORDINATOR });
  });
  afterAll(() => t.close());

  it('signs in with httpOnly SameSite=Lax cookies and knows the user afterwards', async () => {
    const anonymous = await t.gql(ME);
    expect(anonymous.data?.me).toBeNull();
    const s = await t.login('Koordination@Example.org');
    const me = await s.gql(ME);
    expect(me.data?.me).toMatchObject({ email: 'koordination@example.org', role: 'COORDINATOR' });
    const session = s.cookie.split('; ').find((c) => c.startsWith('pa_session='));
    expect(session).toBeDefined();
    const stored: { token_hash: string }[] = await t.ds.query(`SELECT token_hash FROM user_session`);
    expect(stored.map((r) => r.token_hash)).not.toContain(session!.slice('pa_session='.length));
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const unknown = await t.gql(`mutation { login(email: "niemand@example.org", password: "irgendwas-falsches") { id } }`);
    const wrong = await t.gql(`mutation { login(email: "koordination@example.org", password: "irgendwas-falsches") { id } }`);
    expect(unknown.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0]).toEqual(unknown.errors?.[0]);
  });

  it('refuses a mutation of a signed-in session without the CSRF header', async () => {
    const s = await t.login('koordination@example.org');
    const res = await s.gql(`mutation { logout }`, undefined, { 'x-csrf-token': 'falsch' });
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await s.gql(ME)).data?.me).not.toBeNull();
    expect((await s.gql(`mutation { logout }`)).data?.logout).toBe(true);
    expect((await s.gql(ME)).data?.me).toBeNull();
  });
});
