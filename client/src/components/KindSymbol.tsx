import { useTranslation } from 'react-i18next';
import type { OrganisationKind } from '@partneratlas/shared';
import { KIND_STYLES, shapePath } from '../lib/organisation-kind';

/** The kind's shape, colour and letter, as on the map. Decorative: pair it with the kind's name in text. */
export function KindSymbol({ kind, size = 22 }: { kind: OrganisationKind; size?: number }) {
  const { t } = useTranslation();
  const style = KIND_STYLES[kind];
  const y = style.shape === 'triangle' ? 18 : style.shape === 'house' ? 17 : 16.2;
  return (
    <svg className="kind-symbol" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={shapePath(style.shape)} fill={style.color} stroke="#fff" strokeWidth={1.5} strokeLinejoin="round" />
      <text x="12" y={y} textAnchor="middle" fontSize={style.shape === 'triangle' ? 10 : 12} fontWeight={700} fill="#fff">
        {t(`kind.letter.${kind}`)}
      </text>
    </svg>
  );
}
