/**
 * A legal rule that a guard enforces. The same object serves the machine (as a guard),
 * the service (a refused event returns `id` and `citation` to the caller) and the
 * machine description served at GET /api/v1/machines/:kind.
 */
export interface LegalRule<C = any, E = any> {
  /** Stable rule id, e.g. `dispute.extend.bothConsent`. */
  id: string;
  /** `<中文名> 第<汉字数字>条 / <ABBR> Art <N>` form of domain.md. */
  citation: string;
  /** One sentence a mediator understands, shown with a refusal. */
  description: string;
  /** True when the event complies with the rule in this context. */
  holds: (context: C, event: E) => boolean;
}

export type RuleBook<C = any, E = any> = Record<string, LegalRule<C, E>>;

/** Params of the single `legal` guard every machine registers: the rule ids it checks. */
export interface LegalGuardParams {
  rules: string[];
}

/** Builds the `legal` guard implementation for `setup({ guards })`. */
export function legalGuard<C, E>(book: RuleBook<C, E>) {
  return ({ context, event }: { context: C; event: E }, params: LegalGuardParams): boolean =>
    params.rules.every((id) => ruleOf(book, id).holds(context, event));
}

/** The first rule of `ids` that the event breaks, if any. */
export function firstBroken<C, E>(book: RuleBook<C, E>, ids: string[], context: C, event: E) {
  return ids.map((id) => ruleOf(book, id)).find((rule) => !rule.holds(context, event));
}

function ruleOf<C, E>(book: RuleBook<C, E>, id: string): LegalRule<C, E> {
  const rule = book[id];
  if (!rule) throw new Error(`unknown legal rule ${id}`);
  return rule;
}

/** Shorthand for a transition's guard: `guard: legal('dispute.extend.bothConsent')`. */
export function legal(...rules: string[]) {
  return { type: 'legal' as const, params: { rules } };
}
