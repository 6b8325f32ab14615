import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { returnedRows } from '../../database/returning';
import { UserRole } from '@partneratlas/shared';
import { requireStaff } from '../../common/authz';
import type { Viewer } from '../../common/viewer';
import type { Organisation } from '../organisations/dto/organisation.model';
import { OrganisationsService } from '../organisations/organisations.service';
import {
  ForbiddenException,
  InvalidAccountInputException,
  UserNotFoundException,
  UserVersionConflictException,
} from './accounts.exception';
import type { UpdateUserInput } from './dto/accounts.input';
import type { User } from './dto/user.model';

export const USER_SELECT = `u.id, u.email, u.display_name AS "displayName", u.role, u.trusted, u.disabled_at IS NOT NULL AS disabled,
  u.version, u.created_at AS "createdAt", u.last_login_at AS "lastLoginAt",
  COALESCE((SELECT array_agg(uo.organisation_id) FROM user_organisation uo WHERE uo.user_id = u.id), '{}') AS "organisationIds"`;

export const uniqueIds = (ids: readonly string[] | null | undefined): string[] => [...new Set((ids ?? []).map((id) => id.toLowerCase()))];

/** Empty and whitespace-only names are no names. */
export const cleanName = (name: string | null | undefined): string | null => name?.trim() || null;

/**
 * Reading and changing users. Reads by id serve the caller's own account (`me`) and the field resolvers of objects
 * that are themselves only visible to staff; lists and changes check the viewer here.
 */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly organisations: OrganisationsService,
  ) {}

  async byId(id: string): Promise<User | null> {
    const [u]: User[] = await this.ds.query(`SELECT ${USER_SELECT} FROM app_user u WHERE u.id = $1`, [id]);
    return u ?? null;
  }

  async byIds(ids: readonly string[]): Promise<User[]> {
    if (!ids.length) return [];
    return this.ds.query(`SELECT ${USER_SELECT} FROM app_user u WHERE u.id = ANY($1::uuid[])`, [ids]);
  }

  /** Every user, for coordinators and admins: enabled first, then by email. */
  async list(viewer: Viewer): Promise<User[]> {
    requireStaff(viewer);
    return this.ds.query(`SELECT ${USER_SELECT} FROM app_user u ORDER BY u.disabled_at IS NOT NULL, u.email`);
  }

  /**
   * The organisations with these ids as the viewer may read them; BAD_USER_INPUT naming `field` when one is unknown.
   * (Staff read every organisation, so for them "unknown" means "does not exist".)
   */
  async assertOrganisations(viewer: Viewer, ids: string[], field: string): Promise<Organisation[]> {
    const found = await this.organisations.byIds(ids, viewer);
    const known = new Set(found.map((o) => o.id));
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length) {
      throw new InvalidAccountInputException(field, `Unbekannte Organisation(en) / unknown organisation(s): ${missing.join(', ')}`);
    }
    return found;
  }

  /**
   * Changes a user with optimistic concurrency (conditional UPDATE on the version). Rules: only ADMINs change roles
   * or edit ADMINs; COORDINATORs may set name, trusted, disabled and organisations of EDITORs and COORDINATORs;
   * nobody disables or demotes themselves. Disabling ends the user's sessions; organisationIds replace an EDITOR's
   * bindings (other roles have none). One transaction.
   */
  async update(viewer: Viewer, id: string, expectedVersion: number, input: UpdateUserInput): Promise<User> {
    const actor = requireStaff(viewer);
    const target = await this.byId(id);
    if (!target) throw new UserNotFoundException(id);
    const actorIsAdmin = actor.role === UserRole.ADMIN;
    const self = actor.id === target.id;
    const role = input.role ?? undefined;
    const roleChanges = role !== undefined && role !== target.role;
    if (target.role === UserRole.ADMIN && !actorIsAdmin) {
      throw new ForbiddenException('Nur Administratoren bearbeiten Administratoren. / Only administrators edit administrators.');
    }
    if (roleChanges && !actorIsAdmin) {
      throw new ForbiddenException('Nur Administratoren ändern Rollen. / Only administrators change roles.');
    }
    if (self && roleChanges) {
      throw new ForbiddenException('Die eigene Rolle kann man nicht ändern. / You cannot change your own role.');
    }
    if (self && input.disabled === true) {
      throw new ForbiddenException('Das eigene Konto kann man nicht sperren. / You cannot disable your own account.');
    }

    const finalRole = role ?? target.role;
    // The new set of organisations, or undefined when the bindings stay as they are.
    let organisationIds: string[] | undefined;
    if (finalRole === UserRole.EDITOR) {
      if (input.organisationIds) {
        organisationIds = uniqueIds(input.organisationIds);
        await this.assertOrganisations(viewer, organisationIds, 'input.organisationIds');
      }
      if ((organisationIds ?? target.organisationIds).length === 0) {
        throw new InvalidAccountInputException(
          'input.organisationIds',
          'Redakteurinnen und Redakteure brauchen mindestens eine Organisation. / An editor needs at least one organisation.',
        );
      }
    } else if (target.organisationIds.length) {
      organisationIds = [];
    }

    await this.ds.transaction(async (m) => {
      const updated = returnedRows<{ id: string }>(
        await m.query(
          `UPDATE app_user
            SET role = COALESCE($3::user_role, role),
                display_name = CASE WHEN $4::boolean THEN $5 ELSE display_name END,
                trusted = COALESCE($6::boolean, trusted),
                disabled_at = CASE WHEN $7::boolean IS NULL THEN disabled_at WHEN $7 THEN COALESCE(disabled_at, now()) ELSE NULL END,
                version = version + 1,
                updated_at = now()
          WHERE id = $1 AND version = $2
          RETURNING id`,
          [
            id,
            expectedVersion,
            role ?? null,
            input.displayName !== undefined,
            cleanName(input.displayName),
            input.trusted ?? null,
            input.disabled ?? null,
          ],
        ),
      );
      if (!updated.length) {
        const [current]: { version: number }[] = await m.query(`SELECT version FROM app_user WHERE id = $1`, [id]);
        if (!current) throw new UserNotFoundException(id);
        throw new UserVersionConflictException(current.version);
      }
      if (organisationIds) {
        await m.query(`DELETE FROM user_organisation WHERE user_id = $1 AND NOT (organisation_id = ANY($2::uuid[]))`, [
          id,
          organisationIds,
        ]);
        await m.query(`INSERT INTO user_organisation (user_id, organisation_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [
          id,
          organisationIds,
        ]);
      }
      if (input.disabled === true) {
        await m.query(`UPDATE user_session SET ended_at = now() WHERE user_id = $1 AND ended_at IS NULL`, [id]);
      }
    });
    return (await this.byId(id))!;
  }
}
