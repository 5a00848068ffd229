import { mkdirSync, writeFileSync } from 'node:fs';
import { extract } from '@palisade/ioc/extract';
import { ADVERSARIAL_PATTERNS, adversarial } from './adversarial';
import { documents, type LabeledDoc } from './documents';
import { ours, oursOnText, THEIR_SUPPORTED, theirs, theirsOnText } from './extractors';
import { labeledDocuments } from './labeled/generated';
import { HAND_WRITTEN } from './labeled/hand-written';
import { HOLDOUT } from './labeled/holdout';
import { HOLDOUT_2 } from './labeled/holdout-2';
import { HOLDOUT_3 } from './labeled/holdout-3';
import { markdownTable } from './markdown-table';
import { addDoc, f1, type Scores, total } from './score';

const MB = 1024 * 1024;
const CORPUS_SEED = 0x5eed;
const CORPUS_BYTES = 20 * MB;
/** Adversarial timings are short; more rounds keep bursts of load from other processes out of them. */
const ROUNDS = 5;

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

/** Best of `runs` wall-clock timings: other processes on the machine only ever add time. */
function time(fn: () => void, runs = 3): number {
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    fn();
    best = Math.min(best, (performance.now() - t) / 1000);
  }
  return best;
}

/**
 * MB/s for each extractor over the same documents. Rounds alternate between the extractors and
 * the best round counts, so a burst of load from other processes cannot favour either one.
 */
function throughputs(
  docs: LabeledDoc[],
  bytes: number,
  runs: Array<(text: string) => number>,
  rounds = 3,
): number[] {
  // Warm the JIT on a slice first so both extractors are measured compiled.
  for (const run of runs) for (const d of docs.slice(0, 2000)) run(d.text);
  const best = runs.map(() => Number.POSITIVE_INFINITY);
  for (let r = 0; r < rounds; r++) {
    runs.forEach((run, i) => {
      const seconds = time(() => {
        for (const d of docs) run(d.text);
      }, 1);
      best[i] = Math.min(best[i] as number, seconds);
    });
  }
  return best.map((seconds) => bytes / MB / seconds);
}

const pct = (x: number): string => x.toFixed(3);

/**
 * Runs first, in a fresh heap: the corpus and ioc-extractor's garbage from later sections would
 * otherwise slow allocation-heavy inputs and blur the comparison.
 */
function adversarialSection(): string[] {
  const out: string[] = [];
  out.push('## Adversarial input (ours)');
  out.push('');
  const size = 10 * MB;
  let normal = '';
  for (const d of documents(CORPUS_SEED)) {
    normal += `${d.text}\n`;
    if (normal.length >= size) break;
  }
  normal = normal.slice(0, size);
  extract(normal.slice(0, MB));
  // Each adversarial timing sits next to a normal one; the fastest normal run is the reference,
  // which can only make the ratios look worse under load, never better.
  const rows: Array<{ name: string; seconds: number }> = [];
  let normalSeconds = time(() => extract(normal), ROUNDS);
  for (const [name, pattern] of Object.entries(ADVERSARIAL_PATTERNS)) {
    const input = adversarial(pattern, size);
    rows.push({ name, seconds: time(() => extract(input), ROUNDS) });
    normalSeconds = Math.min(
      normalSeconds,
      time(() => extract(normal), 1),
    );
  }
  out.push(
    `10 MB of the normal corpus as one string: ${normalSeconds.toFixed(2)} s (fastest of ${rows.length + ROUNDS} runs; each input is timed ${ROUNDS} times and its fastest run kept).`,
  );
  out.push('');
  const worst = Math.max(...rows.map((r) => r.seconds / normalSeconds));
  out.push(
    ...markdownTable(
      ['10 MB of', 'seconds', '× normal'],
      ['l', 'r', 'r'],
      rows.map((r) => [`\`${r.name}\``, r.seconds.toFixed(2), (r.seconds / normalSeconds).toFixed(2)]),
    ),
  );
  out.push('');
  out.push(`Worst adversarial case: ${worst.toFixed(2)}× the normal input's time.`);

  return out;
}

function main(): void {
  const adversarialLines = adversarialSection();
  log('# IOC extraction benchmark');
  log();
  log(
    `Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; \`pnpm bench:ioc\` regenerates this file.`,
  );
  log();

  const docs = corpus(CORPUS_BYTES);
  const bytes = docs.reduce((n, d) => n + d.text.length, 0);
  const planted = docs.reduce((n, d) => n + d.truth.length, 0);
  log('## Throughput');
  log();
  log(
    `Corpus: ${docs.length} documents (JSON alerts, log lines, analyst prose), ${(bytes / MB).toFixed(1)} MB, seed ${CORPUS_SEED}, one planted indicator per ${Math.round(bytes / planted)} bytes. Both extractors get the same text, refanging on.`,
  );
  log();
  const [oursMbps = 0, theirsMbps = 0] = throughputs(docs, bytes, [oursOnText, theirsOnText]);
  for (const line of markdownTable(
    ['extractor', 'MB/s'],
    ['l', 'r'],
    [
      ['@palisade/ioc', oursMbps.toFixed(1)],
      ['ioc-extractor 8.2.0', theirsMbps.toFixed(1)],
      ['ratio', `${(oursMbps / theirsMbps).toFixed(2)}×`],
    ],
  )) {
    log(line);
  }
  log();

  log('## Accuracy on labeled alerts');
  log();
  const labeled = [...HAND_WRITTEN, ...HOLDOUT, ...HOLDOUT_2, ...HOLDOUT_3, ...labeledDocuments()];
  const oursScores: Scores = new Map();
  const theirScores: Scores = new Map();
  for (const d of labeled) {
    addDoc(oursScores, d.truth, ours(d));
    addDoc(theirScores, d.truth, theirs(d.text), THEIR_SUPPORTED);
  }
  const handTruth = HAND_WRITTEN.reduce((n, d) => n + d.truth.length, 0);
  log(
    `${labeled.length} documents never used by the unit tests: ${HAND_WRITTEN.length} hand-written alerts (${handTruth} labels), ${HOLDOUT.length + HOLDOUT_2.length + HOLDOUT_3.length} hold-out alerts in three batches written after the extractor was frozen, plus generated ones with known ground truth (different seed from the throughput corpus, hard negatives included: version numbers, user agents, file names with TLD extensions, GUIDs, identifier fields, long hex runs, out-of-range quads). Our extractor reads JSON alerts parsed; ioc-extractor reads their text. ioc-extractor's values are put in our canonical form before comparison, and it is scored only on the types it supports.`,
  );
  log();
  const types = [...new Set([...oursScores.keys(), ...theirScores.keys()])].sort();
  const cell = (x: number | undefined): string => (x === undefined ? 'n/a' : pct(x));
  const rowsByType = types.map((t) => {
    const c = oursScores.get(t) ?? { tp: 0, fp: 0, fn: 0 };
    const o = f1(c);
    const th = THEIR_SUPPORTED.has(t) ? f1(theirScores.get(t) ?? { tp: 0, fp: 0, fn: 0 }) : null;
    return [
      t,
      pct(o.precision),
      pct(o.recall),
      pct(o.f1),
      cell(th?.precision),
      cell(th?.recall),
      cell(th?.f1),
      String(c.tp + c.fn),
    ];
  });
  const oAll = f1(total(oursScores));
  const oCommon = f1(total(oursScores, THEIR_SUPPORTED));
  const tCommon = f1(total(theirScores, THEIR_SUPPORTED));
  for (const line of markdownTable(
    [
      'type',
      'ours P',
      'ours R',
      'ours F1',
      'ioc-extractor P',
      'ioc-extractor R',
      'ioc-extractor F1',
      'labels',
    ],
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    [
      ...rowsByType,
      [
        '**overall, all types**',
        pct(oAll.precision),
        pct(oAll.recall),
        `**${pct(oAll.f1)}**`,
        '',
        '',
        '',
        '',
      ],
      [
        '**overall, types both support**',
        pct(oCommon.precision),
        pct(oCommon.recall),
        `**${pct(oCommon.f1)}**`,
        pct(tCommon.precision),
        pct(tCommon.recall),
        `**${pct(tCommon.f1)}**`,
        '',
      ],
    ],
  )) {
    log(line);
  }
  log();
  for (const [name, set] of [
    ['Hand-written alerts', HAND_WRITTEN],
    ['Hold-out batch 1', HOLDOUT],
    ['Hold-out batch 2', HOLDOUT_2],
    ['Hold-out batch 3', HOLDOUT_3],
  ] as const) {
    const o: Scores = new Map();
    const th: Scores = new Map();
    for (const d of set) {
      addDoc(o, d.truth, ours(d));
      addDoc(th, d.truth, theirs(d.text), THEIR_SUPPORTED);
    }
    log(
      `${name} alone: ours F1 ${pct(f1(total(o)).f1)} (all types), ${pct(f1(total(o, THEIR_SUPPORTED)).f1)} (types both support); ioc-extractor ${pct(f1(total(th, THEIR_SUPPORTED)).f1)}.`,
    );
    log();
  }
  log(
    'First runs, before the misses were fixed (so the figures above no longer measure unseen data): batch 1 scored 0.985 (all types) / 0.983 (types both support), missing a `%40` escape read into a domain and a registry host in a container `image` field; batch 2 scored 0.973 / 0.968, missing an SRS bounce address (`bounce+srs=abc@…`) and reading a Message-ID as a mailbox; batch 3 scored 1.000 / 1.000 with nothing changed after it. ioc-extractor scored 0.850, 0.918 and 0.914 on them.',
  );
  log();

  for (const line of adversarialLines) log(line);

  mkdirSync(new URL('../results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('../results/ioc.md', import.meta.url), `${out.join('\n')}\n`);
}

main();
