/**
 * The action's post step: cancels every remote job the main step started and that may still be
 * running (a cancelled workflow or a timeout still runs `post`). It warns and never fails.
 */
import * as core from '@actions/core';
import { State } from './constants.js';

export async function cleanup(): Promise<void> {
  const saved = core.getState(State.Jobs);
  if (!saved) {
    core.info('evalgate: no remote jobs were started; nothing to cancel');
    return;
  }
  // Platforms that start remote jobs register their cancel here as they land.
  core.warning(`evalgate: remote jobs were recorded (${saved.length} bytes of state) but this version has no platform to cancel them with`);
}
