import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Db } from '@palisade/db/database';
import { readReportChunk } from '@palisade/db/queries/reports/report-store';
import { withTenantOn } from '@palisade/db/with-tenant';

const run = promisify(execFile);

/** A stored report's PDF, chunk by chunk, as the download route reads it. */
export async function readStoredPdf(db: Db, tenantId: string, reportId: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  let after = -1;
  for (;;) {
    const seq = after;
    const chunk = await withTenantOn(db, tenantId, (tx) => readReportChunk(tx, { reportId, afterSeq: seq }));
    if (!chunk) return Buffer.concat(parts);
    parts.push(chunk.data);
    after = chunk.seq;
  }
}

async function inTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'palisade-pdf-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** poppler's pdftotext, layout kept (columns stay on one line). */
export function pdfToText(pdf: Buffer): Promise<string> {
  return inTempDir(async (dir) => {
    const file = path.join(dir, 'r.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run('pdftotext', ['-layout', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  });
}

export type GrayImage = { width: number; height: number; pixels: Uint8Array };

/** The first page at 50 dpi in grey levels (pdftoppm's binary PGM, parsed here). */
export function firstPageGray(pdf: Buffer): Promise<GrayImage> {
  return inTempDir(async (dir) => {
    const file = path.join(dir, 'r.pdf');
    await writeFile(file, pdf);
    await run('pdftoppm', [
      '-f',
      '1',
      '-l',
      '1',
      '-r',
      '50',
      '-gray',
      '-singlefile',
      file,
      path.join(dir, 'p'),
    ]);
    return parsePgm(await readFile(path.join(dir, 'p.pgm')));
  });
}

function parsePgm(data: Buffer): GrayImage {
  // "P5 <width> <height> <maxval>" separated by whitespace, then one byte per pixel.
  const header: string[] = [];
  let i = 0;
  while (header.length < 4) {
    while (/\s/.test(String.fromCharCode(data[i] ?? 32))) i++;
    let token = '';
    while (i < data.length && !/\s/.test(String.fromCharCode(data[i] ?? 32)))
      token += String.fromCharCode(data[i++] ?? 0);
    header.push(token);
  }
  const [magic, w, h, max] = header;
  if (magic !== 'P5' || max !== '255') throw new Error(`unexpected PGM header ${header.join(' ')}`);
  const width = Number(w);
  const height = Number(h);
  return { width, height, pixels: data.subarray(i + 1, i + 1 + width * height) };
}

/** Standard deviation of the grey levels in a rectangle (points at 72 dpi, scaled to the image). */
export function regionSpread(
  img: GrayImage,
  box: { x: number; y: number; w: number; h: number },
  dpi = 50,
): number {
  const s = dpi / 72;
  const values: number[] = [];
  for (let y = Math.round(box.y * s); y < Math.round((box.y + box.h) * s); y++) {
    for (let x = Math.round(box.x * s); x < Math.round((box.x + box.w) * s); x++) {
      values.push(img.pixels[y * img.width + x] ?? 0);
    }
  }
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
}
