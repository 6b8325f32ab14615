/** The hatch pattern of gap units (referenced from CSS as url(#pa-gap-hatch)); rendered once per page. */
export function HatchDefs() {
  return (
    <svg width="0" height="0" aria-hidden="true" focusable="false" style={{ position: 'absolute' }}>
      <defs>
        <pattern id="pa-gap-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="8" height="8" fill="#ffffff" />
          <line x1="0" y1="0" x2="0" y2="8" stroke="#9f1239" strokeWidth="2.5" />
        </pattern>
      </defs>
    </svg>
  );
}
