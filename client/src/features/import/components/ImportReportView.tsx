import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/intl';
import type { ImportJob } from '../hooks/useImportJob';

type Report = NonNullable<ImportJob['report']>;
type Geocoding = Report['geocoded'][number];
const SHOWN = 200;

const where = (p: { file: string | null; row: number | null }) => [p.file, p.row].filter((x) => x !== null && x !== '').join(' · ');

/** The report of a dry run or apply: counts, then each problem, duplicate, geocoder lookup and entry to place, as tables. */
export function ImportReportView({ report, geocode = false }: { report: Report; geocode?: boolean }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const c = report.counts;
  const degrees = useMemo(() => new Intl.NumberFormat(f.locale, { minimumFractionDigits: 5, maximumFractionDigits: 5 }), [f.locale]);
  const outcome = (g: Geocoding) => (g.status === 'FOUND' ? g.displayName : g.message);
  const attributions = [...new Set(report.geocoded.map((g) => g.attribution).filter((a): a is string => !!a))];
  return (
    <section className="page-section" aria-labelledby="import-report-title">
      <h2 id="import-report-title">{t('import.report.title')}</h2>
      <p className="muted">{report.detected.join(' · ')}</p>
      <ul className="import-counts">
        <li>{t('import.report.rows', { count: c.rows, n: f.number(c.rows) })}</li>
        <li>
          {t('import.report.organisations', {
            created: f.number(c.organisationsCreated),
            updated: f.number(c.organisationsUpdated),
            unchanged: f.number(c.organisationsUnchanged),
            skipped: f.number(c.organisationsSkipped),
          })}
        </li>
        <li>
          {t('import.report.children', {
            locations: f.number(c.locationsCreated + c.locationsUpdated),
            services: f.number(c.servicesCreated + c.servicesUpdated),
          })}
        </li>
        <li>{t('import.report.problems', { errors: f.number(c.errors), warnings: f.number(c.warnings) })}</li>
        <li>{t('import.report.duplicatesCount', { n: f.number(c.duplicates) })}</li>
        {(c.relationshipsCreated > 0 || c.relationshipsUpdated > 0) && (
          <li>
            {t('import.report.relationships', { created: f.number(c.relationshipsCreated), updated: f.number(c.relationshipsUpdated) })}
          </li>
        )}
        {(c.membershipsCreated > 0 || c.membershipsUpdated > 0 || c.networksCreated > 0) && (
          <li>
            {t('import.report.memberships', {
              created: f.number(c.membershipsCreated),
              updated: f.number(c.membershipsUpdated),
              networks: f.number(c.networksCreated),
            })}
          </li>
        )}
        {c.districtsCreated > 0 && <li>{t('import.report.districtsCount', { n: f.number(c.districtsCreated) })}</li>}
        {(geocode || report.geocoded.length > 0) && (
          <li>{t('import.report.geocodedCount', { n: f.number(c.geocoded), asked: f.number(report.geocoded.length) })}</li>
        )}
        <li>{t('import.report.placingCount', { n: f.number(c.needsPlacing) })}</li>
      </ul>
      {!report.canApply && <p className="form-alert">{t('import.report.cannotApply')}</p>}
      {report.truncated && <p className="muted">{t('import.report.truncated')}</p>}

      {report.problems.length > 0 && (
        <>
          <h3>{t('import.report.problemsTitle')}</h3>
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('import.report.severity')}</th>
                  <th scope="col">{t('import.report.where')}</th>
                  <th scope="col">{t('import.report.column')}</th>
                  <th scope="col">{t('import.report.value')}</th>
                  <th scope="col">{t('import.report.what')}</th>
                </tr>
              </thead>
              <tbody>
                {report.problems.slice(0, SHOWN).map((p, i) => (
                  <tr key={i}>
                    <td>{t(`import.severity.${p.severity}`)}</td>
                    <td>{where(p)}</td>
                    <td>{p.column}</td>
                    <td>{p.value}</td>
                    <td>{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      {report.duplicates.length > 0 && (
        <>
          <h3>{t('import.report.duplicatesTitle')}</h3>
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('import.report.where')}</th>
                  <th scope="col">{t('import.report.name')}</th>
                  <th scope="col">{t('import.report.reason')}</th>
                  <th scope="col">{t('import.report.existing')}</th>
                  <th scope="col">{t('import.report.outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {report.duplicates.slice(0, SHOWN).map((d, i) => (
                  <tr key={i}>
                    <td>{where(d)}</td>
                    <td>{d.name}</td>
                    <td>
                      {t(`import.reasons.${d.reason}`)}
                      {d.distanceMeters !== null && ` (${f.number(d.distanceMeters)} m)`}
                    </td>
                    <td>{d.existingName}</td>
                    <td>{d.skipped ? t('import.report.skipped') : t('import.report.imported')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      {report.geocoded.length > 0 && (
        <>
          <h3 id="import-geocoded-title">{t('import.report.geocodedTitle')}</h3>
          <div className="table-scroll">
            <table className="data-table" aria-labelledby="import-geocoded-title">
              <thead>
                <tr>
                  <th scope="col">{t('import.report.where')}</th>
                  <th scope="col">{t('import.report.name')}</th>
                  <th scope="col">{t('import.report.address')}</th>
                  <th scope="col">{t('import.report.geocodeStatus')}</th>
                  <th scope="col">{t('import.report.place')}</th>
                  <th scope="col">{t('import.report.coordinates')}</th>
                </tr>
              </thead>
              <tbody>
                {report.geocoded.slice(0, SHOWN).map((g) => (
                  <tr key={g.locationId}>
                    <td>{where(g)}</td>
                    <td>{g.name}</td>
                    <td>{g.address}</td>
                    <td>{t(`import.geocodeStatus.${g.status}`)}</td>
                    <td>{outcome(g)}</td>
                    <td>
                      {g.latitude !== null && g.longitude !== null ? `${degrees.format(g.latitude)}, ${degrees.format(g.longitude)}` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {attributions.length > 0 && <p className="muted">{t('import.geocode.attribution', { attribution: attributions.join(' · ') })}</p>}
          {report.dryRun && <p className="muted">{t('import.report.geocodedApply')}</p>}
        </>
      )}

      {report.needsPlacing.length > 0 && (
        <>
          <h3>{t('import.report.placingTitle')}</h3>
          <ul>
            {report.needsPlacing.slice(0, SHOWN).map((p) => (
              <li key={p.organisationId}>
                {p.name}
                {p.address ? ` — ${p.address}` : ''} <span className="muted">({where(p)})</span>
                {p.geocoder ? <span className="muted"> – {t('import.report.geocoderReason', { reason: p.geocoder })}</span> : null}
              </li>
            ))}
          </ul>
        </>
      )}

      {report.actions.length > 0 && (
        <details>
          <summary>{t('import.report.actionsTitle', { n: f.number(report.actions.length) })}</summary>
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('import.report.where')}</th>
                  <th scope="col">{t('import.report.entity')}</th>
                  <th scope="col">{t('import.report.name')}</th>
                  <th scope="col">{t('import.report.outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {report.actions.slice(0, SHOWN).map((a) => (
                  <tr key={`${a.entity}:${a.id}`}>
                    <td>{where(a)}</td>
                    <td>{t(`import.entities.${a.entity}`)}</td>
                    <td>{a.name}</td>
                    <td>{t(`import.actions.${a.action}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </section>
  );
}
