import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/intl';
import type { CoverageFreshness } from '../hooks/useCoverageData';
import { formatComputedAt, type ComputingInfo } from '../utils/computing';

/** The server is still computing these figures; the view asks again by itself (see useKeptResult). */
export function CoverageComputing({ computing }: { computing: ComputingInfo }) {
  const { t } = useTranslation();
  const f = useFormatters();
  return (
    <div className="coverage-computing" role="status" aria-live="polite" data-testid="coverage-computing">
      <span className="coverage-spinner" aria-hidden="true" />
      <p>{t('coverage.computation.computing', { seconds: f.number(computing.retryAfterSeconds) })}</p>
    </div>
  );
}

/** When the figures shown were computed and, while a newer computation runs, that they are about to be replaced. */
export function CoverageComputedAt({ freshness }: { freshness: CoverageFreshness }) {
  const { t } = useTranslation();
  const f = useFormatters();
  return (
    <div className="coverage-computed" data-testid="coverage-computed">
      <p className="hint">
        {t('coverage.computation.computedAt')}{' '}
        <time dateTime={freshness.computedAt}>{formatComputedAt(freshness.computedAt, f.locale)}</time>
      </p>
      {/* Always rendered, so that the note is announced when it appears. */}
      <div role="status" aria-live="polite">
        {!freshness.upToDate && (
          <p className="hint hint--warning coverage-computed__stale">
            <span className="coverage-spinner" aria-hidden="true" /> {t('coverage.computation.stale')}
          </p>
        )}
      </div>
    </div>
  );
}
