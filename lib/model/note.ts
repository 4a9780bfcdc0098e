import * as z from 'zod/mini';
import { MAX_LONG_TEXT } from './bounds';
import { Id, syncedFields, Text } from './common';

export const Note = z.object({
  ...syncedFields,
  customerId: Id,
  text: Text(MAX_LONG_TEXT, 1),
  authorRepId: Id,
  visibility: z.enum(['private', 'team']),
  pinned: z.optional(z.boolean()),
});
export type Note = z.infer<typeof Note>;
