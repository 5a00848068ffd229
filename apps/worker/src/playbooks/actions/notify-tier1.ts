import { notifyTier1 } from '@palisade/playbook/actions/notify-tier1';
import { publicUrl } from '../../notifications/public-url';
import { queueTier1Notice } from '../../notifications/queue-tier1-notice';
import { actionImpl } from '../action-impl';

/** Runs in the step's tenant transaction: the email is queued with the effect record (exactly once). */
export const notifyTier1Impl = actionImpl({
  mode: 'tx',
  contract: notifyTier1,
  run: (input, ctx, tx) =>
    queueTier1Notice(tx, ctx.tenantId, input, { publicUrl: publicUrl(), now: new Date() }),
});
