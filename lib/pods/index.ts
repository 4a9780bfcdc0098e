/** Pods (issue 6): self-assessment, pod scoring and explanations, pod formation. Pure functions. */
export * from './assessment';
export * from './score';
export * from './form';
export { NEUTRAL_TRAITS, TRAIT_KEYS, CORE_TRAIT_KEYS, traitsOf, type Lang, type TraitKey } from './traits';
export { seededRandom } from './random';
