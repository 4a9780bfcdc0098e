/**
 * The options page's sections and its hash routes (options.html#sites). Personal settings
 * come first; the team lead's work has its own section so it does not sit among them.
 * Connect CRM sits after Data: it brings in the same customers and deals an import does.
 */
export const SECTIONS = ['me', 'sites', 'data', 'crm', 'sync', 'lead'] as const;
export type SectionId = (typeof SECTIONS)[number];

/** Places inside a section that a link may point at (the checklist's steps): section, heading id. */
export const ANCHORS: ReadonlyMap<string, [SectionId, string]> = new Map([
  ['profile', ['me', 'profile-h']],
  ['traits', ['me', 'pods-assess-h']],
  ['import', ['data', 'import-h']],
]);

export interface Route {
  section: SectionId;
  /** The element to move focus to: the section's heading, or the anchor's. */
  focusId: string;
}

/**
 * The id of a section's heading, where focus lands when the section is opened. Team sync's
 * own component already heads itself with its title; the others get a heading here.
 */
export function headingId(section: SectionId): string {
  return section === 'sync' ? 'sync-h' : `section-${section}-h`;
}

/** "#sites" → Sites; "#profile" → Me, focused on the profile; anything else → Me. */
export function routeFromHash(hash: string): Route {
  const key = decodeURIComponent(hash.replace(/^#/, '')).trim().toLowerCase();
  if ((SECTIONS as readonly string[]).includes(key)) return { section: key as SectionId, focusId: headingId(key as SectionId) };
  const anchored = ANCHORS.get(key);
  if (anchored) return { section: anchored[0], focusId: anchored[1] };
  return { section: 'me', focusId: headingId('me') };
}
