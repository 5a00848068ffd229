import { describe, expect, it } from 'vitest';
import { checkLogoImage, legacyLogo, MAX_LOGO_BYTES } from './logo-image';

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const svg = (body: string) =>
  Buffer.from(
    `<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8">${body}</svg>\n`,
  );

describe('checkLogoImage', () => {
  it('types a logo by its bytes', () => {
    expect(checkLogoImage(png)).toMatchObject({ ok: true, logo: { mime: 'image/png' } });
    expect(checkLogoImage(jpeg)).toMatchObject({ ok: true, logo: { mime: 'image/jpeg' } });
    expect(checkLogoImage(svg('<rect width="8" height="8" fill="url(#g)"/>'))).toMatchObject({
      ok: true,
      logo: { mime: 'image/svg+xml' },
    });
  });

  it.each([
    ['<script>alert(1)</script>', 'a script or embedded-content element'],
    ['<rect onload="alert(1)"/>', 'an event-handler attribute'],
    ['<a href="javascript:alert(1)"><rect/></a>', 'a script URL'],
    ['<image href="https://evil.example/x.png"/>', 'a link to an outside resource'],
    ['<foreignObject><div/></foreignObject>', 'a script or embedded-content element'],
    ['<style>@import url(https://evil.example/a.css)</style>', 'a stylesheet import'],
    ['<rect fill="url(https://evil.example/p)"/>', 'a url() reference to an outside resource'],
  ])('refuses SVG with %s', (body, what) => {
    expect(checkLogoImage(svg(body))).toEqual({ ok: false, reason: `the SVG logo contains ${what}` });
  });

  it('refuses entities, other types, empty and oversized files', () => {
    const entity = Buffer.from(
      '<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg"></svg>',
    );
    expect(checkLogoImage(entity)).toMatchObject({ ok: false });
    expect(checkLogoImage(Buffer.from('GIF89a....'))).toEqual({
      ok: false,
      reason: 'the logo must be a PNG, JPEG or SVG image',
    });
    expect(checkLogoImage(Buffer.from('<html><svg></svg></html>'))).toMatchObject({ ok: false });
    expect(checkLogoImage(Buffer.alloc(0))).toEqual({ ok: false, reason: 'the logo file is empty' });
    expect(checkLogoImage(Buffer.concat([png, Buffer.alloc(MAX_LOGO_BYTES)]))).toMatchObject({ ok: false });
  });

  it('reads the legacy inline SVG or data: URI column, dropping unsafe ones', () => {
    const inline = '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>';
    expect(legacyLogo(inline)).toMatchObject({ mime: 'image/svg+xml' });
    expect(legacyLogo(`data:image/png;base64,${png.toString('base64')}`)).toMatchObject({
      mime: 'image/png',
    });
    expect(legacyLogo('<svg><script>x</script></svg>')).toBeNull();
    expect(legacyLogo(null)).toBeNull();
  });
});
