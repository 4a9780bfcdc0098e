/**
 * Typed, validated messaging over @webext-core/messaging. `send` parses the response,
 * `handle` refuses foreign senders and parses the request before the handler sees it.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import * as z from 'zod/mini';
import { extGlobals } from '../util/ext-globals';
import { protocol, type MessageType, type RequestOf, type ResponseOf } from './protocol';

type ProtocolMap = { [K in MessageType]: (data: RequestOf<K>) => ResponseOf<K> };

const messenger = defineExtensionMessaging<ProtocolMap>();

export class MessageRefused extends Error {
  override name = 'MessageRefused';
}

/** Send to the background, or to a tab's content script when `tabId` is given. */
export async function send<K extends MessageType>(type: K, data: RequestOf<K>, tabId?: number): Promise<ResponseOf<K>> {
  // The library's generic signature cannot see through our mapped type; the schemas below
  // are what guarantees the shapes.
  const send = messenger.sendMessage as (t: K, d: RequestOf<K>, tab?: number) => Promise<unknown>;
  const raw = await send(type, data, tabId);
  return z.parse(protocol[type].response, raw) as ResponseOf<K>;
}

export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

/** Only this extension's own contexts may talk to us (not web pages, not other extensions). */
export function isOwnSender(sender: Sender, ownId: string): boolean {
  return sender.id === ownId;
}

/** Register the receiver of one message type. Returns the function that removes it. */
export function handle<K extends MessageType>(
  type: K,
  handler: (data: RequestOf<K>, sender: Sender) => ResponseOf<K> | Promise<ResponseOf<K>>,
): () => void {
  const on = messenger.onMessage as (t: K, cb: (m: { data: unknown; sender: Sender }) => unknown) => () => void;
  return on(type, async (message) => {
    if (!isOwnSender(message.sender, extGlobals().runtime?.id ?? '')) throw new MessageRefused(`refused ${type} from a foreign sender`);
    const parsed = z.safeParse(protocol[type].request, message.data);
    if (!parsed.success) throw new MessageRefused(`bad ${type} request: ${z.prettifyError(parsed.error)}`);
    return handler(parsed.data as RequestOf<K>, message.sender);
  });
}
