import { useTranslation } from 'react-i18next';
import type { OrganisationKind } from '@partneratlas/shared';
import { KindSymbol } from '../../../components/KindSymbol';
import { KIND_ORDER } from '../../../lib/organisation-kind';
import { communityStyle, type ColourBy, type SizeBy } from '../utils/network-state';

/** SVG stand-ins for cytoscape's community shapes. */
function CommunitySwatch({ community }: { community: number }) {
  const { color, shape } = communityStyle(community);
  const paths: Record<string, string> = {
    ellipse: 'M12 3a9 9 0 1 0 0.01 0z',
    rectangle: 'M4 4h16v16H4z',
    diamond: 'M12 2l10 10-10 10L2 12z',
    triangle: 'M12 3l10 18H2z',
    hexagon: 'M7 3h10l5 9-5 9H7l-5-9z',
    star: 'M12 2l3 7h7l-6 4 2 8-6-5-6 5 2-8-6-4h7z',
    vee: 'M2 3l10 8 10-8-10 19z',
    'round-rectangle': 'M7 4h10a3 3 0 0 1 3 3v10a3 3 0 0 1-3 3H7a3 3 0 0 1-3-3V7a3 3 0 0 1 3-3z',
  };
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={paths[shape]} fill={color} stroke="#fff" strokeWidth="1.5" />
    </svg>
  );
}

export function NetworkLegend({
  colourBy,
  sizeBy,
  communities,
  kinds,
}: {
  colourBy: ColourBy;
  sizeBy: SizeBy;
  communities: readonly { community: number; size: number }[];
  kinds: readonly OrganisationKind[];
}) {
  const { t } = useTranslation();
  const shownCommunities = communities.filter((c) => c.size > 1).slice(0, 8);
  return (
    <section className="network-legend" aria-labelledby="network-legend-title">
      <h2 id="network-legend-title" className="panel-title">
        {t('network.legend.title')}
      </h2>
      <ul className="legend-list">
        {colourBy === 'community'
          ? shownCommunities.map((c) => (
              <li key={c.community}>
                <CommunitySwatch community={c.community} />
                {t('network.legend.community', { number: c.community + 1, count: c.size })}
              </li>
            ))
          : KIND_ORDER.filter((k) => kinds.includes(k)).map((k) => (
              <li key={k}>
                <KindSymbol kind={k} size={18} />
                {t(`kind.name.${k}`)}
              </li>
            ))}
        {colourBy === 'community' && communities.length > shownCommunities.length && <li>{t('network.legend.otherCommunities')}</li>}
      </ul>
      <ul className="legend-list legend-list--notes">
        <li>{t(sizeBy === 'degree' ? 'network.legend.sizeDegree' : 'network.legend.sizeBetweenness')}</li>
        <li>
          <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <circle cx="12" cy="12" r="8" fill="#cbd2d9" stroke="#1f2933" strokeWidth="3" />
          </svg>
          {t('network.legend.bridge')}
        </li>
        <li>{t('network.legend.edges')}</li>
      </ul>
    </section>
  );
}
