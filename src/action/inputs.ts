/** Action inputs read once into RawSettings (names as in action.yml), secrets masked first. */
import * as core from './workflow.js';
import { Inputs } from './constants.js';
import type { RawSettings } from '../config/settings.js';
import type { Problem } from '../core/problem.js';
import { maskUrlCredentials, maskValue } from './secrets.js';
import { CHECK_MODES, type CheckMode } from '../github/check-modes.js';

/** Inputs the config can also set stay unset when not given: resolveSettings applies the order input > config > default. */
export interface ActionInputs extends RawSettings {
  token: string;
  config?: string;
  /** the check run: auto (default), true, false */
  check: CheckMode;
  /** gate (default): run and gate; publish: post what a fork's gate run left (SPEC §11) */
  mode: 'gate' | 'publish';
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
  const checkInput = get(Inputs.Check)?.trim().toLowerCase() ?? 'auto';
  let check: CheckMode = 'auto';
  if ((CHECK_MODES as readonly string[]).includes(checkInput)) check = checkInput as CheckMode;
  else problems.push({ file: `input ${Inputs.Check}`, expected: CHECK_MODES.join(', '), found: JSON.stringify(get(Inputs.Check)) });
  const modeInput = get(Inputs.Mode)?.trim().toLowerCase() ?? 'gate';
  let mode: 'gate' | 'publish' = 'gate';
  if (modeInput === 'gate' || modeInput === 'publish') mode = modeInput;
  else problems.push({ file: `input ${Inputs.Mode}`, expected: 'gate or publish', found: JSON.stringify(get(Inputs.Mode)) });
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
      comment: get(Inputs.Comment),
      token,
      check,
      mode,
    },
    problems,
  };
}
