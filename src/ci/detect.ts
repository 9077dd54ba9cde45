/** Which CI system runs us, from the variables each one sets; tiny, so the CLI can ask before loading anything. */

/** Every Azure Pipelines agent sets TF_BUILD=True (Azure DevOps Server has set `true`). */
export function isAzurePipelines(env: Record<string, string | undefined>): boolean {
  return (env.TF_BUILD ?? '').trim().toLowerCase() === 'true';
}
