import type { DataIssue, DecidedGrade, FieldId, MemberRecord, MemberValues } from "../types";
import type { EvalContext } from "./context";
import { asWritten } from "./text";
import { cellOf } from "../read/member";
import type { MemberWork } from "./work";

function issueAt(
  m: MemberRecord,
  field: FieldId,
  code: DataIssue["code"],
  value: number,
  params: Record<string, string | number>,
): DataIssue {
  const ref = cellOf(m, field);
  return { code, sheet: ref ? ref.sheet : m.sheet, cell: ref ? ref.cell : "", value: String(value), params };
}

/** Sum of the entered values; undefined when none is entered. */
function sumEntered(a?: number, b?: number, c?: number, d?: number): number | undefined {
  if (a === undefined && b === undefined && c === undefined && d === undefined) return undefined;
  return (a ?? 0) + (b ?? 0) + (c ?? 0) + (d ?? 0);
}

const GRADE_VOTE_FIELDS: FieldId[] = ["votesExcellent", "votesQualified", "votesBasic", "votesUnqualified"];

function firstEntered(values: MemberValues, fields: FieldId[]): FieldId {
  const v = values as Record<string, unknown>;
  for (const f of fields) if (v[f] !== undefined) return f;
  return fields[0];
}

/** The votes a grade received in a ballot by grade. */
function gradeVotes(v: MemberValues, grade: DecidedGrade): number {
  const votes = grade === "优秀" ? v.votesExcellent : grade === "合格" ? v.votesQualified : grade === "基本合格" ? v.votesBasic : v.votesUnqualified;
  return votes ?? 0;
}

/** R9: the one grade whose votes exceed share × due; a tie at the top is no majority. */
function gradeByVotes(v: MemberValues, limit: number): DecidedGrade | undefined {
  let best: DecidedGrade | undefined;
  let bestVotes = -1;
  let tie = false;
  const consider = (grade: DecidedGrade, votes: number | undefined) => {
    if (votes === undefined || votes <= limit) return;
    if (votes > bestVotes) {
      best = grade;
      bestVotes = votes;
      tie = false;
    } else if (votes === bestVotes) tie = true;
  };
  consider("优秀", v.votesExcellent);
  consider("合格", v.votesQualified);
  consider("基本合格", v.votesBasic);
  consider("不合格", v.votesUnqualified);
  return tie ? undefined : best;
}

/**
 * R7–R10 (and the no-ballot fallback): the preliminary grade a valid decision produced, or
 * undefined with the reason added. Bad ballot data becomes a DataIssue and the ballot is not used.
 */
export function decideGrade(m: MemberRecord, v: MemberValues, ctx: EvalContext, w: MemberWork, issues: DataIssue[]): DecidedGrade | undefined {
  const s = w.statuses;
  if (!ctx.anyBallot) {
    if (!ctx.hasProposed) return undefined;
    if (v.proposedGrade === undefined) {
      w.reasons.push("支部建议等次未录入，等次待定");
      return undefined;
    }
    w.reasons.push(`表中没有票决结果，以支部建议等次“${v.proposedGrade}”作为初步等次`);
    return v.proposedGrade;
  }

  const proposal = ctx.hasVotesFor && v.votesFor !== undefined && ctx.hasProposed && v.proposedGrade !== undefined;
  const byGrade =
    !proposal &&
    ctx.hasGradeVotes &&
    (v.votesExcellent !== undefined || v.votesQualified !== undefined || v.votesBasic !== undefined || v.votesUnqualified !== undefined);
  if (ctx.hasPresent) s.R10 = "未录入";
  if (ctx.hasDue && ctx.hasPresent) s.R7 = "未录入";
  if (ctx.hasVotesFor && ctx.hasProposed && ctx.hasDue) s.R8 = proposal ? "达标" : "未录入";
  if (ctx.hasGradeVotes && ctx.hasDue) s.R9 = byGrade ? "达标" : "未录入";
  if (proposal) s.R9 = "不适用";
  if (byGrade) s.R8 = "不适用";

  if (!proposal && !byGrade) {
    let why = "票决结果未录入，等次待定";
    if (ctx.hasVotesFor && v.votesFor !== undefined) {
      why = ctx.hasProposed ? "支部建议等次未录入，赞成票无从对应，等次待定" : "表中没有支部建议等次列，赞成票无从对应，等次待定";
    }
    w.reasons.push(why);
    return undefined;
  }

  // R10: the ballot's own numbers must be possible.
  const due = v.votersDue;
  const present = v.votersPresent;
  const cast = proposal
    ? sumEntered(v.votesFor, v.votesAgainst, v.votesAbstain)
    : sumEntered(v.votesExcellent, v.votesQualified, v.votesBasic, v.votesUnqualified);
  let insane = false;
  if (present !== undefined && cast !== undefined && cast > present) {
    const field = proposal ? "votesFor" : firstEntered(v, GRADE_VOTE_FIELDS);
    // The issue points at one vote cell: show what that cell holds; the message gives the total.
    const held = (v as Record<string, unknown>)[field] as number;
    issues.push(issueAt(m, field, "BALLOT_VOTES_EXCEED_PRESENT", held, { name: m.name, cast, present }));
    insane = true;
  }
  if (present !== undefined && due !== undefined && present > due) {
    issues.push(issueAt(m, "votersPresent", "BALLOT_PRESENT_EXCEEDS_DUE", present, { name: m.name, present, due }));
    insane = true;
  }
  if (insane) {
    s.R10 = "未达标";
    s.R7 = "不适用";
    if (proposal) s.R8 = "不适用";
    else s.R9 = "不适用";
    w.reasons.push("票决数据有误（票数或人数不可能成立，见数据问题），票决未使用，等次待定");
    return undefined;
  }
  if (present !== undefined) s.R10 = "达标";

  // R7: quorum.
  if (due !== undefined && present !== undefined && ctx.hasDue && ctx.hasPresent) {
    if (present > ctx.rules.ballot.quorumShare * due) s.R7 = "达标";
    else {
      s.R7 = "未达标";
      if (proposal) s.R8 = "不适用";
      else s.R9 = "不适用";
      const of = ctx.quorumText === "半数" ? "半数" : `的${ctx.quorumText}`;
      w.reasons.push(`票决无效（实到 ${asWritten(present)} 人未过应到 ${asWritten(due)} 人${of}），等次待定`);
      return undefined;
    }
  }

  if (!ctx.hasDue || due === undefined) {
    if (proposal && ctx.hasDue) s.R8 = "未录入";
    if (byGrade && ctx.hasDue) s.R9 = "未录入";
    w.reasons.push(ctx.hasDue ? "应到人数未录入，无法判定票决结果，等次待定" : "表中没有应到人数，无法判定票决结果，等次待定");
    return undefined;
  }

  const limit = ctx.rules.ballot.passShare * due;
  w.decidedDue = due;
  w.decidedByProposal = proposal;
  if (proposal) {
    const votesFor = v.votesFor as number;
    if (votesFor > limit) {
      w.decidedVotes = votesFor;
      return v.proposedGrade;
    }
    s.R8 = "未达标";
    w.reasons.push(`赞成 ${asWritten(votesFor)} 票未超过应到 ${asWritten(due)} 人的${ctx.passText}，支部建议未通过，待支委会复议`);
    return undefined;
  }
  const grade = gradeByVotes(v, limit);
  if (grade !== undefined) {
    w.decidedVotes = gradeVotes(v, grade);
    return grade;
  }
  s.R9 = "未达标";
  const tied = tiedAtTop(v, limit);
  w.reasons.push(
    tied.length > 1
      ? `${tied.map((g) => `“${g}”`).join("与")}得票并列（各 ${asWritten(gradeVotes(v, tied[0]))} 票，均超过应到 ${asWritten(due)} 人的${ctx.passText}），未形成多数，待支委会研究`
      : `各等次得票均未超过应到 ${asWritten(due)} 人的${ctx.passText}，未形成多数，待支委会研究`,
  );
  return undefined;
}

/** The grades sharing the most votes above the limit (two or more: a tie, which R9 does not break). */
function tiedAtTop(v: MemberValues, limit: number): DecidedGrade[] {
  const grades: DecidedGrade[] = ["优秀", "合格", "基本合格", "不合格"];
  const passing = grades.filter((g) => gradeVotes(v, g) > limit);
  const top = Math.max(...passing.map((g) => gradeVotes(v, g)));
  return passing.filter((g) => gradeVotes(v, g) === top);
}
