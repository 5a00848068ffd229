import { createTRPCRouter } from '@/server/trpc/init';
import { applyUpgrade } from './apply-upgrade';
import { upgrade } from './upgrade';

/** Per tenant playbook: MSSP template upgrades offered as diffs and a merge, applied by an admin. */
export const playbookTemplateRouter = createTRPCRouter({ upgrade, applyUpgrade });
