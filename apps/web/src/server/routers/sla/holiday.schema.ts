import { HolidayInput } from '@palisade/db/queries/sla/sla-policy-input';
import { z } from 'zod';

export const SaveHolidayInput = z.object({ holiday: HolidayInput });
export type SaveHolidayInput = z.input<typeof SaveHolidayInput>;

export const RemoveHolidayInput = z.object({ day: z.iso.date() });
export type RemoveHolidayInput = z.input<typeof RemoveHolidayInput>;
