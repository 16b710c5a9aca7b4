import { readEnv, type EnvSource } from '../../core/env.ts';
import { InvalidRequestError } from '../../core/errors/invalid-request-error.ts';
import type { checkedPath, vertexEndpoint } from './vertex-url.ts';

// Google's project-id rule (Resource Manager `Project.projectId`): 6 to 30 lowercase letters,
// digits or hyphens, starting with a letter, not ending with a hyphen; older projects may be
// domain-scoped (`example.com:my-project`), and a project number works in URLs as well.
const PROJECT = /^(?:(?:[a-z0-9-]+\.)+[a-z]+:)?[a-z][a-z0-9-]{4,28}[a-z0-9]$|^\d{1,20}$/;

// Model names as Google's own SDK (google-genai `_transformers.t_model`) resolves them for Vertex:
// `projects/…`, `models/…` and `publishers/…` are kept, `publisher/model` reads as
// `publishers/publisher/models/model`, and a bare id goes under `publishers/google/models/`.
// Loaded only by Vertex calls: Gemini API bundles do not carry it.

/**
 * The adapter's URL checks, passed in rather than imported: an on-demand chunk that imported them
 * would import the adapter's chunk, and a bundler would then split that chunk off the page's entry
 * (one more script on every first call).
 */
export interface VertexUrlKit {
  checkedPath: typeof checkedPath;
  vertexEndpoint: typeof vertexEndpoint;
}

/** Where Vertex requests go (the adapter's Vertex settings). */
export interface VertexTarget {
  /** The project; when absent, `VERTEX_PROJECT_ID` is read (from `env`), call by call. */
  projectId?: string;
  location: string;
  env?: EnvSource;
}

/**
 * The Vertex AI path of a model method in a project and location.
 * @param urls - The adapter's URL checks (see {@link VertexUrlKit}).
 * @throws {@link InvalidRequestError} for a missing project, a project id that breaks Google's rule,
 *   or a model name that could change the path.
 */
export async function vertexPath(
  { checkedPath, vertexEndpoint }: VertexUrlKit,
  { projectId, location, env }: VertexTarget,
  model: string,
  method = 'generateContent',
): Promise<string> {
  const project = projectId ?? readEnv('VERTEX_PROJECT_ID', env);
  if (!project) {
    throw new InvalidRequestError(
      'Vertex AI needs a Google Cloud project: pass `projectId` to GoogleModel or set VERTEX_PROJECT_ID.',
    );
  }
  if (!PROJECT.test(project)) {
    throw (await import('./google-url-problem.ts')).googleUrlProblem('project', project);
  }
  vertexEndpoint(location);
  const slash = model.indexOf('/');
  const name = /^(projects|models|publishers)\//.test(model)
    ? model
    : slash > 0
      ? `publishers/${model.slice(0, slash)}/models/${model.slice(slash + 1)}`
      : `publishers/google/models/${model}`;
  const path = await checkedPath(name);
  return path.startsWith('projects/')
    ? `/v1/${path}:${method}`
    : `/v1/projects/${project}/locations/${location}/${path}:${method}`;
}
