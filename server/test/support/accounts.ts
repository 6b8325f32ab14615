import request from 'supertest';
import { MAIL_TRANSPORT, MailMessage, MailTransport, OutboxMailTransport } from '../../src/modules/accounts/mail/mail-transport';
import type { GraphQLResponse, TestApp, TestSession } from './test-app';

/** The in-memory outbox of a test app (NODE_ENV=test selects it). */
export function outbox(t: TestApp): OutboxMailTransport {
  const transport = t.server.app.get<typeof MAIL_TRANSPORT, MailTransport>(MAIL_TRANSPORT);
  if (!(transport instanceof OutboxMailTransport)) throw new Error(`expected the outbox mail transport, got ${transport.kind}`);
  return transport;
}

/** The invitation token in a mail's link (…/einladung/<token>). */
export function invitationToken(mail: MailMessage | undefined): string {
  const match = /\/einladung\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? '');
  if (!match) throw new Error(`no invitation link in mail: ${JSON.stringify(mail)}`);
  return match[1];
}

/**
 * Sends an operation that signs in (login, acceptInvitation) and returns its answer together with the browser session
 * built from the cookies it set (undefined when it set none).
 */
export async function signInWith(
  t: TestApp,
  query: string,
  variables: Record<string, unknown>,
  field: string,
): Promise<{ response: GraphQLResponse; session?: TestSession }> {
  const http = t.server.app.getHttpServer();
  const res = await request(http).post('/graphql').set('content-type', 'application/json').send({ query, variables });
  const response: GraphQLResponse = { status: res.status, data: res.body?.data ?? undefined, errors: res.body?.errors, body: res.body };
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]);
  const csrf = cookies.find((c) => c.startsWith('pa_csrf='));
  if (!csrf || response.errors) return { response };
  const cookie = cookies.join('; ');
  const csrfToken = decodeURIComponent(csrf.slice('pa_csrf='.length));
  return {
    response,
    session: {
      cookie,
      csrfToken,
      userId: res.body.data[field].id as string,
      async gql(q, v, extra = {}) {
        const r = await request(http)
          .post('/graphql')
          .set('content-type', 'application/json')
          .set('cookie', cookie)
          .set('x-csrf-token', csrfToken)
          .set(extra)
          .send({ query: q, variables: v });
        return { status: r.status, data: r.body?.data ?? undefined, errors: r.body?.errors, body: r.body };
      },
    },
  };
}
