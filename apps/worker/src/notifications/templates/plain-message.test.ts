import { createElement } from 'react';
import { expect, it } from 'vitest';
import { MSSP_BRANDING, renderEmail } from '../render-email';
import { PlainMessage } from './plain-message';

it('renders each paragraph once, in the MSSP layout, with a text part', async () => {
  const { html, text } = await renderEmail(
    createElement(PlainMessage, {
      branding: MSSP_BRANDING,
      body: 'Hello team,\n\nLine one\nline two\n\n\nBye',
    }),
  );
  expect(html.match(/<p[^>]*>/g)).toHaveLength(3 + 2); // three paragraphs, the header name and the footer
  expect(html).toContain('Line one\nline two');
  expect(html).toContain(MSSP_BRANDING.primaryColor);
  expect(text).toContain('Hello team,');
  expect(text).toContain('Bye');
});
