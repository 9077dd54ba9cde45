/** Action inputs read once into RawSettings (names as in action.yml). */
import * as core from '@actions/core';
import { Inputs } from './constants.js';
import type { RawSettings } from '../config/settings.js';

export interface ActionInputs extends RawSettings {
  comment: string;
  token: string;
  config?: string;
}

export function readInputs(): ActionInputs {
  const get = (name: string): string | undefined => core.getInput(name) || undefined;
  const token = core.getInput(Inputs.GithubToken);
  if (token) core.setSecret(token);
  return {
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
    config: get(Inputs.Config),
    comment: get(Inputs.Comment) ?? 'always',
    token,
  };
}
