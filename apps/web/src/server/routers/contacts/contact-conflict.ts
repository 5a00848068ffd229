import type { ContactConflict } from '@palisade/db/queries/contacts/save-contact';
import { TRPCError } from '@trpc/server';

const MESSAGES: Record<ContactConflict, string> = {
  primary_exists: 'this tenant already has a primary contact: edit that one, or change its kind first',
  email_exists: 'a contact of this kind with this email already exists',
};

/** A refused save as the visible 409 the settings form shows next to the field. */
export const contactConflict = (conflict: ContactConflict) =>
  new TRPCError({ code: 'CONFLICT', message: MESSAGES[conflict] });
