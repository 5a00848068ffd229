import { WeeklyHoursInput } from '@palisade/db/queries/sla/sla-policy-input';
import { z } from 'zod';

export const SaveBusinessHoursInput = z.object({ weeklyHours: WeeklyHoursInput });
export type SaveBusinessHoursInput = z.input<typeof SaveBusinessHoursInput>;
