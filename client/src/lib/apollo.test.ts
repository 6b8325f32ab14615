import { ApolloClient, ApolloLink, InMemoryCache, Observable } from '@apollo/client';
import { parse } from 'graphql';
import { CSRF_HEADER, createCsrfLink, readCookie } from './apollo';

describe('readCookie', () => {
  it('finds one cookie among several and decodes it', () => {
    expect(readCookie('pa_csrf', 'a=1; pa_csrf=abc%3D%3D; b=2')).toBe('abc==');
    expect(readCookie('pa_csrf', 'pa_csrf_old=x')).toBeNull();
    expect(readCookie('pa_csrf', '')).toBeNull();
  });
});

describe('createCsrfLink', () => {
  async function headersSent(cookies: string): Promise<Record<string, string> | undefined> {
    let seen: Record<string, string> | undefined;
    const terminal = new ApolloLink((operation) => {
      seen = operation.getContext().headers as Record<string, string> | undefined;
      return new Observable((observer) => {
        observer.next({ data: { logout: true } });
        observer.complete();
      });
    });
    const client = new ApolloClient({ link: ApolloLink.from([createCsrfLink(() => cookies), terminal]), cache: new InMemoryCache() });
    await client.mutate({ mutation: parse('mutation Logout { logout }') });
    return seen;
  }

  it('sends the pa_csrf cookie as x-csrf-token, read when the request is made', async () => {
    expect((await headersSent('pa_csrf=token-1'))?.[CSRF_HEADER]).toBe('token-1');
    expect((await headersSent('pa_csrf=token-2'))?.[CSRF_HEADER]).toBe('token-2');
  });

  it('sends no header without the cookie (anonymous visitors)', async () => {
    expect((await headersSent('other=1'))?.[CSRF_HEADER]).toBeUndefined();
  });
});
