/**
 * Whose host a content script's request is about. A content script lives inside a page the
 * page's scripts can tamper with, so what it names (a host in getTeachRules, a rule's host in
 * saveTeachRule) is not believed: the browser's own record of the sending frame's address
 * is (issue 14, finding 9). Extension pages (options) have no tab and may name any host.
 */
import type { Sender } from '@/lib/messaging';

export class WrongHost extends Error {
  override readonly name = 'WrongHost';
}

/** The host of the frame that sent the message when it is a content script in a tab; undefined for extension pages. */
export function contentSenderHost(sender: Sender): string | undefined {
  if (!sender.tab) return undefined;
  const url = sender.url ?? sender.tab.url;
  if (!url) throw new WrongHost('the sending page has no address the browser reports');
  try {
    return new URL(url).host;
  } catch {
    throw new WrongHost(`the sending page's address is not a URL: ${url.slice(0, 100)}`);
  }
}

/** The host a teach request may read or write rules of: the sender's own, whatever it named. */
export function teachHostFor(sender: Sender, named: string): string {
  return contentSenderHost(sender) ?? named;
}

/** A rule saved from a page must be for that page's host. */
export function checkTeachRuleHost(sender: Sender, ruleHost: string): void {
  const host = contentSenderHost(sender);
  if (host !== undefined && host !== ruleHost) {
    throw new WrongHost(`a rule for ${ruleHost.slice(0, 100)} cannot be saved from a page of ${host}`);
  }
}
