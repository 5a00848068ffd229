import { documents, type LabeledDoc } from '../documents';

/** Different seed from the throughput corpus, so the scored documents are not the timed ones. */
export const LABELED_SEED = 20261123;
export const LABELED_COUNT = 1500;

export function labeledDocuments(): LabeledDoc[] {
  const out: LabeledDoc[] = [];
  for (const d of documents(LABELED_SEED)) {
    out.push({ ...d, id: `gen-${d.id}` });
    if (out.length === LABELED_COUNT) break;
  }
  return out;
}
