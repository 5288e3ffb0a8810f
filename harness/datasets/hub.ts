// HTTP to the Hugging Face Hub: the resolve URL, HF_TOKEN and HF_ENDPOINT, redirects, and errors a user can act on.
import type { HubFile } from '../suite.ts';
import type { Env } from './cache.ts';
import { DatasetError } from './jsonl.ts';

export const DEFAULT_HF_ENDPOINT = 'https://huggingface.co';
const MAX_REDIRECTS = 10;

export type HubContext = {
  env: Env;
  fetch: typeof fetch;
  /** human locator of the config's dataset entry, e.g. "configs/x.yaml suites.<id>.dataset" */
  where: string;
};

export function hubEndpoint(env: Env): string {
  const raw = env.HF_ENDPOINT?.trim();
  return (raw ? raw : DEFAULT_HF_ENDPOINT).replace(/\/+$/, '');
}

/** `<endpoint>/datasets/<repo>/resolve/<revision>/<file>`; the revision is one segment even if it holds `/`. */
export function hubFileUrl(endpoint: string, hub: HubFile): URL {
  const path = (value: string) => value.split('/').map(encodeURIComponent).join('/');
  return new URL(`${endpoint}/datasets/${path(hub.repo)}/resolve/${encodeURIComponent(hub.revision)}/${path(hub.file)}`);
}

export function describeHubFile(hub: HubFile): string {
  return `${hub.repo}/${hub.file} at revision ${hub.revision}`;
}

function localCopyHint(where: string): string {
  return `Or download the file yourself and set "path" under ${where} to the local copy.`;
}

/** The network-level cause (ENOTFOUND, ECONNREFUSED, ...) without anything from the request itself. */
function networkCause(err: unknown): string {
  if (err instanceof Error) {
    const cause = err.cause;
    if (cause instanceof Error) return 'code' in cause && typeof cause.code === 'string' ? cause.code : cause.message;
    return err.message;
  }
  return String(err);
}

function statusError(response: Response, hub: HubFile, ctx: HubContext, url: URL, onHub: boolean): DatasetError {
  const what = describeHubFile(hub);
  const hasToken = Boolean(ctx.env.HF_TOKEN);
  // the Hub names the failure in X-Error-Code (RepoNotFound, GatedRepo, EntryNotFound, RevisionNotFound)
  const code = response.headers.get('x-error-code');
  const tag = `HTTP ${response.status}${code ? ` ${code}` : ''} from ${url.host}`;
  let advice: string;
  if (!onHub) {
    // a storage host the Hub redirected to: its signed link may have expired
    advice = 'The download host the Hub redirected to refused the file; try again.';
  } else if (response.status === 401 || response.status === 403) {
    advice = hasToken
      ? 'HF_TOKEN is set but was refused: check that the token is valid and that your account accepted the dataset\'s terms on its Hub page.'
      : 'The dataset may be gated or private (the Hub also answers 401 for a repo that does not exist): set HF_TOKEN to a Hugging Face token with access.';
  } else if (response.status === 404) {
    advice = 'The repo, revision or file does not exist there. Check the pinned reference, or HF_ENDPOINT if you use a mirror.';
  } else if (response.status === 429) {
    advice = 'The Hub is rate limiting this machine; wait a few minutes, or set HF_TOKEN for a higher limit.';
  } else {
    advice = 'The Hub or mirror failed; try again later.';
  }
  return new DatasetError(`Cannot download ${what}: ${tag}. ${advice} ${localCopyHint(ctx.where)}`);
}

/**
 * GETs a Hub file and returns the final 200 response. Redirects are followed by hand so that the
 * Authorization header never travels to another origin (the Hub sends LFS files to a CDN).
 */
export async function openHubFile(hub: HubFile, ctx: HubContext, signal?: AbortSignal): Promise<Response> {
  const endpoint = hubEndpoint(ctx.env);
  const token = ctx.env.HF_TOKEN;
  const first = hubFileUrl(endpoint, hub);
  let url = first;
  let sendToken = Boolean(token);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    if (url.origin !== first.origin) sendToken = false;
    const headers: Record<string, string> = { 'user-agent': 'parity-datasets' };
    if (sendToken && token) headers.authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await ctx.fetch(url, { headers, redirect: 'manual', ...(signal ? { signal } : {}) });
    } catch (err) {
      if (signal?.aborted) {
        throw new DatasetError(
          `Cannot download ${describeHubFile(hub)}: ${url.origin} did not answer (${networkCause(signal.reason)}). ` +
            `Try again later, or set HF_ENDPOINT to a reachable mirror. ${localCopyHint(ctx.where)}`,
        );
      }
      throw new DatasetError(
        `Cannot download ${describeHubFile(hub)}: this machine cannot reach the Hugging Face Hub at ${url.origin} ` +
          `(${networkCause(err)}). Check the network or proxy, or set HF_ENDPOINT to a reachable mirror. ${localCopyHint(ctx.where)}`,
      );
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      discardBody(response);
      url = new URL(location, url);
      continue;
    }
    if (response.status !== 200) {
      discardBody(response);
      throw statusError(response, hub, ctx, url, url.origin === first.origin);
    }
    return response;
  }
  throw new DatasetError(`Cannot download ${describeHubFile(hub)}: more than ${MAX_REDIRECTS} redirects. ${localCopyHint(ctx.where)}`);
}

/** Frees the connection of a response we will not read; not awaited, since some bodies never settle a cancel. */
function discardBody(response: Response): void {
  response.body?.cancel().catch(() => {});
}
