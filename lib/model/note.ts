import * as z from 'zod/mini';
import { Id, syncedFields } from './common';

export const Note = z.object({
  ...syncedFields,
  customerId: Id,
  text: z.string().check(z.minLength(1), z.maxLength(20_000)),
  authorRepId: Id,
  visibility: z.enum(['private', 'team']),
  pinned: z.optional(z.boolean()),
});
export type Note = z.infer<typeof Note>;
