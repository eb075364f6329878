/**
 * RFC 9535's match() and search() with a linear-time regex engine (re2js, a pure JavaScript port of
 * RE2): an overlay's filter like `search(@, '(a|aa)+$')` cannot backtrack for minutes, whatever the
 * pattern and the document. Patterns are I-Regexps (RFC 9485), which RE2 reads as they are.
 */
import { FunctionExpressionType } from "json-p3";
import { RE2JS } from "re2js";

/** Compiled patterns, per run of an environment (patterns repeat across nodes). */
class Patterns {
  private readonly cache = new Map<string, RE2JS | null>();
  compile(pattern: string): RE2JS | null {
    let re = this.cache.get(pattern);
    if (re === undefined) {
      try {
        re = RE2JS.compile(pattern);
      } catch {
        re = null; // not a pattern: the function is false, as RFC 9535 says for an invalid one
      }
      this.cache.set(pattern, re);
    }
    return re;
  }
}

abstract class RegexFunction {
  readonly argTypes = [FunctionExpressionType.ValueType, FunctionExpressionType.ValueType];
  readonly returnType = FunctionExpressionType.LogicalType;
  private readonly patterns = new Patterns();
  protected abstract test(re: RE2JS, s: string): boolean;
  call(s: unknown, pattern: unknown): boolean {
    if (typeof s !== "string" || typeof pattern !== "string") return false;
    const re = this.patterns.compile(pattern);
    return re !== null && this.test(re, s);
  }
}

/** match(): the whole string matches. */
export class SafeMatch extends RegexFunction {
  protected test(re: RE2JS, s: string): boolean {
    return re.matcher(s).matches();
  }
}

/** search(): some substring matches. */
export class SafeSearch extends RegexFunction {
  protected test(re: RE2JS, s: string): boolean {
    return re.matcher(s).find();
  }
}
