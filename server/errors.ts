/**
 * Every refusal of a request (not of a single mutation) is an HttpError carrying the protocol's
 * ErrorBody: a stable `error` code for programs and a `reason` in words for people.
 */
import * as z from 'zod/mini';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody } from '../lib/sync/protocol';

export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly error: string,
    readonly reason: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${error}: ${reason}`);
  }

  body(): ErrorBody {
    return { error: this.error, reason: this.reason };
  }
}

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

/** `mutations[3].record.updatedAt`: the path as a reader would write it in code. */
export function formatPath(path: Path): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(the body)' : out;
}

/**
 * The first fault of a failed parse, as "path: message". A union (put or delete mutation) fails
 * as a whole with one issue per branch; the branch the input most resembles is the one whose
 * literal fields (`op`, `table`) matched, so that branch's first fault is reported.
 */
export function describeZodError(error: z.core.$ZodError): string {
  const first = error.issues[0];
  if (!first) return 'the request does not match the schema';
  return describeIssue(first, []);
}

function describeIssue(issue: Issue, prefix: Path): string {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union') {
    if (issue.errors.length === 0) {
      // No branch was tried: a discriminated union met an unknown discriminator.
      const options = (issue as { options?: unknown[] }).options;
      return `${formatPath(path)}: ${Array.isArray(options) ? `expected one of ${options.join(', ')}` : issue.message}`;
    }
    const literalMisses = (branch: Issue[]) => branch.filter((i) => i.code === 'invalid_value' && i.path.length === 1).length;
    const branches = [...issue.errors].sort((a, b) => literalMisses(a) - literalMisses(b) || a.length - b.length);
    const best = branches[0]!;
    // Every branch refused the same literal (op: "zap"): name all the values it could take.
    const firstMiss = best[0];
    if (firstMiss?.code === 'invalid_value' && branches.every((b) => b.some((i) => i.code === 'invalid_value' && samePath(i.path, firstMiss.path)))) {
      const values = branches.flatMap((b) => b.filter((i) => i.code === 'invalid_value' && samePath(i.path, firstMiss.path)).flatMap((i) => (i.code === 'invalid_value' ? i.values : [])));
      return `${formatPath([...path, ...firstMiss.path])}: expected one of ${[...new Set(values.map(String))].join(', ')}`;
    }
    if (best[0]) return describeIssue(best[0], path);
  }
  return `${formatPath(path)}: ${issue.message}`;
}

const samePath = (a: Path, b: Path) => a.length === b.length && a.every((k, i) => k === b[i]);
