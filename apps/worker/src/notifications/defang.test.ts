import { refang } from '@palisade/ioc/refang';
import { expect, it } from 'vitest';
import { defang } from './defang';

it.each([
  ['url', 'https://evil.example/a.php', 'hxxps://evil[.]example/a[.]php'],
  ['domain', 'evil.example', 'evil[.]example'],
  ['ipv4', '198.51.100.7', '198[.]51[.]100[.]7'],
  ['email', 'bad@evil.example', 'bad[@]evil[.]example'],
  ['sha256', 'ab'.repeat(32), 'ab'.repeat(32)],
])('defang(%s, %s) = %s', (type, value, want) => {
  expect(defang(type, value)).toBe(want);
});

it.each([
  ['url', 'http://evil.example/x'],
  ['domain', 'a.b.example'],
  ['ipv4', '10.0.0.5'],
  ['email', 'bad@evil.example'],
])('refang undoes defang for %s', (type, value) => {
  expect(refang(defang(type, value))).toBe(value);
});
