const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** Only plain hex colours reach SVG attributes or CSS; anything else is treated as missing. */
export function safeHexColor(value: string | null | undefined): string | null {
  return value && HEX_COLOR.test(value) ? value : null;
}

export interface SwatchProps {
  color: string | null | undefined;
  label: string;
}

/**
 * A colour chip drawn as an SVG fill: a presentation attribute, not a style
 * attribute, so it works under a CSP without 'unsafe-inline' styles.
 */
export function Swatch({ color, label }: SwatchProps) {
  const fill = safeHexColor(color);
  return (
    <span className="inline-flex items-center gap-1.5 font-mono text-xs text-slate-600">
      <svg width="14" height="14" viewBox="0 0 14 14" role="img" aria-label={`${label} ${fill ?? 'not set'}`}>
        <rect x="0.5" y="0.5" width="13" height="13" rx="3" fill={fill ?? 'none'} stroke="#cbd5e1" />
      </svg>
      {fill ?? '—'}
    </span>
  );
}
