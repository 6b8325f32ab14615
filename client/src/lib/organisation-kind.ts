import { OrganisationKind } from '@partneratlas/shared';

export type KindShape = 'circle' | 'square' | 'diamond' | 'hexagon' | 'house' | 'triangle';

export interface KindStyle {
  /** Fill colour; every one carries white text at ≥ 4.5:1 and is told apart by shape and letter too. */
  color: string;
  shape: KindShape;
}

/** Colour, shape and (via i18n `kind.letter.*`) letter per organisation kind: colour is never the only carrier. */
export const KIND_STYLES: Record<OrganisationKind, KindStyle> = {
  [OrganisationKind.MIGRANT_SELF_ORGANISATION]: { color: '#b34700', shape: 'circle' },
  [OrganisationKind.EDUCATION_PROVIDER]: { color: '#005a9c', shape: 'square' },
  [OrganisationKind.COUNSELLING_SERVICE]: { color: '#00704f', shape: 'diamond' },
  [OrganisationKind.WELFARE_ASSOCIATION]: { color: '#9b2d6b', shape: 'hexagon' },
  [OrganisationKind.PUBLIC_AUTHORITY]: { color: '#3d4a57', shape: 'house' },
  [OrganisationKind.INITIATIVE_OTHER]: { color: '#7a5c00', shape: 'triangle' },
};

export const KIND_ORDER: readonly OrganisationKind[] = [
  OrganisationKind.MIGRANT_SELF_ORGANISATION,
  OrganisationKind.COUNSELLING_SERVICE,
  OrganisationKind.EDUCATION_PROVIDER,
  OrganisationKind.WELFARE_ASSOCIATION,
  OrganisationKind.PUBLIC_AUTHORITY,
  OrganisationKind.INITIATIVE_OTHER,
];

export function isOrganisationKind(value: string): value is OrganisationKind {
  return (Object.values(OrganisationKind) as string[]).includes(value);
}

/** SVG path of a shape in a 24×24 box. */
export function shapePath(shape: KindShape): string {
  switch (shape) {
    case 'circle':
      return 'M12 1.5a10.5 10.5 0 1 1 0 21a10.5 10.5 0 1 1 0-21z';
    case 'square':
      return 'M2.5 2.5h19v19h-19z';
    case 'diamond':
      return 'M12 0.5L23.5 12L12 23.5L0.5 12z';
    case 'hexagon':
      return 'M12 0.8L21.8 6.4v11.2L12 23.2L2.2 17.6V6.4z';
    case 'house':
      return 'M12 1L23 9.5V23H1V9.5z';
    case 'triangle':
      return 'M12 1L23.5 22.5H0.5z';
  }
}

/** Markup of a kind symbol (shape, colour, letter) for map icons and legends. */
export function kindSymbolSvg(kind: OrganisationKind, letter: string, size = 24): string {
  const style = KIND_STYLES[kind];
  const y = style.shape === 'triangle' ? 18 : style.shape === 'house' ? 17 : 16.2;
  const fontSize = style.shape === 'triangle' ? 10 : 12;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 24 24" aria-hidden="true" focusable="false">` +
    `<path d="${shapePath(style.shape)}" fill="${style.color}" stroke="#fff" stroke-width="1.5" stroke-linejoin="round"/>` +
    `<text x="12" y="${y}" text-anchor="middle" font-family="system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif" font-size="${fontSize}" font-weight="700" fill="#fff">${escapeXml(letter)}</text>` +
    `</svg>`
  );
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
