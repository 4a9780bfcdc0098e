/** Small enums that messages carry; kept apart so the content script imports only these. */
import * as z from 'zod/mini';

export const ProblemStatus = z.enum(['open', 'working', 'waiting_on_customer', 'resolved_awaiting_confirmation', 'closed']);
export type ProblemStatus = z.infer<typeof ProblemStatus>;

export const Severity = z.enum(['low', 'normal', 'high', 'critical']);
export type Severity = z.infer<typeof Severity>;

export const Channel = z.enum(['email', 'phone', 'chat', 'visit', 'other']);
export type Channel = z.infer<typeof Channel>;

export const Style = z.enum(['driver', 'analytical', 'expressive', 'amiable']);
export type Style = z.infer<typeof Style>;
