/** Hand adjustments to a pod draft: plain arrays in, new arrays out (the UI keeps history simple). */

/**
 * Moves a rep into pod `to` (an index; `pods.length` opens a new pod). Pods left empty are
 * dropped, so indices after the source may shift. Unknown reps are added, which is how a
 * rep who joined after formation is placed by hand.
 */
export function moveMember(pods: readonly (readonly string[])[], repId: string, to: number): string[][] {
  if (!Number.isInteger(to) || to < 0 || to > pods.length) throw new RangeError(`No pod ${to + 1} to move ${repId} to.`);
  const next = pods.map((pod) => pod.filter((id) => id !== repId));
  if (to === pods.length) next.push([repId]);
  else (next[to] as string[]).push(repId);
  return next.filter((pod) => pod.length > 0);
}

/** Every pair of members once, in pod order: what the pair explanations are written for. */
export function pairsOf<T>(members: readonly T[]): [T, T][] {
  const pairs: [T, T][] = [];
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) pairs.push([members[i] as T, members[j] as T]);
  }
  return pairs;
}

/**
 * Formation errors name reps by id (stable, unambiguous); a person reads names. Replaces
 * every known id in the text with the rep's name.
 */
export function withNames(text: string, reps: readonly { id: string; name: string }[]): string {
  return reps.reduce((out, rep) => out.split(rep.id).join(rep.name), text);
}
