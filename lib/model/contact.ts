import * as z from 'zod/mini';
import { Email, Id, ShortText, syncedFields } from './common';

export const Contact = z.object({
  ...syncedFields,
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  emails: z.array(Email),
  customerId: z.optional(Id),
  title: z.optional(ShortText),
});
export type Contact = z.infer<typeof Contact>;
