/**
 * Checking the records an import writes against their schema (lib/model) without parsing
 * each one whole: zod's parse (jitless: the extension CSP forbids eval) cost the options page
 * about 4 s per 100,000 customers and 2.5 s per 100,000 revenue lines, a good part of the
 * write budget (DESIGN: 100,000 rows ≤ 5 s).
 *
 * The fast check is compiled from the schema itself, field by field, so its rules cannot
 * drift from the model: a plain string field becomes its own length, pattern and
 * well-formedness tests; formatted strings (dates, date-times) and enums are checked by zod
 * once per distinct value (they repeat across an import); anything the compiler does not know
 * goes to zod. Whenever the fast path is not sure — a field fails, or the record carries a key
 * the schema does not know (which a parse would strip) — the record goes through the full
 * `z.safeParse`, so the answer, its error message and the data written are exactly the
 * schema's. The fast path only ever says yes to records the schema accepts unchanged.
 */
import * as z from 'zod/mini';
import { Customer, RevenueLine } from '../model';
import { wellFormed } from '../model/common';
import { isWellFormed } from '../util/well-formed';

type Schema = z.core.$ZodType;
type Test = (value: unknown) => boolean;
type Result<T> = { success: true; data: T } | { success: false; error: z.core.$ZodError };

/** Distinct values remembered per field before its memo starts over (bounded memory). */
const MEMO_LIMIT = 10_000;

interface Def {
  type: string;
  format?: string;
  checks?: Array<{ _zod: { def: CheckDef } }>;
  innerType?: Schema;
  element?: Schema;
  shape?: Record<string, Schema>;
  catchall?: Schema;
}
interface CheckDef {
  check: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  pattern?: RegExp;
  when?: unknown;
}

const defOf = (schema: Schema) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** zod's answer for one value, remembered per value (for fields whose values repeat). */
function memoized(schema: Schema): Test {
  const memo = new Map<unknown, boolean>();
  return (value) => {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return z.safeParse(schema, value).success;
    let ok = memo.get(value);
    if (ok === undefined) {
      ok = z.safeParse(schema, value).success;
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(value, ok);
    }
    return ok;
  };
}

/** The tests of a string's or array's length checks; undefined when a check is not one of those. */
function lengthTests(def: Def, allowed: (check: { _zod: { def: CheckDef } }) => Test | undefined): Array<(v: string | unknown[]) => boolean> | undefined {
  const tests: Array<(v: string | unknown[]) => boolean> = [];
  for (const check of def.checks ?? []) {
    const c = check._zod.def;
    if (c.check === 'min_length' && typeof c.minimum === 'number') {
      const min = c.minimum;
      tests.push((v) => v.length >= min);
    } else if (c.check === 'max_length' && typeof c.maximum === 'number') {
      const max = c.maximum;
      tests.push((v) => v.length <= max);
    } else {
      const t = allowed(check);
      if (!t) return undefined;
      tests.push(t as (v: string | unknown[]) => boolean);
    }
  }
  return tests;
}

/** A test equivalent to `z.safeParse(schema, v).success` (never more lenient). */
export function compile(schema: Schema): Test {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional': {
      const inner = compile(def.innerType!);
      return (v) => v === undefined || inner(v);
    }
    case 'boolean':
      return def.checks?.length ? memoized(schema) : (v) => typeof v === 'boolean';
    case 'number':
      return def.format === 'safeint' && !def.checks?.length ? (v) => Number.isSafeInteger(v) : memoized(schema);
    case 'string': {
      if (def.format) return memoized(schema); // dates, date-times: few distinct values
      const tests = lengthTests(def, (check) => {
        if (check === (wellFormed as unknown)) return (v) => isWellFormed(v as string);
        const c = check._zod.def;
        if (c.check === 'string_format' && c.format === 'regex' && c.pattern instanceof RegExp && !c.pattern.global && !c.pattern.sticky && c.when === undefined) {
          const pattern = c.pattern;
          return (v) => pattern.test(v as string);
        }
        return undefined;
      });
      if (!tests) return memoized(schema);
      return (v) => typeof v === 'string' && tests.every((t) => t(v));
    }
    case 'array': {
      const tests = lengthTests(def, () => undefined);
      if (!tests) return memoized(schema);
      const element = compile(def.element!);
      return (v) => {
        if (!Array.isArray(v) || !tests.every((t) => t(v))) return false;
        for (let i = 0; i < v.length; i++) if (!element(v[i])) return false; // holes too, unlike every()
        return true;
      };
    }
    case 'object': {
      if (def.catchall || !def.shape) return memoized(schema);
      const fields = Object.entries(def.shape).map(([key, field]) => [key, compile(field)] as const);
      const known = new Set(Object.keys(def.shape));
      return (v) => {
        if (typeof v !== 'object' || v === null || Array.isArray(v) || Object.getPrototypeOf(v) !== Object.prototype) return false;
        const record = v as Record<string, unknown>;
        for (const key in record) if (!known.has(key)) return false; // a parse would strip it
        for (const [key, test] of fields) if (!test(record[key])) return false;
        return true;
      };
    }
    default:
      return memoized(schema); // enums and anything else: zod itself
  }
}

/** Like `z.safeParse(schema, value)`; a record the fast test accepts is returned as it is. */
export function recordCheck<S extends Schema>(schema: S): (value: unknown) => Result<z.infer<S>> {
  const fast = compile(schema);
  return (value) => (fast(value) ? { success: true, data: value as z.infer<S> } : (z.safeParse(schema, value) as Result<z.infer<S>>));
}

/** A check for the customers of one import (its memo holds that import's dates). */
export const customerCheck = () => recordCheck(Customer);

/** A check for the revenue lines of one import. */
export const revenueLineCheck = () => recordCheck(RevenueLine);
