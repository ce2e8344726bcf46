import type { MemberValues } from "../types";

/**
 * A member's satisfaction on 0–100: the rate column when entered, else R5's formula over the
 * vote counts, (满意 + 比较满意 + 基本满意) ÷ all counted × 100. Undefined when neither exists.
 * Callers gate it on R5's status, which also knows which count columns exist.
 */
export function memberSatisfaction(values: MemberValues): number | undefined {
  if (values.satisfaction !== undefined) return values.satisfaction;
  const { satisfied, fairlySatisfied, basicallySatisfied, dissatisfied } = values;
  if (satisfied === undefined || dissatisfied === undefined) return undefined;
  const favourable = (satisfied ?? 0) + (fairlySatisfied ?? 0) + (basicallySatisfied ?? 0);
  const all = favourable + (dissatisfied ?? 0);
  return all > 0 ? (favourable / all) * 100 : undefined;
}
