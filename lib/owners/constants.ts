/** Shared by applyAction and the history check, so both ask the same of a transfer reason. */
export const MIN_TRANSFER_REASON = 10;
