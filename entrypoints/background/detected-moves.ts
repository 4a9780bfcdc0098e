/**
 * The coach moves the background itself detected for each frame (issue 14, finding 8): when
 * the dock asks to record or dismiss a move, the coach and the sender must be a pair this
 * background found on that frame's page, not whatever the request names. Kept in memory: a
 * restarted background remembers nothing, and then lib/db/coach-actions.ts's own detection
 * from the page is what checks the request.
 */
import type { Sender } from '@/lib/messaging';
import type { SubjectInfo } from '@/lib/messaging/protocol';

/** Frames remembered at most (the oldest is forgotten first). */
const MAX_FRAMES = 200;
const byFrame = new Map<string, Set<string>>();

const frameKey = (sender: Sender) => (sender.tab?.id === undefined ? undefined : `${sender.tab.id}:${sender.frameId ?? 0}`);
const pairKey = (coachId: string, from: string) => `${coachId}\n${from.toLowerCase()}`;

/** `rememberMoves`, then the answer itself: for handlers that return what they remembered. */
export function remembered(sender: Sender, info: SubjectInfo): SubjectInfo {
  rememberMoves(sender, info);
  return info;
}

/** After answering a frame: the moves of this answer replace what was known for it. */
export function rememberMoves(sender: Sender, info: SubjectInfo): void {
  const key = frameKey(sender);
  if (key === undefined) return;
  const moves = (info.coach as { moves?: Array<{ coachId?: unknown; from?: unknown }> } | undefined)?.moves ?? [];
  byFrame.delete(key);
  byFrame.set(key, new Set(moves.flatMap((m) => (typeof m.coachId === 'string' && typeof m.from === 'string' ? [pairKey(m.coachId, m.from)] : []))));
  if (byFrame.size > MAX_FRAMES) byFrame.delete(byFrame.keys().next().value!);
}

/** false: this frame was answered and that coach was not detected for that sender; undefined: nothing is known of the frame. */
export function wasDetected(sender: Sender, coachId: string, from: string): boolean | undefined {
  const key = frameKey(sender);
  const pairs = key === undefined ? undefined : byFrame.get(key);
  return pairs === undefined ? undefined : pairs.has(pairKey(coachId, from));
}

/** Tests. */
export function forgetMoves(): void {
  byFrame.clear();
}
