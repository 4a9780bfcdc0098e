/** storage.local key of the options page's "debug logging" switch, read by content scripts. */
export const DEBUG_KEY = 'siteDebug';
