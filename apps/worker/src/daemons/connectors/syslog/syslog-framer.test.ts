import { describe, expect, it } from 'vitest';
import { MAX_FRAME_BYTES, SyslogFramer } from './syslog-framer';

const b = (s: string) => Buffer.from(s, 'utf8');

describe('SyslogFramer (RFC 6587)', () => {
  it('octet counting, including multi-byte UTF-8 and newlines inside the message', () => {
    const msg = '<13>1 - h a - - - héllo\nsecond line';
    const f = new SyslogFramer();
    expect(f.push(b(`${Buffer.byteLength(msg)} ${msg}`)).frames).toEqual([msg]);
  });

  it('newline framing, CRLF and NUL terminators', () => {
    const f = new SyslogFramer();
    expect(f.push(b('<13>a\r\n<13>b\0<13>c\n')).frames).toEqual(['<13>a', '<13>b', '<13>c']);
  });

  it('frames split at every byte boundary come out whole', () => {
    const stream = `11 <13>one two<13>three\n5 <13>x`;
    const f = new SyslogFramer();
    const out: string[] = [];
    for (const byte of b(stream)) out.push(...f.push(Buffer.from([byte])).frames);
    expect(out).toEqual(['<13>one two', '<13>three', '<13>x']);
  });

  it('mixes both framings on one connection', () => {
    const f = new SyslogFramer();
    expect(f.push(b('4 <1>a<2>b\n3 <3>')).frames).toEqual(['<1>a', '<2>b', '<3>']);
  });

  it('keeps an unterminated line for flush at end of stream', () => {
    const f = new SyslogFramer();
    expect(f.push(b('<13>partial')).frames).toEqual([]);
    expect(f.flush()).toEqual(['<13>partial']);
  });

  it('skips an oversized octet-counted frame across chunks and counts it', () => {
    const f = new SyslogFramer();
    const len = MAX_FRAME_BYTES + 10;
    const first = f.push(b(`${len} ${'x'.repeat(100)}`));
    expect(first).toEqual({ frames: [], oversized: 1 });
    expect(f.push(b(`${'x'.repeat(len - 100)}<13>next\n`)).frames).toEqual(['<13>next']);
  });
});
