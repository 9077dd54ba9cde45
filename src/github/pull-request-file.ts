/** The file a fork's gate run leaves in its artifact for `mode: publish` (SPEC §11), apart from the publish code so the gate loads none of it. */
export const PULL_REQUEST_FILE = 'pull_request.json';
