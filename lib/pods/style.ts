/**
 * Style from traits, on the two axes of the classic social-style grid:
 *
 *   - assertiveness = goal orientation (does the rep push toward a decision?),
 *   - responsiveness = relationship (does the rep lead with people or with the task?).
 *
 *                      task-first (relationship < 50)   people-first (relationship ≥ 50)
 *   asks (goal < 50)   analytical                       amiable
 *   tells (goal ≥ 50)  driver                           expressive
 *
 * This matches the article: drivers and analyticals are task-oriented (drivers lack patience
 * for upkeep), expressives and amiables build relationships. Skepticism and detail attention
 * do not decide the style — they are what pods balance separately — though analyticals
 * usually score high on both. A score of exactly 50 counts as the upper side, so every
 * trait combination has exactly one style.
 */
import type { Style, Traits } from '../model';

export const STYLE_THRESHOLD = 50;

export function styleFromTraits(traits: Traits): Style {
  const tells = traits.goalOrientation >= STYLE_THRESHOLD;
  const peopleFirst = traits.relationship >= STYLE_THRESHOLD;
  if (tells) return peopleFirst ? 'expressive' : 'driver';
  return peopleFirst ? 'amiable' : 'analytical';
}
