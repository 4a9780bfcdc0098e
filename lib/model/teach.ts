import * as z from 'zod/mini';
import { Id, IsoDateTime, wellFormed } from './common';

/** What a taught element holds. */
export const TaughtField = z.enum(['name', 'email', 'website']);
export type TaughtField = z.infer<typeof TaughtField>;

/**
 * A rule the user taught on an in-house CRM: on pages of `host` whose path matches
 * `pathPattern` (`*` matches one path segment, a trailing `**` any rest), read `field` from the
 * element at `selector`. Stored as data in settings, editable in options.
 */
export const TeachRule = z.object({
  id: Id,
  host: z.string().check(z.regex(/^[a-z0-9.-]+(:\d+)?$/, 'a host name such as crm.acme.internal')),
  pathPattern: z.string().check(z.regex(/^\/[^\s]*$/, 'a path starting with /'), z.maxLength(500)),
  field: TaughtField,
  selector: z.string().check(z.minLength(1), z.maxLength(1000), wellFormed),
  createdAt: IsoDateTime,
});
export type TeachRule = z.infer<typeof TeachRule>;
