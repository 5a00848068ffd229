import { extract } from '@palisade/ioc/extract';
import type { IocType } from '@palisade/ioc/ioc';
import { iocExtract } from '@palisade/playbook/actions/ioc-extract';
import { actionImpl } from '../action-impl';

export const iocExtractImpl = actionImpl({
  mode: 'pure',
  contract: iocExtract,
  run: async (input) => {
    const texts = typeof input.text === 'string' ? [input.text] : input.text;
    const types = input.types as IocType[] | undefined;
    const seen = new Set<string>();
    const iocs: { type: string; value: string }[] = [];
    for (const text of texts) {
      for (const ioc of extract(text, types ? { types } : {})) {
        const key = `${ioc.type}\u0000${ioc.value}`;
        if (seen.has(key)) continue;
        seen.add(key);
        iocs.push({ type: ioc.type, value: ioc.value });
      }
    }
    return { iocs };
  },
});
