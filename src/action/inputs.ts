/** Action inputs read once into RawSettings (names as in action.yml), secrets masked first. */
import * as core from '@actions/core';
import { Inputs } from './constants.js';
import type { RawSettings } from '../config/settings.js';
import type { Problem } from '../core/problem.js';
import { COMMENT_MODES, type CommentMode } from '../github/comment.js';
import { maskUrlCredentials, maskValue } from './secrets.js';

export interface ActionInputs extends RawSettings {
  comment: CommentMode;
  token: string;
  config?: string;
}

export function readInputs(): { inputs: ActionInputs; problems: Problem[] } {
  const get = (name: string): string | undefined => core.getInput(name) || undefined;
  const token = core.getInput(Inputs.GithubToken);
  maskValue(token);
  const pushgateway = get(Inputs.Pushgateway);
  maskUrlCredentials(pushgateway);
  // a URI may carry a credential: a password, or a signed query string (an Azure SAS `sig=`)
  for (const name of [Inputs.Model, Inputs.Data, Inputs.Results]) maskUrlCredentials(get(name), { query: true });
  const problems: Problem[] = [];
  const commentText = (get(Inputs.Comment) ?? 'always').toLowerCase();
  let comment: CommentMode = 'always';
  if ((COMMENT_MODES as readonly string[]).includes(commentText)) comment = commentText as CommentMode;
  else
    problems.push({ file: `input ${Inputs.Comment}`, expected: `one of ${COMMENT_MODES.join(', ')}`, found: JSON.stringify(commentText) });
  return {
    inputs: {
      platform: get(Inputs.Platform),
      indicators: get(Inputs.Indicators),
      thresholds: get(Inputs.Thresholds),
      'rps-target': get(Inputs.RpsTarget),
      baseline: get(Inputs.Baseline),
      'fail-on': get(Inputs.FailOn),
      name: get(Inputs.Name),
      results: get(Inputs.Results),
      model: get(Inputs.Model),
      data: get(Inputs.Data),
      'timeout-minutes': get(Inputs.TimeoutMinutes),
      'dry-run': get(Inputs.DryRun),
      pushgateway,
      config: get(Inputs.Config),
      comment,
      token,
    },
    problems,
  };
}
