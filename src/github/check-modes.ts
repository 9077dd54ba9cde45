/** The action's `check` input (SPEC §5, §11), apart from the Checks client so reading inputs loads no Octokit. */
export type CheckMode = 'auto' | 'true' | 'false';
export const CHECK_MODES: readonly CheckMode[] = ['auto', 'true', 'false'];
