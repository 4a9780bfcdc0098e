import { browser } from 'wxt/browser';

/**
 * storage.session key naming the problem the side panel's "My problems" should bring into view
 * (set by a clicked reminder in the background, or by the popup's "open it" link).
 */
export const FOCUS_PROBLEM_KEY = 'owner.focusProblem';

/** The side panel page showing one problem: where a link goes when no side panel can open. */
export const problemPageUrl = (problemId: string) => `${browser.runtime.getURL('/sidepanel.html')}?problem=${encodeURIComponent(problemId)}`;
