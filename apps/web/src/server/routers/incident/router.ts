import { createTRPCRouter } from '@/server/trpc/init';
import { addTag } from './add-tag';
import { assign } from './assign';
import { comment } from './comment';
import { get } from './get';
import { list } from './list';
import { portalGet } from './portal-get';
import { portalList } from './portal-list';
import { setSeverity } from './set-severity';
import { setStatus } from './set-status';

/** Staff: list (queue), get, and the changes; clients: portalList and portalGet (client-safe projections). */
export const incidentRouter = createTRPCRouter({
  list,
  get,
  assign,
  setStatus,
  setSeverity,
  addTag,
  comment,
  portalList,
  portalGet,
});
