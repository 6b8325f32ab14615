import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationSnapshotReportQuery } from '../../../lib/graphql/graphql';
import { useReportFormats } from '../hooks/useReportFormats';
import { slug } from '../utils/csv';
import { BarChart } from './BarChart';
import { GapMap } from './GapMap';
import { IndicatorTable } from './IndicatorTable';
import { ReportTable } from './ReportTable';

export type SnapshotReportData = NonNullable<EvaluationSnapshotReportQuery['evaluationSnapshot']>;

/**
 * The printable report of one snapshot: key figures, guiding goals with their indicators, the directory, coverage
 * (bar chart, tables, gap map) and the network. Every table has a CSV export; everything comes from the frozen data.
 */
export function SnapshotReport({ snapshot: s }: { snapshot: SnapshotReportData }) {
  const { t } = useTranslation();
  const n = useReportFormats();
  const file = (part: string) => `${slug(s.title)}-${part}`;
  const d = s.directory;
  const cov = s.coverage;
  const net = s.network;
  const headline = useMemo(() => new Set(s.headlineFields), [s.headlineFields]);
  const headlineGrid = cov.grid.columns.filter((c) => headline.has(c.field.code));
  const districtColumns = cov.districts.columns.map((c, i) => ({ column: c, index: i })).filter((x) => headline.has(x.column.field.code));
  const isolated = net.nodes.filter((x) => x.isolated);
  const confirmedShare = d.organisationCount ? d.confirmedLast12Months / d.organisationCount : null;

  const keyFigures = [
    { key: 'organisations', label: t('evaluation.figures.organisations'), value: n.count(d.organisationCount), raw: d.organisationCount },
    { key: 'services', label: t('evaluation.figures.services'), value: n.count(d.serviceCount), raw: d.serviceCount },
    { key: 'languages', label: t('evaluation.figures.languages'), value: n.count(d.languages.length), raw: d.languages.length },
    {
      key: 'confirmed',
      label: t('evaluation.figures.confirmed'),
      value: `${n.percent(confirmedShare) ?? t('evaluation.report.unknown')} (${n.count(d.confirmedLast12Months)} / ${n.count(d.organisationCount)})`,
      raw: confirmedShare,
    },
    {
      key: 'relationships',
      label: t('evaluation.figures.relationships'),
      value: n.count(net.summary.edgeCount),
      raw: net.summary.edgeCount,
    },
    { key: 'isolated', label: t('evaluation.figures.isolated'), value: n.count(net.summary.isolated), raw: net.summary.isolated },
    { key: 'density', label: t('evaluation.figures.density'), value: n.decimal(net.summary.density), raw: net.summary.density },
  ];

  return (
    <article className="eval-report" data-testid="eval-report">
      <header className="eval-report__header">
        <p className="eval-report__kicker">{t('evaluation.report.kicker')}</p>
        <h1 className="page-title">{t('evaluation.report.title', { title: s.title })}</h1>
        <dl className="eval-meta">
          <div>
            <dt>{t('evaluation.report.date')}</dt>
            <dd>{n.date(s.date)}</dd>
          </div>
          <div>
            <dt>{t('evaluation.report.takenAt')}</dt>
            <dd>{n.dateTime(s.takenAt)}</dd>
          </div>
          {s.createdBy && (
            <div>
              <dt>{t('evaluation.report.createdBy')}</dt>
              <dd>{s.createdBy}</dd>
            </div>
          )}
        </dl>
        <p>{t('evaluation.report.intro', { meters: n.count(cov.catchmentMeters) })}</p>
        {d.demoOrganisationCount > 0 && (
          <p className="hint hint--warning">
            {t('evaluation.report.demo', { count: d.demoOrganisationCount, formatted: n.count(d.demoOrganisationCount) })}
          </p>
        )}
      </header>

      <section className="eval-section" aria-labelledby="eval-figures">
        <h2 id="eval-figures">{t('evaluation.section.figures')}</h2>
        <ReportTable
          title={t('evaluation.figures.title')}
          filename={file('kennzahlen')}
          rows={keyFigures}
          rowKey={(r) => r.key}
          columns={[
            { key: 'label', header: t('evaluation.figures.figure'), cell: (r) => r.label, csv: (r) => r.label },
            { key: 'value', header: t('evaluation.figures.value'), cell: (r) => r.value, csv: (r) => r.raw, numeric: true },
          ]}
        />
      </section>

      <section className="eval-section eval-section--break" aria-labelledby="eval-goals">
        <h2 id="eval-goals">{t('evaluation.section.goals')}</h2>
        {s.goals.length === 0 && <p className="muted">{t('evaluation.goals.none')}</p>}
        {s.goals.map((g) => (
          <section key={g.id} className="eval-goal" aria-labelledby={`goal-${g.id}`}>
            <h3 id={`goal-${g.id}`}>{g.title}</h3>
            <dl className="eval-goal__facts">
              <div>
                <dt>{t('evaluation.goals.description')}</dt>
                <dd>{g.description ?? <span className="muted">{t('evaluation.goals.noDescription')}</span>}</dd>
              </div>
              {g.period && (
                <div>
                  <dt>{t('evaluation.goals.period')}</dt>
                  <dd>{g.period}</dd>
                </div>
              )}
              <div>
                <dt>{t('evaluation.goals.fields')}</dt>
                <dd>
                  {g.fieldsOfAction.length ? (
                    n.list(g.fieldsOfAction.map(n.fieldName))
                  ) : (
                    <span className="muted">{t('evaluation.goals.noFields')}</span>
                  )}
                </dd>
              </div>
              {(g.source || g.sourceUrl) && (
                <div>
                  <dt>{t('evaluation.goals.source')}</dt>
                  <dd className="eval-goal__source">
                    {g.source}
                    {g.sourceUrl && (
                      <>
                        {' '}
                        <a href={g.sourceUrl}>{g.sourceUrl}</a>
                      </>
                    )}
                  </dd>
                </div>
              )}
            </dl>
            <IndicatorTable
              title={t('evaluation.goals.indicatorsOf', { title: g.title })}
              indicators={g.indicators}
              linked={g.fieldsOfAction.length > 0}
              filename={file(`leitziel-${slug(g.title)}`)}
            />
          </section>
        ))}
      </section>

      <section className="eval-section eval-section--break" aria-labelledby="eval-directory">
        <h2 id="eval-directory">{t('evaluation.section.directory')}</h2>
        <ReportTable
          title={t('evaluation.directory.byField')}
          filename={file('verzeichnis-handlungsfelder')}
          rows={d.byField}
          rowKey={(r) => r.field.code}
          columns={[
            { key: 'field', header: t('evaluation.column.field'), cell: (r) => n.fieldName(r.field), csv: (r) => n.fieldName(r.field) },
            {
              key: 'orgs',
              header: t('evaluation.column.organisations'),
              cell: (r) => n.count(r.organisations),
              csv: (r) => r.organisations,
              numeric: true,
            },
            {
              key: 'services',
              header: t('evaluation.column.services'),
              cell: (r) => n.count(r.services),
              csv: (r) => r.services,
              numeric: true,
            },
            {
              key: 'languages',
              header: t('evaluation.column.languages'),
              cell: (r) => n.count(r.languages.length),
              csv: (r) => r.languages.join(' '),
              numeric: true,
            },
          ]}
        />
        <ReportTable
          title={t('evaluation.directory.byKind')}
          filename={file('verzeichnis-arten')}
          rows={d.byKind}
          rowKey={(r) => r.kind}
          columns={[
            {
              key: 'kind',
              header: t('evaluation.column.kind'),
              cell: (r) => t(`kind.name.${r.kind}`),
              csv: (r) => t(`kind.name.${r.kind}`),
            },
            {
              key: 'orgs',
              header: t('evaluation.column.organisations'),
              cell: (r) => n.count(r.organisations),
              csv: (r) => r.organisations,
              numeric: true,
            },
          ]}
        />
      </section>

      <section className="eval-section eval-section--break" aria-labelledby="eval-coverage">
        <h2 id="eval-coverage">{t('evaluation.section.coverage')}</h2>
        <p>{t('evaluation.coverage.intro', { meters: n.count(cov.catchmentMeters) })}</p>
        {headlineGrid.length > 0 && cov.grid.unitCount > 0 ? (
          <BarChart
            title={t('evaluation.coverage.chartTitle')}
            format={(v) => n.percent(v) ?? ''}
            bars={headlineGrid.map((c) => ({ key: c.field.code, label: n.fieldName(c.field), value: c.reachedUnitShare }))}
          />
        ) : (
          <p className="muted">{t('evaluation.coverage.noGrid')}</p>
        )}
        <ReportTable
          title={t('evaluation.coverage.gridTable')}
          filename={file('abdeckung-raster')}
          rows={cov.grid.columns}
          rowKey={(r) => r.field.code}
          empty={t('evaluation.coverage.noGrid')}
          columns={[
            { key: 'field', header: t('evaluation.column.field'), cell: (r) => n.fieldName(r.field), csv: (r) => n.fieldName(r.field) },
            {
              key: 'share',
              header: t('evaluation.column.reachedShare'),
              cell: (r) => n.percent(r.reachedUnitShare) ?? '–',
              csv: (r) => r.reachedUnitShare,
              numeric: true,
            },
            {
              key: 'gaps',
              header: t('evaluation.column.gapUnits'),
              cell: (r) => `${n.count(r.gapUnitCount)} / ${n.count(r.unitCount)}`,
              csv: (r) => r.gapUnitCount,
              numeric: true,
            },
            {
              key: 'providers',
              header: t('evaluation.column.locatedProviders'),
              cell: (r) => n.count(r.providerCount),
              csv: (r) => r.providerCount,
              numeric: true,
            },
          ]}
        />
        <h3>{t('evaluation.coverage.districtTitle')}</h3>
        {cov.districts.unitCount === 0 ? (
          <p className="hint" data-testid="eval-no-districts">
            {t('evaluation.coverage.noDistricts', { count: cov.districts.unitsWithoutGeometry })}
          </p>
        ) : (
          <>
            <ReportTable
              title={t('evaluation.coverage.districtShares')}
              filename={file('abdeckung-bezirke-anteile')}
              rows={cov.districts.columns}
              rowKey={(r) => r.field.code}
              columns={[
                { key: 'field', header: t('evaluation.column.field'), cell: (r) => n.fieldName(r.field), csv: (r) => n.fieldName(r.field) },
                {
                  key: 'pop',
                  header: t('evaluation.column.populationShare'),
                  cell: (r) => n.percent(r.populationReachedShare) ?? t('evaluation.report.unknown'),
                  csv: (r) => r.populationReachedShare,
                  numeric: true,
                },
                {
                  key: 'units',
                  header: t('evaluation.column.reachedDistricts'),
                  cell: (r) => `${n.count(r.unitCount - r.gapUnitCount)} / ${n.count(r.unitCount)}`,
                  csv: (r) => r.unitCount - r.gapUnitCount,
                  numeric: true,
                },
              ]}
            />
            <ReportTable
              title={t('evaluation.coverage.matrixTitle')}
              filename={file('abdeckung-bezirke-matrix')}
              note={<p className="muted">{t('evaluation.coverage.matrixNote')}</p>}
              rows={cov.districts.rows}
              rowKey={(r) => r.unitId}
              columns={[
                { key: 'name', header: t('evaluation.column.district'), cell: (r) => r.name, csv: (r) => r.name },
                {
                  key: 'pop',
                  header: t('evaluation.column.population'),
                  cell: (r) => n.count(r.population) ?? t('evaluation.report.unknown'),
                  csv: (r) => r.population,
                  numeric: true,
                },
                ...districtColumns.map(({ column, index }) => ({
                  key: column.field.code,
                  header: n.fieldName(column.field),
                  cell: (r: (typeof cov.districts.rows)[number]) =>
                    r.cells[index].gap ? (
                      <span className="eval-gap">{t('evaluation.coverage.gap')}</span>
                    ) : (
                      n.count(r.cells[index].providersInReach)
                    ),
                  csv: (r: (typeof cov.districts.rows)[number]) => r.cells[index].providersInReach,
                  numeric: true,
                })),
              ]}
            />
            <ReportTable
              title={t('evaluation.coverage.gapList', { count: cov.gaps.length, formatted: n.count(cov.gaps.length) })}
              filename={file('luecken-bezirke')}
              rows={cov.gaps}
              rowKey={(r) => `${r.unitCode}-${r.field.code}`}
              empty={t('evaluation.coverage.noGaps')}
              columns={[
                { key: 'district', header: t('evaluation.column.district'), cell: (r) => r.unitName, csv: (r) => r.unitName },
                { key: 'field', header: t('evaluation.column.field'), cell: (r) => n.fieldName(r.field), csv: (r) => n.fieldName(r.field) },
                {
                  key: 'pop',
                  header: t('evaluation.column.population'),
                  cell: (r) => n.count(r.population) ?? t('evaluation.report.unknown'),
                  csv: (r) => r.population,
                  numeric: true,
                },
              ]}
            />
          </>
        )}
        <section className="eval-map-section" aria-labelledby="eval-gap-map">
          <h3 id="eval-gap-map">{t('evaluation.map.title')}</h3>
          <p>
            {t('evaluation.map.explain', {
              unit: t(cov.gapMap.unit === 'DISTRICT' ? 'evaluation.unitOne.DISTRICT' : 'evaluation.unitOne.GRID'),
              count: cov.gapMap.fields.length,
              fields: n.list(cov.gapMap.fields.map(n.fieldName)),
            })}
          </p>
          <GapMap
            mode="state"
            label={t('evaluation.map.title')}
            fieldCount={cov.gapMap.fields.length}
            cells={cov.gapMap.cells.map((c) => ({ code: c.code, name: c.name, geometry: c.geometry, gaps: c.gapFields }))}
          />
        </section>
        <ReportTable
          title={t('evaluation.coverage.cityWide')}
          filename={file('stadtweit')}
          rows={cov.cityWide}
          rowKey={(r) => r.field.code}
          columns={[
            { key: 'field', header: t('evaluation.column.field'), cell: (r) => n.fieldName(r.field), csv: (r) => n.fieldName(r.field) },
            {
              key: 'providers',
              header: t('evaluation.column.organisations'),
              cell: (r) => n.count(r.providerCount),
              csv: (r) => r.providerCount,
              numeric: true,
            },
            {
              key: 'status',
              header: t('evaluation.column.status'),
              cell: (r) => t(`evaluation.cityWide.${r.status}`),
              csv: (r) => r.status,
            },
          ]}
        />
      </section>

      <section className="eval-section eval-section--break" aria-labelledby="eval-network">
        <h2 id="eval-network">{t('evaluation.section.network')}</h2>
        <p>{t('evaluation.network.intro', { date: n.date(net.date) })}</p>
        <ReportTable
          title={t('evaluation.network.summary')}
          filename={file('netzwerk')}
          rows={
            [
              ['nodeCount', net.summary.nodeCount],
              ['edgeCount', net.summary.edgeCount],
              ['density', net.summary.density],
              ['components', net.summary.components],
              ['communities', net.summary.communities],
              ['isolated', net.summary.isolated],
              ['bridges', net.summary.bridges],
            ] as const
          }
          rowKey={(r) => r[0]}
          columns={[
            {
              key: 'figure',
              header: t('evaluation.figures.figure'),
              cell: (r) => t(`evaluation.network.figure.${r[0]}`),
              csv: (r) => t(`evaluation.network.figure.${r[0]}`),
            },
            {
              key: 'value',
              header: t('evaluation.figures.value'),
              cell: (r) => (r[0] === 'density' ? n.decimal(r[1]) : n.count(r[1])),
              csv: (r) => r[1],
              numeric: true,
            },
          ]}
        />
        <ReportTable
          title={t('evaluation.network.isolated', { count: isolated.length, formatted: n.count(isolated.length) })}
          filename={file('netzwerk-isoliert')}
          rows={isolated}
          rowKey={(r) => r.id}
          empty={t('evaluation.network.noneIsolated')}
          columns={[{ key: 'name', header: t('evaluation.column.organisation'), cell: (r) => r.name, csv: (r) => r.name }]}
        />
      </section>

      <section className="eval-section" aria-labelledby="eval-method">
        <h2 id="eval-method">{t('evaluation.section.method')}</h2>
        <ul className="eval-notes">
          <li>{t('evaluation.method.frozen')}</li>
          <li>{t('evaluation.method.published')}</li>
          <li>{t('evaluation.method.coverage', { meters: n.count(cov.catchmentMeters) })}</li>
          <li>{t('evaluation.method.population')}</li>
          <li>{t('evaluation.method.network')}</li>
        </ul>
      </section>
    </article>
  );
}
