import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { User } from './dto/user.model';

export const USER_SELECT = `u.id, u.email, u.display_name AS "displayName", u.role, u.trusted, u.disabled_at IS NOT NULL AS disabled,
  u.version, u.created_at AS "createdAt", u.last_login_at AS "lastLoginAt",
  COALESCE((SELECT array_agg(uo.organisation_id) FROM user_organisation uo WHERE uo.user_id = u.id), '{}') AS "organisationIds"`;

/** Reading users; who may read whom is decided by the callers (resolvers check the viewer first). */
@Injectable()
export class UsersService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async byId(id: string): Promise<User | null> {
    const [u]: User[] = await this.ds.query(`SELECT ${USER_SELECT} FROM app_user u WHERE u.id = $1`, [id]);
    return u ?? null;
  }
}
