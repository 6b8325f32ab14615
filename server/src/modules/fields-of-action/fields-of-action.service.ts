import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TaxonomyKind } from '@partneratlas/shared';
import { TaxonomyEntity } from './taxonomy.entity';
import { TaxonomyTermEntity } from './taxonomy-term.entity';
import { UnknownTermCodeException } from './fields-of-action.exception';

export interface TermWithKind extends TaxonomyTermEntity {
  kind: TaxonomyKind;
}

/** Taxonomies and their terms (fields of action, target groups). */
@Injectable()
export class FieldsOfActionService {
  /** Terms change rarely (only through migrations or admin edits); cache them briefly. */
  private cache: { at: number; terms: Promise<TermWithKind[]> } | null = null;
  private static readonly CACHE_MS = 30_000;

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  invalidate(): void {
    this.cache = null;
  }

  taxonomies(): Promise<TaxonomyEntity[]> {
    return this.ds.getRepository(TaxonomyEntity).find({ order: { id: 'ASC' } });
  }

  /** All terms with the kind of their taxonomy, in display order. */
  allTerms(): Promise<TermWithKind[]> {
    if (!this.cache || Date.now() - this.cache.at > FieldsOfActionService.CACHE_MS) {
      const terms = this.loadTerms();
      terms.catch(() => (this.cache = null));
      this.cache = { at: Date.now(), terms };
    }
    return this.cache.terms;
  }

  private async loadTerms(): Promise<TermWithKind[]> {
    const rows = await this.ds
      .getRepository(TaxonomyTermEntity)
      .createQueryBuilder('t')
      .innerJoin(TaxonomyEntity, 'x', 'x.id = t.taxonomy_id')
      .addSelect('x.kind', 'x_kind')
      .orderBy('t.taxonomy_id')
      .addOrderBy('t.sort_order')
      .addOrderBy('t.code')
      .getRawAndEntities();
    return rows.entities.map((e, i) => Object.assign(e, { kind: rows.raw[i].x_kind as TaxonomyKind }));
  }

  async terms(kind: TaxonomyKind, taxonomyId?: string): Promise<TermWithKind[]> {
    const all = await this.allTerms();
    if (taxonomyId !== undefined && !(await this.taxonomies()).some((t) => t.id === taxonomyId && t.kind === kind)) {
      throw new UnknownTermCodeException('taxonomy', [taxonomyId]);
    }
    return all.filter((t) => t.kind === kind && (taxonomyId === undefined || t.taxonomyId === taxonomyId));
  }

  /** Throws BAD_USER_INPUT naming every code that is not a term of the given kind. */
  async assertCodes(kind: TaxonomyKind, codes: readonly string[]): Promise<void> {
    if (codes.length === 0) return;
    const known = new Set((await this.allTerms()).filter((t) => t.kind === kind).map((t) => t.code));
    const unknown = codes.filter((c) => !known.has(c));
    if (unknown.length)
      throw new UnknownTermCodeException(kind === TaxonomyKind.FIELD_OF_ACTION ? 'field of action' : 'target group', unknown);
  }
}
