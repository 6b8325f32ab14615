import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { returnedRows } from '../../database/returning';
import { ErrorCode, UserRole } from '@partneratlas/shared';
import { requireStaff } from '../../common/authz';
import { DomainException } from '../../common/exceptions/domain.exception';
import { viewerFor, Viewer } from '../../common/viewer';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { OrganisationsService } from '../organisations/organisations.service';
import {
  ForbiddenException,
  InvalidAccountInputException,
  InvitationClosedReason,
  InvitationNotFoundException,
  MailDeliveryException,
  WeakPasswordException,
} from './accounts.exception';
import type { InviteUserInput } from './dto/accounts.input';
import type { Invitation, InvitationPreview } from './dto/invitation.model';
import { invitationLink, invitationMail } from './mail/invitation-mail';
import { MAIL_TRANSPORT, MailTransport } from './mail/mail-transport';
import { hashPassword, passwordProblem } from './password';
import { NewSession, normaliseEmail, randomToken, SessionService, sha256 } from './session.service';
import { cleanName, uniqueIds, UsersService } from './users.service';

const INVITATION_COLUMNS = `i.id, i.email, i.role, i.organisation_ids AS "organisationIds", i.invited_by_id AS "invitedById",
  i.created_at AS "createdAt", i.expires_at AS "expiresAt", i.accepted_at AS "acceptedAt", i.revoked_at AS "revokedAt"`;

type InvitationRow = Invitation & { displayName: string | null };

/**
 * Invitations: staff invite by email; the invitee follows a one-time, expiring link, sets a password and is signed in.
 * The link carries a 256-bit random token; only its SHA-256 is stored.
 */
@Injectable()
export class InvitationsService {
  private readonly logger = new Logger('Invitations');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(MAIL_TRANSPORT) private readonly mail: MailTransport,
    private readonly users: UsersService,
    private readonly organisations: OrganisationsService,
    private readonly sessions: SessionService,
  ) {}

  /**
   * ADMINs invite any role, COORDINATORs EDITORs and COORDINATORs. An open invitation for the same email is revoked
   * (its link stops working). The mail goes out after the commit; if it cannot be sent, the invitation is revoked.
   */
  async invite(viewer: Viewer, input: InviteUserInput): Promise<Invitation> {
    const actor = requireStaff(viewer);
    if (input.role === UserRole.ADMIN && actor.role !== UserRole.ADMIN) {
      throw new ForbiddenException('Nur Administratoren laden Administratoren ein. / Only administrators invite administrators.');
    }
    const email = normaliseEmail(input.email);
    const organisationIds = input.role === UserRole.EDITOR ? uniqueIds(input.organisationIds) : [];
    if (input.role === UserRole.EDITOR && !organisationIds.length) {
      throw new InvalidAccountInputException(
        'input.organisationIds',
        'Redakteurinnen und Redakteure brauchen mindestens eine Organisation. / An editor needs at least one organisation.',
      );
    }
    const organisations = await this.users.assertOrganisations(viewer, organisationIds, 'input.organisationIds');
    const [existing]: unknown[] = await this.ds.query(`SELECT 1 FROM app_user WHERE email = $1`, [email]);
    if (existing) {
      throw new InvalidAccountInputException(
        'input.email',
        'Für diese E-Mail-Adresse gibt es bereits ein Konto. / There is already an account with this email address.',
      );
    }

    const token = randomToken();
    const invitation = await this.ds.transaction(async (m) => {
      // Serialises invitations of one address, so that at most one of them stays open.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('invitation:' || $1))`, [email]);
      await m.query(`UPDATE invitation SET revoked_at = now() WHERE email = $1 AND accepted_at IS NULL AND revoked_at IS NULL`, [email]);
      const [row]: Invitation[] = await m.query(
        `INSERT INTO invitation AS i (token_hash, email, display_name, role, organisation_ids, invited_by_id, expires_at)
         VALUES ($1, $2, $3, $4, $5::uuid[], $6, now() + make_interval(hours => $7))
         RETURNING ${INVITATION_COLUMNS}`,
        [sha256(token), email, cleanName(input.displayName), input.role, organisationIds, actor.id, this.config.INVITATION_TTL_HOURS],
      );
      return row;
    });

    const message = invitationMail({
      to: email,
      link: invitationLink(this.config.PUBLIC_URL, token),
      role: invitation.role,
      expiresAt: invitation.expiresAt,
      organisationNames: names(organisations),
      inviterName: actor.displayName ?? actor.email,
    });
    try {
      await this.mail.send(message);
    } catch (error) {
      this.logger.error(`Invitation mail to ${email} failed: ${error instanceof Error ? error.message : String(error)}`);
      await this.ds.query(`UPDATE invitation SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [invitation.id]);
      throw new MailDeliveryException();
    }
    return invitation;
  }

  /** Open invitations (newest first); with includeClosed also accepted, revoked and expired ones. */
  async list(viewer: Viewer, includeClosed: boolean): Promise<Invitation[]> {
    requireStaff(viewer);
    return this.ds.query(
      `SELECT ${INVITATION_COLUMNS} FROM invitation i
        WHERE $1::boolean OR (i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now())
        ORDER BY i.created_at DESC, i.id`,
      [includeClosed],
    );
  }

  /** Revokes an open invitation (idempotent for revoked ones). COORDINATORs cannot revoke invitations of ADMINs. */
  async revoke(viewer: Viewer, id: string): Promise<Invitation> {
    const actor = requireStaff(viewer);
    const current = await this.byId(this.ds.manager, id);
    if (current.role === UserRole.ADMIN && actor.role !== UserRole.ADMIN) {
      throw new ForbiddenException(
        'Nur Administratoren bearbeiten Einladungen von Administratoren. / Only administrators manage administrator invitations.',
      );
    }
    if (current.revokedAt) return current;
    const rows = returnedRows<Invitation>(
      await this.ds.query(
        `UPDATE invitation i SET revoked_at = now() WHERE i.id = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL
         RETURNING ${INVITATION_COLUMNS}`,
        [id],
      ),
    );
    if (rows[0]) return rows[0];
    const now = await this.byId(this.ds.manager, id);
    if (now.revokedAt) return now;
    throw new DomainException(
      ErrorCode.BAD_USER_INPUT,
      'Diese Einladung wurde bereits angenommen. / This invitation has already been accepted.',
    );
  }

  /** What the invitee may see before accepting; NOT_FOUND (with extensions.reason) unless the invitation is open. */
  async preview(token: string): Promise<InvitationPreview> {
    const invitation = await this.openByToken(this.ds.manager, token);
    const organisations = await this.organisations.byIds(invitation.organisationIds, inviteeViewer(invitation));
    return {
      email: invitation.email,
      role: invitation.role,
      organisationNames: names(organisations),
      expiresAt: invitation.expiresAt,
    };
  }

  /**
   * Accepts an invitation once: checks the password against the policy, then in one transaction marks the invitation
   * accepted (a conditional UPDATE, so a second use fails), creates the user with an argon2id hash and binds the
   * organisations; afterwards opens a session.
   */
  async accept(token: string, password: string, displayName: string | null | undefined, userAgent: string | null): Promise<NewSession> {
    const invitation = await this.openByToken(this.ds.manager, token);
    const problem = passwordProblem(password, invitation.email);
    if (problem) throw new WeakPasswordException(problem, 'password');
    const passwordHash = await hashPassword(password);
    // Organisations deleted since the invitation are left out.
    const organisations = await this.organisations.byIds(invitation.organisationIds, inviteeViewer(invitation));

    const userId = await this.ds.transaction(async (m) => {
      const claimed = returnedRows<{ id: string }>(
        await m.query(
          `UPDATE invitation SET accepted_at = now()
            WHERE id = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()
            RETURNING id`,
          [invitation.id],
        ),
      );
      if (!claimed.length) {
        await this.openByToken(m, token);
        throw new InvitationNotFoundException(InvitationClosedReason.ACCEPTED);
      }
      const [created]: { id: string }[] = await m.query(
        `INSERT INTO app_user (email, display_name, password_hash, role) VALUES ($1, $2, $3, $4)
         ON CONFLICT (email) DO NOTHING RETURNING id`,
        [invitation.email, cleanName(displayName) ?? invitation.displayName, passwordHash, invitation.role],
      );
      if (!created) {
        throw new DomainException(
          ErrorCode.BAD_USER_INPUT,
          'Für diese E-Mail-Adresse gibt es bereits ein Konto; bitte melden Sie sich an. / There is already an account with this email address; please sign in.',
        );
      }
      if (invitation.role === UserRole.EDITOR && organisations.length) {
        await m.query(`INSERT INTO user_organisation (user_id, organisation_id) SELECT $1, unnest($2::uuid[])`, [
          created.id,
          organisations.map((o) => o.id),
        ]);
      }
      return created.id;
    });
    return this.sessions.open(userId, userAgent);
  }

  private async byId(m: EntityManager, id: string): Promise<InvitationRow> {
    const [row]: InvitationRow[] = await m.query(
      `SELECT ${INVITATION_COLUMNS}, i.display_name AS "displayName" FROM invitation i WHERE i.id = $1`,
      [id],
    );
    if (!row) throw new DomainException(ErrorCode.NOT_FOUND, `Einladung ${id} nicht gefunden. / Invitation ${id} was not found.`, { id });
    return row;
  }

  /** The invitation of a token if it is open; else NOT_FOUND saying why (unknown, expired, accepted, revoked). */
  private async openByToken(m: EntityManager, token: string): Promise<InvitationRow> {
    const [row]: (InvitationRow & { expired: boolean })[] = await m.query(
      `SELECT ${INVITATION_COLUMNS}, i.display_name AS "displayName", i.expires_at <= now() AS expired
         FROM invitation i WHERE i.token_hash = $1`,
      [sha256(token)],
    );
    if (!row) throw new InvitationNotFoundException(InvitationClosedReason.UNKNOWN);
    if (row.acceptedAt) throw new InvitationNotFoundException(InvitationClosedReason.ACCEPTED);
    if (row.revokedAt) throw new InvitationNotFoundException(InvitationClosedReason.REVOKED);
    if (row.expired) throw new InvitationNotFoundException(InvitationClosedReason.EXPIRED);
    const { expired: _expired, ...invitation } = row;
    return invitation;
  }
}

/** The invitee as a viewer: sees the (possibly unpublished) organisations they are invited to edit. */
function inviteeViewer(invitation: InvitationRow): Viewer {
  return viewerFor({
    id: '',
    email: invitation.email,
    displayName: null,
    role: invitation.role,
    trusted: false,
    organisationIds: invitation.organisationIds,
    sessionId: '',
  });
}

function names(organisations: { name: string }[]): string[] {
  return organisations.map((o) => o.name).sort((a, b) => a.localeCompare(b, 'de'));
}
