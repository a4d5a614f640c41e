/** Request bodies over this size get 413. */
export const BODY_LIMIT = '1mb';
