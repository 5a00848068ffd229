import { mkdirSync, writeFileSync } from 'node:fs';
import { extract } from '@palisade/ioc/extract';
import { ADVERSARIAL_PATTERNS, adversarial } from './adversarial';
import { documents, type LabeledDoc } from './documents';
import { ours, oursOnText, THEIR_SUPPORTED, theirs, theirsOnText } from './extractors';
import { HAND_WRITTEN } from './labeled/hand-written';
import { labeledDocuments } from './labeled/generated';
import { addDoc, f1, type Scores, total } from './score';

const MB = 1024 * 1024;
const CORPUS_SEED = 0x5eed;
const CORPUS_BYTES = 20 * MB;

const out: string[] = [];
const log = (line = ''): void => {
  console.log(line);
  out.push(line);
};

function corpus(bytes: number): LabeledDoc[] {
  const docs: LabeledDoc[] = [];
  let size = 0;
  for (const d of documents(CORPUS_SEED)) {
    docs.push(d);
    size += d.text.length;
    if (size >= bytes) break;
  }
  return docs;
}

function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return (performance.now() - t) / 1000;
}

function throughput(docs: LabeledDoc[], bytes: number, run: (text: string) => number): number {
  // Warm the JIT on a slice first so both extractors are measured compiled.
  for (const d of docs.slice(0, 2000)) run(d.text);
  const seconds = time(() => {
    for (const d of docs) run(d.text);
  });
  return bytes / MB / seconds;
}

const pct = (x: number): string => x.toFixed(3);

function main(): void {
  log('# IOC extraction benchmark');
  log();
  log(`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; \`pnpm bench:ioc\` regenerates this file.`);
  log();

  const docs = corpus(CORPUS_BYTES);
  const bytes = docs.reduce((n, d) => n + d.text.length, 0);
  const planted = docs.reduce((n, d) => n + d.truth.length, 0);
  log('## Throughput');
  log();
  log(`Corpus: ${docs.length} documents (JSON alerts, log lines, analyst prose), ${(bytes / MB).toFixed(1)} MB, seed ${CORPUS_SEED}, one planted indicator per ${Math.round(bytes / planted)} bytes. Both extractors get the same text, refanging on.`);
  log();
  const oursMbps = throughput(docs, bytes, oursOnText);
  const theirsMbps = throughput(docs, bytes, theirsOnText);
  log('| extractor | MB/s |');
  log('| --- | ---: |');
  log(`| @palisade/ioc | ${oursMbps.toFixed(1)} |`);
  log(`| ioc-extractor 8.2.0 | ${theirsMbps.toFixed(1)} |`);
  log(`| ratio | ${(oursMbps / theirsMbps).toFixed(2)}× |`);
  log();

  log('## Accuracy on labeled alerts');
  log();
  const labeled = [...HAND_WRITTEN, ...labeledDocuments()];
  const oursScores: Scores = new Map();
  const theirScores: Scores = new Map();
  for (const d of labeled) {
    addDoc(oursScores, d.truth, ours(d));
    addDoc(theirScores, d.truth, theirs(d.text), THEIR_SUPPORTED);
  }
  const handTruth = HAND_WRITTEN.reduce((n, d) => n + d.truth.length, 0);
  log(`${labeled.length} documents never used by the unit tests: ${HAND_WRITTEN.length} hand-written alerts (${handTruth} labels) plus generated ones with known ground truth (different seed from the throughput corpus, hard negatives included: version numbers, user agents, file names with TLD extensions, GUIDs, identifier fields, long hex runs, out-of-range quads). Our extractor reads JSON alerts parsed; ioc-extractor reads their text. ioc-extractor's values are put in our canonical form before comparison, and it is scored only on the types it supports.`);
  log();
  log('| type | ours P | ours R | ours F1 | ioc-extractor P | ioc-extractor R | ioc-extractor F1 | labels |');
  log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const types = [...new Set([...oursScores.keys(), ...theirScores.keys()])].sort();
  for (const t of types) {
    const o = f1(oursScores.get(t) ?? { tp: 0, fp: 0, fn: 0 });
    const c = oursScores.get(t) ?? { tp: 0, fp: 0, fn: 0 };
    const th = THEIR_SUPPORTED.has(t) ? f1(theirScores.get(t) ?? { tp: 0, fp: 0, fn: 0 }) : null;
    const cell = (x: number | undefined): string => (x === undefined ? 'n/a' : pct(x));
    log(`| ${t} | ${pct(o.precision)} | ${pct(o.recall)} | ${pct(o.f1)} | ${cell(th?.precision)} | ${cell(th?.recall)} | ${cell(th?.f1)} | ${c.tp + c.fn} |`);
  }
  const oAll = f1(total(oursScores));
  const oCommon = f1(total(oursScores, THEIR_SUPPORTED));
  const tCommon = f1(total(theirScores, THEIR_SUPPORTED));
  log(`| **overall, all types** | ${pct(oAll.precision)} | ${pct(oAll.recall)} | **${pct(oAll.f1)}** | | | | |`);
  log(`| **overall, types both support** | ${pct(oCommon.precision)} | ${pct(oCommon.recall)} | **${pct(oCommon.f1)}** | ${pct(tCommon.precision)} | ${pct(tCommon.recall)} | **${pct(tCommon.f1)}** | |`);
  log();

  log('## Adversarial input (ours)');
  log();
  const size = 10 * MB;
  let normal = '';
  for (const d of docs) {
    normal += `${d.text}\n`;
    if (normal.length >= size) break;
  }
  normal = normal.slice(0, size);
  extract(normal.slice(0, MB));
  const normalSeconds = time(() => extract(normal));
  log(`10 MB of the normal corpus as one string: ${normalSeconds.toFixed(2)} s.`);
  log();
  log('| 10 MB of | seconds | × normal |');
  log('| --- | ---: | ---: |');
  let worst = 0;
  for (const [name, pattern] of Object.entries(ADVERSARIAL_PATTERNS)) {
    const input = adversarial(pattern, size);
    const s = time(() => extract(input));
    worst = Math.max(worst, s / normalSeconds);
    log(`| \`${name}\` | ${s.toFixed(2)} | ${(s / normalSeconds).toFixed(2)} |`);
  }
  log();
  log(`Worst adversarial case: ${worst.toFixed(2)}× the normal input's time.`);

  mkdirSync(new URL('../results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('../results/ioc.md', import.meta.url), `${out.join('\n')}\n`);
}

main();
