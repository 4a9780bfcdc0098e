import * as z from 'zod/mini';
import { MAX_EMAILS } from './bounds';
import { Email, Id, ShortText, syncedFields, Text } from './common';

export const Contact = z.object({
  ...syncedFields,
  name: Text(200, 1),
  emails: z.array(Email).check(z.maxLength(MAX_EMAILS)),
  customerId: z.optional(Id),
  title: z.optional(ShortText),
});
export type Contact = z.infer<typeof Contact>;
