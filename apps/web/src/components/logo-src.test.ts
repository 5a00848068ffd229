import { describe, expect, it } from 'vitest';
import { logoSrc } from './logo-src';

describe('logoSrc', () => {
  it('turns inline SVG into a data: URI', () => {
    const src = logoSrc('<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    expect(src).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(String(src).split(',')[1] ?? '', 'base64').toString()).toContain('<svg');
  });

  it('keeps an image data: URI and rejects other schemes', () => {
    expect(logoSrc('data:image/png;base64,AAAA')).toBe('data:image/png;base64,AAAA');
    expect(logoSrc('javascript:alert(1)')).toBeNull();
    expect(logoSrc('data:text/html,<script>')).toBeNull();
    expect(logoSrc(null)).toBeNull();
  });
});
