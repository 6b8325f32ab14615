import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import GraphQLJSON from 'graphql-type-json';
import { ChangeStatus, EditableEntity } from '@partneratlas/shared';
import { canEditOrganisation } from '../../common/authz';
import type { RequestContext } from '../../graphql/request-context';
import { Organisation } from '../organisations/dto/organisation.model';
import { IdArgs, OrganisationIdArgs, PendingChangesArgs, RejectArgs, RestoreArgs, StaleArgs, VersionedIdArgs } from './dto/edit.args';
import {
  ContactPersonInput,
  CreateOrganisationInput,
  LocationInput,
  NetworkMembershipInput,
  RelationshipInput,
  ServiceInput,
  UpdateOrganisationInput,
} from './dto/edit.input';
import { AuditEntry, ContactPerson, EditResult, PendingChange } from './dto/edit.model';
import { EditingService, Values } from './editing.service';
import { ReviewService } from './review.service';

const values = (input: object): Values => ({ ...input }) as Values;
const STALE_MONTHS = 12;

/** Every write of the directory. Thin: the services authorise each object and do the work. */
@Resolver(() => EditResult)
export class EditingResolver {
  constructor(
    private readonly editing: EditingService,
    private readonly review: ReviewService,
  ) {}

  // ---- organisations
  @Mutation(() => EditResult, { description: 'Creates a draft; an editor becomes bound to it. Coordinators publish it.' })
  createOrganisation(@Args('input') input: CreateOrganisationInput, @Context() ctx: RequestContext) {
    return this.editing.create(ctx.viewer, EditableEntity.ORGANISATION, null, values(input));
  }

  @Mutation(() => EditResult, { description: 'Fields left out stay unchanged. A stale expectedVersion gets CONFLICT.' })
  updateOrganisation(@Args() a: VersionedIdArgs, @Args('input') input: UpdateOrganisationInput, @Context() ctx: RequestContext) {
    return this.editing.update(ctx.viewer, EditableEntity.ORGANISATION, a.id, a.expectedVersion, values(input));
  }

  @Mutation(() => EditResult, { description: 'Archives (hides) the entry; restorable from its history.' })
  archiveOrganisation(@Args() a: VersionedIdArgs, @Context() ctx: RequestContext) {
    return this.editing.remove(ctx.viewer, EditableEntity.ORGANISATION, a.id, a.expectedVersion);
  }

  @Mutation(() => EditResult, { description: 'Coordinators and admins: makes the entry public.' })
  publishOrganisation(@Args() a: VersionedIdArgs, @Context() ctx: RequestContext) {
    return this.editing.publish(ctx.viewer, a.id, a.expectedVersion);
  }

  @Mutation(() => EditResult, { description: '"Still correct": sets lastConfirmedAt (HSDS assured_date) to today.' })
  confirmOrganisation(@Args() a: VersionedIdArgs, @Context() ctx: RequestContext) {
    return this.editing.confirm(ctx.viewer, a.id, a.expectedVersion);
  }

  // ---- locations
  @Mutation(() => EditResult)
  createLocation(@Args() o: OrganisationIdArgs, @Args('input') input: LocationInput, @Context() ctx: RequestContext) {
    return this.editing.create(ctx.viewer, EditableEntity.LOCATION, o.organisationId, values(input));
  }

  @Mutation(() => EditResult)
  updateLocation(@Args() a: VersionedIdArgs, @Args('input') input: LocationInput, @Context() ctx: RequestContext) {
    return this.editing.update(ctx.viewer, EditableEntity.LOCATION, a.id, a.expectedVersion, values(input));
  }

  @Mutation(() => EditResult)
  deleteLocation(@Args() a: VersionedIdArgs, @Context() ctx: RequestContext) {
    return this.editing.remove(ctx.viewer, EditableEntity.LOCATION, a.id, a.expectedVersion);
  }

  // ---- services
  @Mutation(() => EditResult)
  createService(@Args() o: OrganisationIdArgs, @Args('input') input: ServiceInput, @Context() ctx: RequestContext) {
    return this.editing.create(ctx.viewer, EditableEntity.SERVICE, o.organisationId, values(input));
  }

  @Mutation(() => EditResult)
  updateService(@Args() a: VersionedIdArgs, @Args('input') input: ServiceInput, @Context() ctx: RequestContext) {
    return this.editing.update(ctx.viewer, EditableEntity.SERVICE, a.id, a.expectedVersion, values(input));
  }

  @Mutation(() => EditResult, { description: 'Archives the service (restorable from the history).' })
  archiveService(@Args() a: VersionedIdArgs, @Context() ctx: RequestContext) {
    return this.editing.remove(ctx.viewer, EditableEntity.SERVICE, a.id, a.expectedVersion);
  }

  // ---- contact persons
  @Mutation(() => EditResult)
  createContactPerson(@Args() o: OrganisationIdArgs, @Args('input') input: ContactPersonInput, @Context() ctx: RequestContext) {
    return this.editing.create(ctx.viewer, EditableEntity.CONTACT_PERSON, o.organisationId, values(input));
  }

  @Mutation(() => EditResult)
  updateContactPerson(@Args() a: VersionedIdArgs, @Args('input') input: ContactPersonInput, @Context() ctx: RequestContext) {
    return this.editing.update(ctx.viewer, EditableEntity.CONTACT_PERSON, a.id, a.expectedVersion, values(input));
  }

  @Mutation(() => EditResult)
  deleteContactPerson(@Args() a: VersionedIdArgs, @Context() ctx: RequestContext) {
    return this.editing.remove(ctx.viewer, EditableEntity.CONTACT_PERSON, a.id, a.expectedVersion);
  }

  @Mutation(() => Boolean, { description: 'GDPR erasure (coordinators, admins): deletes the person and their values in the history.' })
  async eraseContactPerson(@Args() a: IdArgs, @Context() ctx: RequestContext): Promise<boolean> {
    await this.editing.eraseContact(ctx.viewer, a.id);
    return true;
  }

  // ---- relationships and memberships
  @Mutation(() => EditResult, { description: 'Editors of the source organisation.' })
  createRelationship(@Args('input') input: RelationshipInput, @Context() ctx: RequestContext) {
    return this.editing.create(ctx.viewer, EditableEntity.RELATIONSHIP, null, values(input));
  }

  @Mutation(() => EditResult)
  updateRelationship(@Args() a: VersionedIdArgs, @Args('input') input: RelationshipInput, @Context() ctx: RequestContext) {
    return this.editing.update(ctx.viewer, EditableEntity.RELATIONSHIP, a.id, a.expectedVersion, values(input));
  }

  @Mutation(() => EditResult)
  deleteRelationship(@Args() a: VersionedIdArgs, @Context() ctx: RequestContext) {
    return this.editing.remove(ctx.viewer, EditableEntity.RELATIONSHIP, a.id, a.expectedVersion);
  }

  @Mutation(() => EditResult, { description: 'Coordinators and admins.' })
  createNetworkMembership(@Args('input') input: NetworkMembershipInput, @Context() ctx: RequestContext) {
    return this.editing.create(ctx.viewer, EditableEntity.NETWORK_MEMBERSHIP, null, values(input));
  }

  @Mutation(() => EditResult)
  updateNetworkMembership(@Args() a: VersionedIdArgs, @Args('input') input: NetworkMembershipInput, @Context() ctx: RequestContext) {
    return this.editing.update(ctx.viewer, EditableEntity.NETWORK_MEMBERSHIP, a.id, a.expectedVersion, values(input));
  }

  @Mutation(() => EditResult)
  deleteNetworkMembership(@Args() a: VersionedIdArgs, @Context() ctx: RequestContext) {
    return this.editing.remove(ctx.viewer, EditableEntity.NETWORK_MEMBERSHIP, a.id, a.expectedVersion);
  }

  // ---- moderation, history, restore
  @Mutation(() => PendingChange, { description: 'Coordinators and admins: applies the change (CONFLICT when the entry changed since).' })
  async approveChange(@Args() a: IdArgs, @Context() ctx: RequestContext): Promise<PendingChange> {
    return this.review.pendingById(await this.editing.approve(ctx.viewer, a.id));
  }

  @Mutation(() => PendingChange, { description: 'Coordinators and admins: declines with a reason the editor sees.' })
  async rejectChange(@Args() a: RejectArgs, @Context() ctx: RequestContext): Promise<PendingChange> {
    return this.review.pendingById(await this.editing.reject(ctx.viewer, a.id, a.reason));
  }

  @Mutation(() => EditResult, { description: 'Restores the state right after the given history entry (itself audited as RESTORE).' })
  restoreVersion(@Args() a: RestoreArgs, @Context() ctx: RequestContext) {
    return this.editing.restore(ctx.viewer, a.entityType, a.entityId, a.auditEntryId);
  }

  @Query(() => [PendingChange], { description: 'Coordinators and admins: all proposals; editors: their own.' })
  pendingChanges(@Args() a: PendingChangesArgs, @Context() ctx: RequestContext) {
    return this.review.pendingChanges(ctx.viewer, a.status ?? ChangeStatus.PENDING, a.organisationId);
  }

  @Query(() => [AuditEntry], { description: 'History of an organisation and everything that belongs to it, newest first.' })
  organisationHistory(@Args() o: OrganisationIdArgs, @Context() ctx: RequestContext) {
    return this.review.history(ctx.viewer, o.organisationId);
  }

  @Query(() => [Organisation], { description: 'Coordinators and admins: entries not confirmed for `months` months.' })
  staleOrganisations(@Args() a: StaleArgs, @Context() ctx: RequestContext) {
    return this.review.stale(ctx.viewer, a.months);
  }

  @Query(() => [Organisation], {
    description: 'Editors: their organisations (any status). Coordinators and admins: all that are not archived.',
  })
  myOrganisations(@Context() ctx: RequestContext) {
    return this.review.myOrganisations(ctx.viewer);
  }

  @Query(() => GraphQLJSON, { description: 'GDPR export of one contact person (coordinators, admins).' })
  contactPersonData(@Args() a: IdArgs, @Context() ctx: RequestContext) {
    return this.review.contactPersonData(ctx.viewer, a.id);
  }

  @ResolveField(() => PendingChange, { nullable: true })
  pendingChange(@Parent() r: EditResult): Promise<PendingChange> | null {
    return r.pendingChangeId ? this.review.pendingById(r.pendingChangeId) : null;
  }
}

/** Editing-related fields of Organisation. */
@Resolver(() => Organisation)
export class OrganisationEditingFieldsResolver {
  @ResolveField(() => [ContactPerson], { description: 'Contact persons; anonymous users see only those who consented to publication.' })
  contacts(@Parent() org: Organisation, @Context() ctx: RequestContext): Promise<ContactPerson[]> {
    return ctx.loaders.contactsByOrganisation.load(org.id);
  }

  @ResolveField(() => Boolean, { description: `Not confirmed for ${STALE_MONTHS} months (or never).` })
  stale(@Parent() org: Organisation): boolean {
    return isStale(org.lastConfirmedAt);
  }

  @ResolveField(() => Boolean, { description: 'The viewer may edit this organisation.' })
  canEdit(@Parent() org: Organisation, @Context() ctx: RequestContext): boolean {
    return canEditOrganisation(ctx.viewer, org.id);
  }

  @ResolveField(() => Int, { description: 'Proposals waiting for review (0 for those who may not edit the entry).' })
  async pendingChangeCount(@Parent() org: Organisation, @Context() ctx: RequestContext): Promise<number> {
    if (!canEditOrganisation(ctx.viewer, org.id)) return 0;
    return ctx.loaders.pendingChangeCount.load(org.id);
  }
}

export function isStale(lastConfirmedAt: string | null, now = new Date()): boolean {
  if (!lastConfirmedAt) return true;
  const limit = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - STALE_MONTHS, now.getUTCDate()));
  return lastConfirmedAt < limit.toISOString().slice(0, 10);
}
