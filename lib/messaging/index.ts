/**
 * Typed, validated messaging between contexts. `send` parses the response, `handle` refuses
 * foreign senders and parses the request before the handler sees it.
 *
 * The transport is the platform's own runtime/tabs messaging with a small envelope; a
 * library (@webext-core/messaging was tried) cost the content script 1 KB gzip for what is
 * thirty lines here, and the content script has a 20 KB budget.
 */
import * as z from 'zod/mini';
import { extGlobals, type RawSender } from '../util/ext-globals';
import type { MessageDef, RequestOf, ResponseOf } from './protocol';

export type Sender = RawSender;

export class MessageRefused extends Error {
  override name = 'MessageRefused';
}

/** What travels: `hf` (the message's name) marks ours apart from anything else on the channel. */
interface Envelope {
  hf: string;
  data: unknown;
}
type Reply = { ok: true; data: unknown } | { ok: false; error: string };

const isEnvelope = (m: unknown): m is Envelope => typeof m === 'object' && m !== null && typeof (m as Envelope).hf === 'string';

/** Send to the background, or to a tab's content script when `tabId` is given. */
export async function send<D extends MessageDef>(def: D, data: RequestOf<D>, tabId?: number): Promise<ResponseOf<D>> {
  const ext = extGlobals();
  const envelope: Envelope = { hf: def.name, data };
  const reply = (tabId === undefined ? await ext.runtime?.sendMessage(envelope) : await ext.tabs?.sendMessage(tabId, envelope)) as Reply | undefined;
  if (!reply) throw new Error(`no answer to ${def.name}`);
  if (!reply.ok) throw new Error(reply.error);
  return z.parse(def.response, reply.data) as ResponseOf<D>;
}

/** Only this extension's own contexts may talk to us (not web pages, not other extensions). */
export function isOwnSender(sender: Sender, ownId: string): boolean {
  return !!ownId && sender.id === ownId;
}

/** "path: message" per issue (zod's prettifyError would cost the content script 0.5 KB). */
export function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ');
}

type AnyHandler = (data: never, sender: Sender) => unknown;
const handlers = new Map<string, { def: MessageDef; handler: AnyHandler }>();

/** Apply one message: sender check, request schema, handler. Exported for tests. */
export async function dispatch(message: unknown, sender: Sender, ownId: string): Promise<Reply | undefined> {
  if (!isEnvelope(message)) return undefined;
  const entry = handlers.get(message.hf);
  if (!entry) return undefined; // another context of ours answers this one
  try {
    if (!isOwnSender(sender, ownId)) throw new MessageRefused(`refused ${message.hf} from a foreign sender`);
    const parsed = z.safeParse(entry.def.request, message.data);
    if (!parsed.success) throw new MessageRefused(`bad ${message.hf} request: ${describeIssues(parsed.error.issues)}`);
    return { ok: true, data: (await entry.handler(parsed.data as never, sender)) ?? null };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

const listener = (message: unknown, sender: RawSender, sendResponse: (r: unknown) => void) => {
  if (!isEnvelope(message) || !handlers.has(message.hf)) return false;
  void dispatch(message, sender, extGlobals().runtime?.id ?? '').then(sendResponse);
  return true; // the answer comes asynchronously
};

/** Register the receiver of one message type. Returns the function that removes it. */
export function handle<D extends MessageDef>(
  def: D,
  handler: (data: RequestOf<D>, sender: Sender) => ResponseOf<D> | Promise<ResponseOf<D>>,
): () => void {
  if (!handlers.size) extGlobals().runtime?.onMessage.addListener(listener);
  handlers.set(def.name, { def, handler: handler as AnyHandler });
  return () => {
    handlers.delete(def.name);
    if (!handlers.size) extGlobals().runtime?.onMessage.removeListener(listener);
  };
}
