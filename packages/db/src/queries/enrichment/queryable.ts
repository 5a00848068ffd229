import type { Db, Tx } from '../../database';

/** Global enrichment tables are used both outside a scope (worker, between network calls) and inside one. */
export type Queryable = Db | Tx;
