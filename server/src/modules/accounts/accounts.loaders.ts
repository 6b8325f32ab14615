import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { keyedLoader } from '../../common/dataloader';
import type { RequestContext } from '../../graphql/request-context';
import type { Organisation } from '../organisations/dto/organisation.model';
import { OrganisationsService } from '../organisations/organisations.service';
import type { User } from './dto/user.model';
import { UsersService } from './users.service';

/** The relation loaders of users and invitations (one statement per relation and level). */
export interface AccountLoaders {
  organisation: DataLoader<string, Organisation | null>;
  user: DataLoader<string, User | null>;
}

/** One set per request, kept on the request's context object (and gone with it). */
const perRequest = new WeakMap<RequestContext, AccountLoaders>();

@Injectable()
export class AccountLoaderFactory {
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly users: UsersService,
  ) {}

  of(ctx: RequestContext): AccountLoaders {
    let loaders = perRequest.get(ctx);
    if (!loaders) {
      loaders = {
        organisation: keyedLoader(
          (ids: string[]) => this.organisations.byIds(ids, ctx.viewer),
          (o) => o.id,
        ),
        user: keyedLoader(
          (ids: string[]) => this.users.byIds(ids),
          (u) => u.id,
        ),
      };
      perRequest.set(ctx, loaders);
    }
    return loaders;
  }

  /** The readable organisations among ids, by name. */
  async organisationsOf(ctx: RequestContext, ids: readonly string[]): Promise<Organisation[]> {
    if (!ids.length) return [];
    const found = await this.of(ctx).organisation.loadMany([...ids]);
    return found.filter((o): o is Organisation => o !== null && !(o instanceof Error)).sort((a, b) => a.name.localeCompare(b.name, 'de'));
  }
}
