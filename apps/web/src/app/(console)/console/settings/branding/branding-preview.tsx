import { safeHexColor } from '@palisade/ui/swatch';

export type PreviewBranding = {
  companyName: string;
  primaryColor: string;
  accentColor: string;
  legalFooter: string;
  msspName: string;
  /** A same-origin or blob: URL; drawn as an SVG <image>, never as markup. */
  logoUrl: string | null;
};

/**
 * The portal header and the report cover as they will look, drawn in SVG: colours are fill attributes
 * (the CSP allows no inline styles) and user text is SVG text, never markup.
 */
export function BrandingPreview({ branding }: { branding: PreviewBranding }) {
  const primary = safeHexColor(branding.primaryColor) ?? '#1d4ed8';
  const accent = safeHexColor(branding.accentColor) ?? '#0ea5e9';
  const name = branding.companyName || 'Company name';
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <figure>
        <figcaption className="mb-1 text-xs font-medium text-slate-600">Client portal</figcaption>
        <svg
          viewBox="0 0 320 200"
          className="w-full rounded border border-slate-200"
          role="img"
          aria-label="Portal preview"
        >
          <rect width="320" height="200" fill="#f8fafc" />
          <rect width="90" height="200" fill={primary} />
          {branding.logoUrl ? (
            <>
              <rect x="8" y="10" width="22" height="22" rx="3" fill="#ffffff" />
              <image
                href={branding.logoUrl}
                x="9"
                y="11"
                width="20"
                height="20"
                preserveAspectRatio="xMidYMid meet"
              />
            </>
          ) : null}
          <text x={branding.logoUrl ? 34 : 8} y="25" fill="#ffffff" fontSize="8" fontWeight="700">
            {name.slice(0, 18)}
          </text>
          {['Overview', 'Incidents', 'Reports', 'SLA'].map((item, i) => (
            <g key={item}>
              {i === 2 ? <rect x="4" y={46 + i * 16} width="82" height="13" rx="2" fill={accent} /> : null}
              <text x="10" y={55 + i * 16} fill="#ffffff" fontSize="7">
                {item}
              </text>
            </g>
          ))}
          <text x="102" y="25" fill="#0f172a" fontSize="9" fontWeight="700">
            Reports
          </text>
          <rect x="102" y="36" width="206" height="26" rx="3" fill="#ffffff" stroke="#e2e8f0" />
          <text x="110" y="52" fill="#0f172a" fontSize="7">
            Monthly security report
          </text>
          <text x="262" y="52" fill={accent} fontSize="7">
            Download
          </text>
        </svg>
      </figure>
      <figure>
        <figcaption className="mb-1 text-xs font-medium text-slate-600">Report cover</figcaption>
        <svg
          viewBox="0 0 210 297"
          className="w-full max-w-xs rounded border border-slate-200"
          role="img"
          aria-label="Report cover preview"
        >
          <rect width="210" height="297" fill="#ffffff" />
          <rect width="210" height="75" fill={primary} />
          {branding.logoUrl ? (
            <>
              <rect x="16" y="10" width="40" height="40" fill="#ffffff" />
              <image
                href={branding.logoUrl}
                x="19"
                y="13"
                width="34"
                height="34"
                preserveAspectRatio="xMidYMid meet"
              />
            </>
          ) : null}
          <text x="16" y="66" fill="#ffffff" fontSize="9" fontWeight="700">
            {name.slice(0, 34)}
          </text>
          <rect y="75" width="210" height="3" fill={accent} />
          <text x="16" y="96" fill={accent} fontSize="5">
            INCIDENT REPORT
          </text>
          <text x="16" y="108" fill="#111827" fontSize="9" fontWeight="700">
            INC-000123: Phishing campaign
          </text>
          <text x="16" y="280" fill="#6b7280" fontSize="5">
            {`Prepared by ${branding.msspName}`.slice(0, 60)}
          </text>
          <text x="16" y="290" fill="#9ca3af" fontSize="4">
            {(branding.legalFooter || `Prepared by ${branding.msspName} for ${name}. Confidential.`).slice(
              0,
              90,
            )}
          </text>
        </svg>
      </figure>
    </div>
  );
}
