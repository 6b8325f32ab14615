import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UserRole } from '@partneratlas/shared';
import { APP_CONFIG, AppConfig } from '../../config/config';
import type { SessionUser } from '../../common/viewer';
import { databaseUnavailable } from '../../common/exceptions/database-unavailable';
import {
  InvalidCredentialsException,
  LoginThrottledException,
  UnauthenticatedException,
  WeakPasswordException,
} from './accounts.exception';
import { dummyPasswordHash, hashPassword, needsRehash, passwordProblem, verifyPassword } from './password';

export const SESSION_COOKIE = 'pa_session';
export const CSRF_COOKIE = 'pa_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export interface AuthenticatedSession {
  user: SessionUser;
  csrfToken: string;
}

export interface NewSession extends AuthenticatedSession {
  token: string;
  expiresAt: Date;
}

export interface SessionRow {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  userAgent: string | null;
}

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
export const randomToken = (): string => randomBytes(32).toString('base64url');
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

interface UserRow {
  id: string;
  email: string;
  display_name: string | null;
  role: UserRole;
  trusted: boolean;
  organisation_ids: string[];
}

const USER_COLUMNS = `u.id, u.email, u.display_name, u.role, u.trusted,
  COALESCE((SELECT array_agg(uo.organisation_id ORDER BY uo.organisation_id) FROM user_organisation uo WHERE uo.user_id = u.id), '{}') AS organisation_ids`;

/**
 * Sign-in, sessions and throttling, all in PostgreSQL (no process state: several instances share them).
 * Session tokens are 256-bit random values; only their SHA-256 is stored.
 */
@Injectable()
export class SessionService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Throttles per (email, IP), verifies the argon2id hash, then opens a session. */
  async login(emailInput: string, password: string, ip: string, userAgent: string | null): Promise<NewSession> {
    const email = normaliseEmail(emailInput);
    await this.assertNotThrottled(email, ip);
    const [row]: { id: string; password_hash: string | null; disabled_at: Date | null }[] = await this.ds.query(
      `SELECT id, password_hash, disabled_at FROM app_user WHERE email = $1`,
      [email],
    );
    // Unknown users verify against a dummy hash so that both answers take the same time.
    const ok = await verifyPassword(row?.password_hash ?? (await dummyPasswordHash()), password);
    const success = Boolean(row && row.password_hash && !row.disabled_at && ok);
    await this.ds.query(`INSERT INTO login_attempt (email_key, ip, success) VALUES ($1, $2, $3)`, [email, ip, success]);
    if (!success || !row) throw new InvalidCredentialsException();
    if (needsRehash(row.password_hash!)) {
      await this.ds.query(`UPDATE app_user SET password_hash = $2 WHERE id = $1`, [row.id, await hashPassword(password)]);
    }
    // Old attempts are of no use after a day.
    await this.ds.query(`DELETE FROM login_attempt WHERE at < now() - interval '1 day'`);
    return this.open(row.id, userAgent);
  }

  /** Opens a session for a user (after sign-in or an accepted invitation). */
  async open(userId: string, userAgent: string | null): Promise<NewSession> {
    const token = randomToken();
    const csrfToken = randomToken();
    const [s]: { id: string; expires_at: Date }[] = await this.ds.query(
      `INSERT INTO user_session (token_hash, csrf_token, user_id, last_seen_at, expires_at, user_agent)
       VALUES ($1, $2, $3, now(), now() + make_interval(hours => $4), $5) RETURNING id, expires_at`,
      [sha256(token), csrfToken, userId, this.config.SESSION_ABSOLUTE_HOURS, userAgent?.slice(0, 300) ?? null],
    );
    await this.ds.query(`UPDATE app_user SET last_login_at = now() WHERE id = $1`, [userId]);
    const user = await this.sessionUser(userId, s.id);
    return { token, csrfToken, expiresAt: s.expires_at, user: user! };
  }

  /**
   * The session of a cookie token, if it is open, not idle for longer than the idle timeout and not past its
   * absolute end; touching it (one statement) extends the idle window.
   */
  async authenticate(token: string | undefined): Promise<AuthenticatedSession | null> {
    if (!token || token.length > 100) return null;
    const find = (touch: boolean) =>
      this.ds.query(
        `WITH s AS (
           ${touch ? 'UPDATE user_session SET last_seen_at = now()' : 'SELECT id, user_id, csrf_token FROM user_session'}
            WHERE token_hash = $1 AND ended_at IS NULL AND expires_at > now()
              AND last_seen_at > now() - make_interval(mins => $2)
            ${touch ? 'RETURNING id, user_id, csrf_token' : ''})
         SELECT s.id AS session_id, s.csrf_token, ${USER_COLUMNS}
           FROM s JOIN app_user u ON u.id = s.user_id AND u.disabled_at IS NULL`,
        [sha256(token), this.config.SESSION_IDLE_MINUTES],
      ) as Promise<(UserRow & { session_id: string; csrf_token: string })[]>;
    let rows: (UserRow & { session_id: string; csrf_token: string })[];
    try {
      rows = await find(true);
    } catch (error) {
      // A read-only database (maintenance, failover) cannot extend the idle window; the session still reads.
      if (databaseUnavailable(error)?.reason !== 'READ_ONLY') throw error;
      rows = await find(false);
    }
    const r = rows[0];
    if (!r) return null;
    return { user: toSessionUser(r, r.session_id), csrfToken: r.csrf_token };
  }

  async sessionUser(userId: string, sessionId: string): Promise<SessionUser | null> {
    const [r]: UserRow[] = await this.ds.query(`SELECT ${USER_COLUMNS} FROM app_user u WHERE u.id = $1`, [userId]);
    return r ? toSessionUser(r, sessionId) : null;
  }

  async end(sessionId: string): Promise<void> {
    await this.ds.query(`UPDATE user_session SET ended_at = now() WHERE id = $1 AND ended_at IS NULL`, [sessionId]);
  }

  /** Ends one of the user's own sessions; false when there is no such open session of theirs. */
  async endOwn(userId: string, sessionId: string): Promise<boolean> {
    // UPDATE through TypeORM's query() answers [rows, affected].
    const [, affected]: [unknown[], number] = await this.ds.query(
      `UPDATE user_session SET ended_at = now() WHERE id = $1 AND user_id = $2 AND ended_at IS NULL`,
      [sessionId, userId],
    );
    return affected > 0;
  }

  async listOpen(userId: string): Promise<SessionRow[]> {
    return this.ds.query(
      `SELECT id, created_at AS "createdAt", last_seen_at AS "lastSeenAt", expires_at AS "expiresAt", user_agent AS "userAgent"
         FROM user_session
        WHERE user_id = $1 AND ended_at IS NULL AND expires_at > now() AND last_seen_at > now() - make_interval(mins => $2)
        ORDER BY last_seen_at DESC`,
      [userId, this.config.SESSION_IDLE_MINUTES],
    );
  }

  /** Verifies the current password, sets the new one and ends every other session of the user. */
  async changePassword(user: SessionUser, current: string, next: string): Promise<void> {
    const [row]: { password_hash: string | null }[] = await this.ds.query(`SELECT password_hash FROM app_user WHERE id = $1`, [user.id]);
    if (!row?.password_hash || !(await verifyPassword(row.password_hash, current))) {
      throw new UnauthenticatedException('Das aktuelle Passwort ist falsch. / The current password is wrong.');
    }
    const problem = passwordProblem(next, user.email);
    if (problem) throw new WeakPasswordException(problem, 'newPassword');
    await this.ds.transaction(async (m) => {
      await m.query(`UPDATE app_user SET password_hash = $2, version = version + 1, updated_at = now() WHERE id = $1`, [
        user.id,
        await hashPassword(next),
      ]);
      await m.query(`UPDATE user_session SET ended_at = now() WHERE user_id = $1 AND id <> $2 AND ended_at IS NULL`, [
        user.id,
        user.sessionId,
      ]);
    });
  }

  /** LOGIN_MAX_FAILURES failures of one (email, IP) pair within the window lock that pair until the window passes. */
  private async assertNotThrottled(email: string, ip: string): Promise<void> {
    const [r]: { failures: number; retry: number | null }[] = await this.ds.query(
      `SELECT count(*)::int AS failures,
              EXTRACT(EPOCH FROM (min(at) + make_interval(mins => $3) - now()))::int AS retry
         FROM (SELECT at FROM login_attempt
                WHERE email_key = $1 AND ip = $2 AND NOT success AND at > now() - make_interval(mins => $3)
                ORDER BY at DESC LIMIT $4) recent`,
      [email, ip, this.config.LOGIN_WINDOW_MINUTES, this.config.LOGIN_MAX_FAILURES],
    );
    if (r.failures >= this.config.LOGIN_MAX_FAILURES) throw new LoginThrottledException(Math.max(1, r.retry ?? 60));
  }
}

function toSessionUser(r: UserRow, sessionId: string): SessionUser {
  return {
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    role: r.role,
    trusted: r.trusted,
    organisationIds: r.role === UserRole.EDITOR ? r.organisation_ids : [],
    sessionId,
  };
}
