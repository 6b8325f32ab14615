import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChangeAssessment, EvaluationComparisonQuery, ValueChangePartsFragment } from '../../../lib/graphql/graphql';
import { useReportFormats } from '../hooks/useReportFormats';
import { slug } from '../utils/csv';
import { ARROWS, ASSESSMENT_CLASS, formatIndicator, formatIndicatorDelta } from '../utils/format';
import { BarChart } from './BarChart';
import { GapMap } from './GapMap';
import { ReportTable } from './ReportTable';

export type ComparisonData = EvaluationComparisonQuery['compareEvaluationSnapshots'];

type Format = (v: number | null | undefined) => string | null;

const NETWORK_FIGURES = ['nodeCount', 'edgeCount', 'density', 'components', 'communities', 'isolated', 'bridges'] as const;

/** "↑ +3": the direction as an arrow and the signed difference (the arrow is hidden from screen readers, the text says it). */
function Change({ change, delta, assessment }: { change: ValueChangePartsFragment; delta: Format; assessment?: ChangeAssessment }) {
  const { t } = useTranslation();
  const text = change.direction === 'UNKNOWN' ? t('evaluation.change.notComparable') : (delta(change.delta) ?? '');
  return (
    <span className={`eval-change ${assessment ? ASSESSMENT_CLASS[assessment] : ''}`}>
      <span className="eval-change__value">
        <span aria-hidden="true" className="eval-change__arrow">
          {ARROWS[change.direction]}
        </span>{' '}
        <span className="visually-hidden">{t(`evaluation.change.direction.${change.direction}`)} </span>
        {text}
      </span>
      {assessment && assessment !== 'UNKNOWN' && (
        <span className="eval-change__assessment"> ({t(`evaluation.change.assessment.${assessment}`)})</span>
      )}
    </span>
  );
}

/**
 * The printable comparison of two snapshots: key figures side by side, indicators per guiding goal with arrows,
 * added and closed entries, coverage change (bar chart, tables, change map) and network change. CSV for every table.
 */
export function ComparisonReport({ comparison: c }: { comparison: ComparisonData }) {
  const { t } = useTranslation();
  const n = useReportFormats();
  const file = (part: string) => `vergleich-${slug(c.from.title)}-${slug(c.to.title)}-${part}`;
  const headline = useMemo(() => new Set([...c.to.headlineFields, ...c.from.headlineFields]), [c]);
  const from = `${c.from.title} (${n.date(c.from.date)})`;
  const to = `${c.to.title} (${n.date(c.to.date)})`;
  const dir = c.directory;
  const cov = c.coverage;
  const net = c.network;
  const changedCells = cov.districtCells.filter((x) => x.change !== 'UNCHANGED');

  const figures: { key: string; label: string; change: ValueChangePartsFragment; format: Format; signed: Format }[] = [
    {
      key: 'organisations',
      label: t('evaluation.figures.organisations'),
      change: dir.organisations,
      format: n.count,
      signed: n.signedCount,
    },
    { key: 'services', label: t('evaluation.figures.services'), change: dir.services, format: n.count, signed: n.signedCount },
    { key: 'languages', label: t('evaluation.figures.languages'), change: dir.languages, format: n.count, signed: n.signedCount },
    {
      key: 'relationships',
      label: t('evaluation.figures.relationships'),
      change: valueChange(net.before.edgeCount, net.after.edgeCount),
      format: n.count,
      signed: n.signedCount,
    },
    {
      key: 'isolated',
      label: t('evaluation.figures.isolated'),
      change: valueChange(net.before.isolated, net.after.isolated),
      format: n.count,
      signed: n.signedCount,
    },
    {
      key: 'density',
      label: t('evaluation.figures.density'),
      change: valueChange(net.before.density, net.after.density),
      format: n.decimal,
      signed: n.signedDecimal,
    },
  ];

  return (
    <article className="eval-report" data-testid="eval-comparison">
      <header className="eval-report__header">
        <p className="eval-report__kicker">{t('evaluation.compare.kicker')}</p>
        <h1 className="page-title">{t('evaluation.compare.title', { from: c.from.title, to: c.to.title })}</h1>
        <dl className="eval-meta">
          <div>
            <dt>{t('evaluation.compare.from')}</dt>
            <dd>{from}</dd>
          </div>
          <div>
            <dt>{t('evaluation.compare.to')}</dt>
            <dd>{to}</dd>
          </div>
        </dl>
        <p>{t('evaluation.compare.intro')}</p>
        {(c.to.directory.demoOrganisationCount ?? 0) > 0 && (
          <p className="hint hint--warning">
            {t('evaluation.report.demo', {
              count: c.to.directory.demoOrganisationCount,
              formatted: n.count(c.to.directory.demoOrganisationCount),
            })}
          </p>
        )}
      </header>

      <section className="eval-section" aria-labelledby="cmp-figures">
        <h2 id="cmp-figures">{t('evaluation.section.figures')}</h2>
        <ReportTable
          title={t('evaluation.figures.title')}
          filename={file('kennzahlen')}
          rows={figures}
          rowKey={(r) => r.key}
          columns={[
            { key: 'label', header: t('evaluation.figures.figure'), cell: (r) => r.label, csv: (r) => r.label },
            {
              key: 'before',
              header: c.from.title,
              cell: (r) => r.format(r.change.before) ?? '–',
              csv: (r) => r.change.before,
              numeric: true,
            },
            { key: 'after', header: c.to.title, cell: (r) => r.format(r.change.after) ?? '–', csv: (r) => r.change.after, numeric: true },
            {
              key: 'change',
              header: t('evaluation.column.change'),
              cell: (r) => <Change change={r.change} delta={r.signed} />,
              csv: (r) => r.change.delta,
              numeric: true,
            },
          ]}
        />
      </section>

      <section className="eval-section eval-section--break" aria-labelledby="cmp-goals">
        <h2 id="cmp-goals">{t('evaluation.section.goals')}</h2>
        <p>{t('evaluation.compare.goalsIntro')}</p>
        {c.goals.length === 0 && <p className="muted">{t('evaluation.goals.none')}</p>}
        {c.goals.map((g) => (
          <section key={g.goalId} className="eval-goal" aria-labelledby={`cmp-goal-${g.goalId}`}>
            <h3 id={`cmp-goal-${g.goalId}`}>
              {g.title}
              {!g.inFrom && <span className="badge eval-badge">{t('evaluation.compare.goalNew')}</span>}
              {!g.inTo && <span className="badge eval-badge">{t('evaluation.compare.goalRemoved')}</span>}
            </h3>
            <p className="muted">
              {g.fieldsOfAction.length
                ? t('evaluation.compare.goalFields', { fields: n.list(g.fieldsOfAction.map(n.fieldName)) })
                : t('evaluation.goals.noFields')}
            </p>
            <ReportTable
              level={4}
              title={t('evaluation.goals.indicatorsOf', { title: g.title })}
              filename={file(`leitziel-${slug(g.title)}`)}
              rows={g.indicators}
              rowKey={(i) => `${i.kind}-${i.field?.code ?? ''}`}
              columns={[
                {
                  key: 'kind',
                  header: t('evaluation.indicator.column.kind'),
                  cell: (i) => t(`evaluation.indicator.kind.${i.kind}`),
                  csv: (i) => t(`evaluation.indicator.kind.${i.kind}`),
                },
                {
                  key: 'field',
                  header: t('evaluation.indicator.column.field'),
                  cell: (i) =>
                    i.field
                      ? n.fieldName(i.field)
                      : t(g.fieldsOfAction.length ? 'evaluation.indicator.scopeLinked' : 'evaluation.indicator.scopeAll'),
                  csv: (i) => i.field?.code ?? '',
                },
                {
                  key: 'before',
                  header: c.from.title,
                  cell: (i) => formatIndicator(i.kind, i.before, n) ?? t('evaluation.report.unknown'),
                  csv: (i) => i.before,
                  numeric: true,
                },
                {
                  key: 'after',
                  header: c.to.title,
                  cell: (i) => formatIndicator(i.kind, i.after, n) ?? t('evaluation.report.unknown'),
                  csv: (i) => i.after,
                  numeric: true,
                },
                {
                  key: 'change',
                  header: t('evaluation.column.change'),
                  cell: (i) => (
                    <Change
                      change={{ before: i.before, after: i.after, delta: i.delta, direction: i.direction }}
                      delta={(v) => formatIndicatorDelta(i.kind, v, n)}
                      assessment={i.assessment}
                    />
                  ),
                  csv: (i) => `${i.delta ?? ''} ${i.assessment}`.trim(),
                },
              ]}
            />
          </section>
        ))}
      </section>

      <section className="eval-section eval-section--break" aria-labelledby="cmp-directory">
        <h2 id="cmp-directory">{t('evaluation.section.directory')}</h2>
        <p>
          {dir.addedLanguages.length || dir.removedLanguages.length
            ? t('evaluation.compare.languages', {
                added: dir.addedLanguages.length ? n.list(dir.addedLanguages.map(n.languageName)) : '–',
                removed: dir.removedLanguages.length ? n.list(dir.removedLanguages.map(n.languageName)) : '–',
              })
            : t('evaluation.compare.languagesSame')}
        </p>
        <ReportTable
          title={t('evaluation.compare.addedOrganisations', {
            count: dir.addedOrganisations.length,
            formatted: n.count(dir.addedOrganisations.length),
          })}
          filename={file('neue-organisationen')}
          rows={dir.addedOrganisations}
          rowKey={(r) => r.id}
          testId="cmp-added-organisations"
          columns={[
            {
              key: 'name',
              header: t('evaluation.column.organisation'),
              cell: (r) => (r.isDemo ? `${r.name} ${t('evaluation.report.fictional')}` : r.name),
              csv: (r) => r.name,
            },
            { key: 'kind', header: t('evaluation.column.kind'), cell: (r) => t(`kind.name.${r.kind}`), csv: (r) => r.kind },
          ]}
        />
        <ReportTable
          title={t('evaluation.compare.closedOrganisations', {
            count: dir.closedOrganisations.length,
            formatted: n.count(dir.closedOrganisations.length),
          })}
          filename={file('geschlossene-organisationen')}
          rows={dir.closedOrganisations}
          rowKey={(r) => r.id}
          columns={[
            { key: 'name', header: t('evaluation.column.organisation'), cell: (r) => r.name, csv: (r) => r.name },
            { key: 'kind', header: t('evaluation.column.kind'), cell: (r) => t(`kind.name.${r.kind}`), csv: (r) => r.kind },
            {
              key: 'reason',
              header: t('evaluation.column.reason'),
              cell: (r) => (r.reason ? t(`evaluation.compare.reason.${r.reason}`) : ''),
              csv: (r) => r.reason,
            },
          ]}
        />
        <ReportTable
          title={t('evaluation.compare.addedServices', { count: dir.addedServices.length, formatted: n.count(dir.addedServices.length) })}
          filename={file('neue-angebote')}
          rows={dir.addedServices}
          rowKey={(r) => r.id}
          testId="cmp-added-services"
          columns={[
            { key: 'name', header: t('evaluation.column.service'), cell: (r) => r.name, csv: (r) => r.name },
            { key: 'org', header: t('evaluation.column.organisation'), cell: (r) => r.organisationName, csv: (r) => r.organisationName },
          ]}
        />
        <ReportTable
          title={t('evaluation.compare.closedServices', {
            count: dir.closedServices.length,
            formatted: n.count(dir.closedServices.length),
          })}
          filename={file('geschlossene-angebote')}
          rows={dir.closedServices}
          rowKey={(r) => r.id}
          columns={[
            { key: 'name', header: t('evaluation.column.service'), cell: (r) => r.name, csv: (r) => r.name },
            { key: 'org', header: t('evaluation.column.organisation'), cell: (r) => r.organisationName, csv: (r) => r.organisationName },
            {
              key: 'reason',
              header: t('evaluation.column.reason'),
              cell: (r) => (r.reason ? t(`evaluation.compare.reason.${r.reason}`) : ''),
              csv: (r) => r.reason,
            },
          ]}
        />
        <ReportTable
          title={t('evaluation.compare.byField')}
          filename={file('handlungsfelder')}
          rows={dir.byField}
          rowKey={(r) => r.field.code}
          columns={[
            { key: 'field', header: t('evaluation.column.field'), cell: (r) => n.fieldName(r.field), csv: (r) => n.fieldName(r.field) },
            {
              key: 'orgs',
              header: t('evaluation.column.organisations'),
              cell: (r) => transition(r.organisations, n.count, n.signedCount),
              csv: (r) => r.organisations.after,
              numeric: true,
            },
            {
              key: 'services',
              header: t('evaluation.column.services'),
              cell: (r) => transition(r.services, n.count, n.signedCount),
              csv: (r) => r.services.after,
              numeric: true,
            },
            {
              key: 'languages',
              header: t('evaluation.column.languages'),
              cell: (r) => transition(r.languages, n.count, n.signedCount),
              csv: (r) => r.languages.after,
              numeric: true,
            },
          ]}
        />
      </section>

      <section className="eval-section eval-section--break" aria-labelledby="cmp-coverage">
        <h2 id="cmp-coverage">{t('evaluation.section.coverage')}</h2>
        {cov.catchmentMeters.direction !== 'SAME' && <p className="hint hint--warning">{t('evaluation.compare.catchmentChanged')}</p>}
        <BarChart
          title={t('evaluation.compare.chartTitle')}
          format={(v) => n.percent(v) ?? ''}
          series={{ before: from, after: to }}
          bars={cov.gridShares
            .filter((s) => headline.has(s.field.code))
            .map((s) => ({
              key: s.field.code,
              label: n.fieldName(s.field),
              before: s.reachedUnitShare.before,
              value: s.reachedUnitShare.after,
            }))}
        />
        <ReportTable
          title={t('evaluation.coverage.gridTable')}
          filename={file('abdeckung-raster')}
          testId="cmp-grid-shares"
          rows={cov.gridShares}
          rowKey={(r) => r.field.code}
          empty={t('evaluation.coverage.noGrid')}
          columns={[
            { key: 'field', header: t('evaluation.column.field'), cell: (r) => n.fieldName(r.field), csv: (r) => n.fieldName(r.field) },
            {
              key: 'before',
              header: c.from.title,
              cell: (r) => n.percent(r.reachedUnitShare.before) ?? '–',
              csv: (r) => r.reachedUnitShare.before,
              numeric: true,
            },
            {
              key: 'after',
              header: c.to.title,
              cell: (r) => n.percent(r.reachedUnitShare.after) ?? '–',
              csv: (r) => r.reachedUnitShare.after,
              numeric: true,
            },
            {
              key: 'change',
              header: t('evaluation.column.changePoints'),
              cell: (r) => <Change change={r.reachedUnitShare} delta={n.signedPercentPoints} />,
              csv: (r) => r.reachedUnitShare.delta,
              numeric: true,
            },
          ]}
        />
        <h3>{t('evaluation.coverage.districtTitle')}</h3>
        {cov.districtCells.length === 0 ? (
          <p className="hint">{t('evaluation.compare.noDistricts')}</p>
        ) : (
          <>
            <ReportTable
              title={t('evaluation.coverage.districtShares')}
              filename={file('abdeckung-bezirke-anteile')}
              rows={cov.districtShares}
              rowKey={(r) => r.field.code}
              columns={[
                { key: 'field', header: t('evaluation.column.field'), cell: (r) => n.fieldName(r.field), csv: (r) => n.fieldName(r.field) },
                {
                  key: 'before',
                  header: c.from.title,
                  cell: (r) => n.percent(r.populationReachedShare.before) ?? t('evaluation.report.unknown'),
                  csv: (r) => r.populationReachedShare.before,
                  numeric: true,
                },
                {
                  key: 'after',
                  header: c.to.title,
                  cell: (r) => n.percent(r.populationReachedShare.after) ?? t('evaluation.report.unknown'),
                  csv: (r) => r.populationReachedShare.after,
                  numeric: true,
                },
                {
                  key: 'change',
                  header: t('evaluation.column.changePoints'),
                  cell: (r) => <Change change={r.populationReachedShare} delta={n.signedPercentPoints} />,
                  csv: (r) => r.populationReachedShare.delta,
                  numeric: true,
                },
              ]}
            />
            <ReportTable
              title={t('evaluation.compare.changedCells', { count: changedCells.length, formatted: n.count(changedCells.length) })}
              filename={file('abdeckung-bezirke-aenderungen')}
              rows={changedCells}
              rowKey={(r) => `${r.unitCode}-${r.field.code}`}
              empty={t('evaluation.compare.noChangedCells')}
              columns={[
                { key: 'district', header: t('evaluation.column.district'), cell: (r) => r.unitName, csv: (r) => r.unitName },
                { key: 'field', header: t('evaluation.column.field'), cell: (r) => n.fieldName(r.field), csv: (r) => n.fieldName(r.field) },
                {
                  key: 'providers',
                  header: t('evaluation.column.providersInReach'),
                  cell: (r) => `${n.count(r.providersBefore) ?? '–'} → ${n.count(r.providersAfter) ?? '–'}`,
                  csv: (r) => `${r.providersBefore ?? ''} -> ${r.providersAfter ?? ''}`,
                },
                {
                  key: 'change',
                  header: t('evaluation.column.change'),
                  cell: (r) => t(`evaluation.compare.cell.${r.change}`),
                  csv: (r) => r.change,
                },
              ]}
            />
          </>
        )}
        <section className="eval-map-section" aria-labelledby="cmp-gap-map">
          <h3 id="cmp-gap-map">{t('evaluation.map.changeTitle')}</h3>
          <p>
            {t('evaluation.map.changeExplain', {
              unit: t(cov.gapMap.unit === 'DISTRICT' ? 'evaluation.unitOne.DISTRICT' : 'evaluation.unitOne.GRID'),
              count: cov.gapMap.fields.length,
            })}
          </p>
          <GapMap
            mode="change"
            label={t('evaluation.map.changeTitle')}
            fieldCount={cov.gapMap.fields.length}
            cells={cov.gapMap.cells.map((x) => ({
              code: x.code,
              name: x.name,
              geometry: x.geometry,
              gaps: x.gapFieldsAfter,
              before: x.gapFieldsBefore,
            }))}
          />
        </section>
      </section>

      <section className="eval-section eval-section--break" aria-labelledby="cmp-network">
        <h2 id="cmp-network">{t('evaluation.section.network')}</h2>
        <ReportTable
          title={t('evaluation.network.compareSummary')}
          filename={file('netzwerk')}
          rows={NETWORK_FIGURES.map((key) => ({ key, change: valueChange(net.before[key], net.after[key]) }))}
          rowKey={(r) => r.key}
          columns={[
            {
              key: 'figure',
              header: t('evaluation.figures.figure'),
              cell: (r) => t(`evaluation.network.figure.${r.key}`),
              csv: (r) => r.key,
            },
            {
              key: 'before',
              header: c.from.title,
              cell: (r) => (r.key === 'density' ? n.decimal(r.change.before) : n.count(r.change.before)),
              csv: (r) => r.change.before,
              numeric: true,
            },
            {
              key: 'after',
              header: c.to.title,
              cell: (r) => (r.key === 'density' ? n.decimal(r.change.after) : n.count(r.change.after)),
              csv: (r) => r.change.after,
              numeric: true,
            },
            {
              key: 'change',
              header: t('evaluation.column.change'),
              cell: (r) => <Change change={r.change} delta={r.key === 'density' ? n.signedDecimal : n.signedCount} />,
              csv: (r) => r.change.delta,
              numeric: true,
            },
          ]}
        />
        <ReportTable
          title={t('evaluation.compare.newRelationships', {
            count: net.newRelationships.length,
            formatted: n.count(net.newRelationships.length),
          })}
          filename={file('neue-beziehungen')}
          rows={net.newRelationships}
          rowKey={(r) => r.id}
          testId="cmp-new-relationships"
          columns={[
            { key: 'source', header: t('evaluation.column.from'), cell: (r) => r.source.name, csv: (r) => r.source.name },
            { key: 'type', header: t('evaluation.column.relationship'), cell: (r) => t(`relationship.out.${r.type}`), csv: (r) => r.type },
            { key: 'target', header: t('evaluation.column.to'), cell: (r) => r.target.name, csv: (r) => r.target.name },
          ]}
        />
        <ReportTable
          title={t('evaluation.compare.endedRelationships', {
            count: net.endedRelationships.length,
            formatted: n.count(net.endedRelationships.length),
          })}
          filename={file('beendete-beziehungen')}
          rows={net.endedRelationships}
          rowKey={(r) => r.id}
          columns={[
            { key: 'source', header: t('evaluation.column.from'), cell: (r) => r.source.name, csv: (r) => r.source.name },
            { key: 'type', header: t('evaluation.column.relationship'), cell: (r) => t(`relationship.out.${r.type}`), csv: (r) => r.type },
            { key: 'target', header: t('evaluation.column.to'), cell: (r) => r.target.name, csv: (r) => r.target.name },
          ]}
        />
        <div className="two-columns">
          <ReportTable
            title={t('evaluation.compare.newlyConnected', {
              count: net.newlyConnected.length,
              formatted: n.count(net.newlyConnected.length),
            })}
            filename={file('neu-verbunden')}
            testId="cmp-newly-connected"
            rows={net.newlyConnected}
            rowKey={(r) => r.id}
            columns={[{ key: 'name', header: t('evaluation.column.organisation'), cell: (r) => r.name, csv: (r) => r.name }]}
          />
          <ReportTable
            title={t('evaluation.compare.newlyIsolated', { count: net.newlyIsolated.length, formatted: n.count(net.newlyIsolated.length) })}
            filename={file('neu-isoliert')}
            rows={net.newlyIsolated}
            rowKey={(r) => r.id}
            columns={[{ key: 'name', header: t('evaluation.column.organisation'), cell: (r) => r.name, csv: (r) => r.name }]}
          />
        </div>
      </section>

      <section className="eval-section" aria-labelledby="cmp-method">
        <h2 id="cmp-method">{t('evaluation.section.method')}</h2>
        <ul className="eval-notes">
          <li>{t('evaluation.method.frozen')}</li>
          <li>{t('evaluation.method.compare')}</li>
          <li>{t('evaluation.method.closed')}</li>
          <li>{t('evaluation.method.population')}</li>
        </ul>
      </section>
    </article>
  );
}

/** "97 → 98 (+1)"; the difference only when there is one. */
function transition(c: ValueChangePartsFragment, format: Format, signed: Format): string {
  const text = `${format(c.before) ?? '–'} → ${format(c.after) ?? '–'}`;
  return c.direction === 'UP' || c.direction === 'DOWN' ? `${text} (${signed(c.delta)})` : text;
}

function valueChange(before: number, after: number): ValueChangePartsFragment {
  const d = after - before;
  const direction = Math.abs(d) < 1e-9 ? 'SAME' : d > 0 ? 'UP' : 'DOWN';
  return { before, after, delta: direction === 'SAME' ? 0 : d, direction };
}
