import DataLoader from 'dataloader';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../../graphql/request-context';
import { keyedLoader } from '../../common/dataloader';
import { FieldOfAction } from '../fields-of-action/dto/taxonomy.model';
import {
  CompareEvaluationSnapshotsArgs,
  CreateEvaluationSnapshotArgs,
  CreateGuidingGoalArgs,
  EvaluationIdArgs,
  UpdateGuidingGoalArgs,
  VersionedGoalArgs,
} from './dto/evaluation.input';
import {
  EvaluationComparison,
  EvaluationField,
  EvaluationPeriod,
  EvaluationProgress,
  EvaluationSnapshot,
  GoalIndicator,
  GuidingGoal,
  PeriodOrganisation,
  SnapshotCoverage,
  SnapshotDirectory,
  SnapshotGoal,
  SnapshotNetwork,
} from './dto/evaluation.model';
import { snapshotView, SnapshotView } from './evaluation-view';
import { EvaluationSnapshotNotFoundException } from './evaluation.exception';
import { EvaluationService, SnapshotRow } from './evaluation.service';
import type { SnapshotData } from './evaluation.types';

/** Guiding goals, snapshots, their comparison and the re-confirmation cycle. Thin: the service authorises and works. */
@Resolver()
export class EvaluationResolver {
  constructor(private readonly service: EvaluationService) {}

  @Query(() => [GuidingGoal], { description: 'The guiding goals (Leitziele), with indicators computed from the current published data.' })
  guidingGoals(): Promise<GuidingGoal[]> {
    return this.service.goals();
  }

  @Mutation(() => GuidingGoal, { description: 'Admins: a new guiding goal.' })
  createGuidingGoal(@Args() a: CreateGuidingGoalArgs, @Context() ctx: RequestContext): Promise<GuidingGoal> {
    return this.service.createGoal(ctx.viewer, a.input);
  }

  @Mutation(() => GuidingGoal, { description: 'Admins: fields left out stay unchanged. A stale expectedVersion gets CONFLICT.' })
  updateGuidingGoal(@Args() a: UpdateGuidingGoalArgs, @Context() ctx: RequestContext): Promise<GuidingGoal> {
    return this.service.updateGoal(ctx.viewer, a.id, a.expectedVersion, a.input);
  }

  @Mutation(() => ID, { description: 'Admins: removes a guiding goal (snapshots keep their copy). A stale expectedVersion gets CONFLICT.' })
  deleteGuidingGoal(@Args() a: VersionedGoalArgs, @Context() ctx: RequestContext): Promise<string> {
    return this.service.deleteGoal(ctx.viewer, a.id, a.expectedVersion);
  }

  @Query(() => [EvaluationSnapshot], { description: 'Admins: all snapshots, newest reference date first.' })
  evaluationSnapshots(@Context() ctx: RequestContext): Promise<SnapshotRow[]> {
    return this.service.snapshots(ctx.viewer);
  }

  @Query(() => EvaluationSnapshot, { description: 'Admins: one snapshot with its frozen content.' })
  evaluationSnapshot(@Args() a: EvaluationIdArgs, @Context() ctx: RequestContext): Promise<SnapshotRow> {
    return this.service.snapshot(ctx.viewer, a.id);
  }

  @Mutation(() => EvaluationSnapshot, {
    description: 'Admins: freezes the published landscape (directory, coverage, gaps, network, indicators per guiding goal).',
  })
  createEvaluationSnapshot(@Args() a: CreateEvaluationSnapshotArgs, @Context() ctx: RequestContext): Promise<SnapshotRow> {
    return this.service.createSnapshot(ctx.viewer, a.input);
  }

  @Mutation(() => ID, { description: 'Admins: deletes a snapshot.' })
  deleteEvaluationSnapshot(@Args() a: EvaluationIdArgs, @Context() ctx: RequestContext): Promise<string> {
    return this.service.deleteSnapshot(ctx.viewer, a.id);
  }

  @Query(() => EvaluationComparison, { description: 'Admins: two snapshots side by side (fromId the earlier, toId the later).' })
  compareEvaluationSnapshots(@Args() a: CompareEvaluationSnapshotsArgs, @Context() ctx: RequestContext) {
    return this.service.compare(ctx.viewer, a.fromId, a.toId);
  }

  @Mutation(() => EvaluationPeriod, {
    description: 'Coordinators and admins: starts a re-confirmation period; every entry not confirmed since is due (no mail is sent).',
  })
  startEvaluationPeriod(@Context() ctx: RequestContext): Promise<EvaluationPeriod> {
    return this.service.startPeriod(ctx.viewer);
  }

  @Query(() => EvaluationPeriod, { nullable: true, description: 'Signed-in users: the current re-confirmation period, if any.' })
  evaluationPeriod(@Context() ctx: RequestContext): Promise<EvaluationPeriod | null> {
    return this.service.currentPeriod(ctx.viewer);
  }
}

@Resolver(() => GuidingGoal)
export class GuidingGoalFieldsResolver {
  constructor(private readonly service: EvaluationService) {}

  @ResolveField(() => [FieldOfAction], { description: 'The fields of action the goal relates to (set by admins).' })
  fieldsOfAction(@Parent() goal: GuidingGoal) {
    return this.service.fieldsOf(goal);
  }

  @ResolveField(() => [GoalIndicator], {
    description: 'Indicators from the current published data: per linked field, then for the goal (computed once per request).',
  })
  indicators(@Parent() goal: GuidingGoal, @Context() ctx: RequestContext): Promise<GoalIndicator[]> {
    return this.service.liveIndicators(ctx, goal);
  }
}

/** The frozen content of a snapshot, loaded (one statement per level) only when a heavy field is asked for. */
const snapshotLoaders = new WeakMap<RequestContext, DataLoader<string, SnapshotRow | null>>();
const views = new WeakMap<SnapshotData, SnapshotView>();

@Resolver(() => EvaluationSnapshot)
export class EvaluationSnapshotFieldsResolver {
  constructor(private readonly service: EvaluationService) {}

  private async view(s: SnapshotRow, ctx: RequestContext): Promise<SnapshotView> {
    let data = s.data;
    if (!data) {
      let loader = snapshotLoaders.get(ctx);
      if (!loader) {
        loader = keyedLoader(
          (ids: string[]) => this.service.snapshotsWithData(ids),
          (r) => r.id,
        );
        snapshotLoaders.set(ctx, loader);
      }
      const row = await loader.load(s.id);
      if (!row?.data) throw new EvaluationSnapshotNotFoundException(s.id);
      data = row.data;
    }
    let view = views.get(data);
    if (!view) {
      view = snapshotView(data);
      views.set(data, view);
    }
    return view;
  }

  @ResolveField(() => Date, { description: 'When the data was read (just before it was stored).' })
  async takenAt(@Parent() s: SnapshotRow, @Context() ctx: RequestContext) {
    return (await this.view(s, ctx)).takenAt;
  }

  @ResolveField(() => [EvaluationField], { description: 'Every field of action with its names at the time.' })
  async fieldsOfAction(@Parent() s: SnapshotRow, @Context() ctx: RequestContext) {
    return (await this.view(s, ctx)).fieldsOfAction;
  }

  @ResolveField(() => [String], { description: 'Top-level place-bound fields of the council motion (chart columns, gap map).' })
  async headlineFields(@Parent() s: SnapshotRow, @Context() ctx: RequestContext) {
    return (await this.view(s, ctx)).headlineFields;
  }

  @ResolveField(() => SnapshotDirectory)
  async directory(@Parent() s: SnapshotRow, @Context() ctx: RequestContext) {
    return (await this.view(s, ctx)).directory;
  }

  @ResolveField(() => SnapshotCoverage)
  async coverage(@Parent() s: SnapshotRow, @Context() ctx: RequestContext) {
    return (await this.view(s, ctx)).coverage;
  }

  @ResolveField(() => SnapshotNetwork)
  async network(@Parent() s: SnapshotRow, @Context() ctx: RequestContext) {
    return (await this.view(s, ctx)).network;
  }

  @ResolveField(() => [SnapshotGoal])
  async goals(@Parent() s: SnapshotRow, @Context() ctx: RequestContext) {
    return (await this.view(s, ctx)).goals;
  }
}

@Resolver(() => EvaluationPeriod)
export class EvaluationPeriodFieldsResolver {
  constructor(private readonly service: EvaluationService) {}

  @ResolveField(() => EvaluationProgress, { description: 'Coordinators and admins only (FORBIDDEN for others).' })
  progress(@Parent() p: EvaluationPeriod, @Context() ctx: RequestContext): Promise<EvaluationProgress> {
    return this.service.progress(ctx.viewer, p.id);
  }

  @ResolveField(() => [PeriodOrganisation], { description: 'Editors: their own organisations still to re-confirm (empty for staff).' })
  myOutstanding(@Parent() p: EvaluationPeriod, @Context() ctx: RequestContext): Promise<PeriodOrganisation[]> {
    return this.service.myOutstanding(ctx.viewer, p.id);
  }
}
