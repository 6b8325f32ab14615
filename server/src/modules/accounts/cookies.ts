import type { CookieOptions, Request, Response } from 'express';
import type { AppConfig } from '../../config/config';
import { CSRF_COOKIE, SESSION_COOKIE } from './session.service';

/** Minimal RFC 6265 cookie header parser (no dependency needed for reading two cookies). */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

function base(config: AppConfig, expires: Date): CookieOptions {
  return { sameSite: 'lax', secure: config.cookieSecure, path: '/', expires };
}

/** The session token (httpOnly) and the CSRF token (readable by the page, sent back as x-csrf-token). */
export function setSessionCookies(res: Response, config: AppConfig, token: string, csrfToken: string, expires: Date): void {
  res.cookie(SESSION_COOKIE, token, { ...base(config, expires), httpOnly: true });
  res.cookie(CSRF_COOKIE, csrfToken, { ...base(config, expires), httpOnly: false });
}

export function clearSessionCookies(res: Response, config: AppConfig): void {
  const past = new Date(0);
  res.cookie(SESSION_COOKIE, '', { ...base(config, past), httpOnly: true });
  res.cookie(CSRF_COOKIE, '', { ...base(config, past), httpOnly: false });
}

/** Client IP as Express sees it (configure `trust proxy` behind a reverse proxy). */
export function clientIp(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}
