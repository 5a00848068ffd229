/** Longest frame accepted; a longer one is cut off and counted as failed (RFC 6587 senders use < 64 KiB). */
export const MAX_FRAME_BYTES = 64 * 1024;

export type FramerOutput = { frames: string[]; oversized: number };

const SPACE = 0x20;
const LF = 0x0a;
const NUL = 0x00;
const isDigit = (b: number) => b >= 0x30 && b <= 0x39;

/**
 * RFC 6587 TCP framing, decided per frame like rsyslog: a frame starting with a digit is octet
 * counted (`<len> <msg>`), anything else (`<PRI>...`) is non-transparent, ended by LF (or NUL).
 * Bytes arrive in arbitrary chunks; `push` returns the complete frames and keeps the rest.
 */
export class SyslogFramer {
  private buf: Buffer = Buffer.alloc(0);
  /** Bytes of an oversized octet-counted frame still to be discarded as they arrive. */
  private skip = 0;

  push(chunk: Buffer): FramerOutput {
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    if (this.skip > 0) {
      const n = Math.min(this.skip, this.buf.length);
      this.buf = this.buf.subarray(n);
      this.skip -= n;
    }
    const frames: string[] = [];
    let oversized = 0;
    let pos = 0;
    while (pos < this.buf.length) {
      const first = this.buf[pos] as number;
      if (first === LF || first === NUL || first === 0x0d) {
        pos++;
        continue;
      }
      if (isDigit(first)) {
        // Octet counting: digits, one space, then exactly that many bytes.
        let i = pos;
        let len = 0;
        while (i < this.buf.length && isDigit(this.buf[i] as number) && i - pos < 6) {
          len = len * 10 + ((this.buf[i] as number) - 0x30);
          i++;
        }
        if (i >= this.buf.length) break; // the length is not complete yet
        if (this.buf[i] !== SPACE || len === 0) {
          // Not a count after all: treat the line as newline framed.
          const end = this.lineEnd(pos);
          if (end < 0) break;
          frames.push(this.buf.toString('utf8', pos, end));
          pos = end + 1;
          continue;
        }
        if (len > MAX_FRAME_BYTES) {
          oversized++;
          const skipTo = i + 1 + len;
          if (skipTo > this.buf.length) {
            // Drop what we have and remember how much more to skip.
            this.skip = skipTo - this.buf.length;
            pos = this.buf.length;
            break;
          }
          pos = skipTo;
          continue;
        }
        if (i + 1 + len > this.buf.length) break; // wait for the rest of the message
        frames.push(this.buf.toString('utf8', i + 1, i + 1 + len));
        pos = i + 1 + len;
        continue;
      }
      const end = this.lineEnd(pos);
      if (end < 0) {
        if (this.buf.length - pos > MAX_FRAME_BYTES) {
          oversized++;
          pos = this.buf.length;
        }
        break;
      }
      frames.push(this.buf.toString('utf8', pos, end).replace(/\r$/, ''));
      pos = end + 1;
    }
    this.buf = this.buf.subarray(pos);
    return { frames, oversized };
  }

  /** Text left when the connection closed: a last frame without its LF. */
  flush(): string[] {
    const rest = this.buf.toString('utf8').trim();
    this.buf = Buffer.alloc(0);
    return rest ? [rest] : [];
  }

  private lineEnd(from: number): number {
    for (let i = from; i < this.buf.length; i++) {
      const b = this.buf[i];
      if (b === LF || b === NUL) return i;
    }
    return -1;
  }
}
