import { listDaemonTemplates } from '@palisade/worker/daemons/daemon-templates';
import { staffProcedure } from '@/server/trpc/procedures';

/** The shipped template per kind, offered when creating a daemon. */
export const templates = staffProcedure.query(() =>
  listDaemonTemplates().map(({ kind, file, title, yaml }) => ({ kind, file, title, yaml })),
);
