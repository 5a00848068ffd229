import { createTRPCRouter } from '@/server/trpc/init';
import { checklist } from './checklist';
import { complete } from './complete';
import { installPlaybooks } from './install-playbooks';
import { saveStep } from './save-step';
import { testSample } from './test-sample';

export const onboardingRouter = createTRPCRouter({
  checklist,
  saveStep,
  complete,
  testSample,
  installPlaybooks,
});
