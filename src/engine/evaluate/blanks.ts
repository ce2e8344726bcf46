import type { DataIssue, FieldId, IssueCode, MemberResult, RecognisedTable, RuleId } from "../types";
import type { RuleSet, StageCheck } from "../rules/schema";
import { blankCellOf, ValuesCursor } from "../read/member";
import { FIELD_LABELS, RULE_LABELS } from "../plan/labels";

/**
 * Blank entries as a list (CAMPAIGN_RULES §1: blank is 未录入, never no or 0): for every rule a
 * member's blank cell holds up, one data issue at that cell, naming the field and the rule. The
 * list comes grouped per field (fields in rule order, members in roster order) and goes after
 * the other issues. A cell already reported as unusable is not listed again, and neither are a
 * 预备党员's ballot cells (预备党员 are not graded).
 */

/** The fields listed, in the order their groups appear. */
const ORDER = [
  "batch",
  "studyHours",
  "concentratedDays",
  "sessionsDue",
  "sessionsAttended",
  "monthsAbsent",
  "analysisSubmitted",
  "satisfaction",
  "satisfied",
  "fairlySatisfied",
  "basicallySatisfied",
  "dissatisfied",
  "rectified",
  "applicationSubmitted",
  "proposedGrade",
  "votesFor",
  "votesExcellent",
  "votesQualified",
  "votesBasic",
  "votesUnqualified",
  "votersDue",
  "votersPresent",
  "approved",
  "publicized",
  "excellentNominated",
  "disciplined",
] as const satisfies readonly FieldId[];
type Listed = (typeof ORDER)[number];

/** What a blank cell holds up: zh for the issues sheet, en for an English pane. */
interface Holds {
  holds: string;
  holdsEn: string;
}

function rule(id: RuleId, what = `${RULE_LABELS[id]}无法判定`): Holds {
  return { holds: `${id} ${what}`, holdsEn: `rule ${id} cannot be decided` };
}

/** The ballot's counts of voters hold up several rules at once. */
function ballotRules(ids: string, idsEn: string): Holds {
  return { holds: `${ids} 票决结果无法判定`, holdsEn: `rules ${idsEn} cannot be decided` };
}

function stage(name: string): Holds {
  return { holds: `“${name}”阶段无法完成`, holdsEn: `stage “${name}” cannot be completed` };
}

const BATCH_HOLDS: Holds = { holds: "阶段时间按统一的批次开始日期计算", holdsEn: "stage dates follow the common batch start date" };

export interface BlankInput {
  results: readonly MemberResult[];
  present: ReadonlySet<FieldId>;
  rules: RuleSet;
  /** The recognised tables (which sheet holds a field a member has no row for). */
  tables: readonly RecognisedTable[];
  /** The headers as the user wrote them, for the messages. */
  headers: Partial<Record<FieldId, string>>;
  /** Issues found so far: a cell they name is not listed again. */
  issues: readonly DataIssue[];
}

/** The first stage that requires `check`, or undefined. */
function stageWith(rules: RuleSet, check: StageCheck): string | undefined {
  return rules.stages.list.find((s) => s.checks.includes(check))?.name;
}

const U = "未录入";

export function listBlankEntries(input: BlankInput): DataIssue[] {
  const { results, present, rules } = input;
  const has = (f: FieldId) => present.has(f);
  const hasRate = has("satisfaction");
  const countsOn = has("satisfied") && has("dissatisfied");
  const anyBallot = has("votesFor") || has("votesExcellent") || has("votesQualified") || has("votesBasic") || has("votesUnqualified");
  const reviewStage = has("analysisSubmitted") ? stageWith(rules, "review") : undefined;
  const rectifyStage = has("rectified") ? stageWith(rules, "rectify") : undefined;
  const hasBatch = has("batch");
  const hasPublicized = has("publicized") && has("approved");
  const hasProposed = has("proposedGrade");
  const hasVotesFor = has("votesFor");
  const hasNominated = has("excellentNominated");
  const hasFairly = has("fairlySatisfied");
  const hasBasically = has("basicallySatisfied");
  const gradeVotes = (["votesExcellent", "votesQualified", "votesBasic", "votesUnqualified"] as const).filter(has);

  const holds: Partial<Record<Listed, Holds>> = {
    batch: BATCH_HOLDS,
    studyHours: rule("R1"),
    concentratedDays: rule("R2"),
    sessionsDue: rule("R3"),
    sessionsAttended: rule("R3"),
    monthsAbsent: rule("R4"),
    satisfaction: rule("R5"),
    satisfied: rule("R5"),
    fairlySatisfied: rule("R5"),
    basicallySatisfied: rule("R5"),
    dissatisfied: rule("R5"),
    applicationSubmitted: rule("R6"),
    proposedGrade: anyBallot ? rule("R8") : rule("R13", "评议等次无法确定"),
    votesFor: rule("R8"),
    votesExcellent: rule("R9"),
    votesQualified: rule("R9"),
    votesBasic: rule("R9"),
    votesUnqualified: rule("R9"),
    votersDue: ballotRules("R7–R9", "R7–R9"),
    votersPresent: ballotRules("R7、R10", "R7 and R10"),
    approved: rule("R11", "上级审批无法判定，等次待审批"),
    publicized: rule("R11", "公示情况无法判定，等次待公示"),
    excellentNominated: rule("R14"),
    disciplined: rule("R16"),
  };
  if (reviewStage !== undefined) holds.analysisSubmitted = stage(reviewStage);
  if (rectifyStage !== undefined) holds.rectified = stage(rectifyStage);

  // Members (by index) whose cell is blank, per field: one list per field (named in ORDER's
  // order), so the loop over 160,000 members pushes onto a local rather than looking a field up.
  const groups: number[][] = ORDER.map(() => []);
  const [batch, hours, days, due, attended, absent, analysis, rate, satisfied, fairly, basically, dissatisfied, rectified, application, proposed, votesFor, excellent, qualified, basic, unqualified, votersDue, votersPresent, approved, publicized, nominated, disciplined] = groups;
  const votesByGrade = { votesExcellent: excellent, votesQualified: qualified, votesBasic: basic, votesUnqualified: unqualified };
  const gradeVoteLists = gradeVotes.map((field) => votesByGrade[field]);
  const cursor = new ValuesCursor();
  for (let i = 0; i < results.length; i++) {
    const r = results[i];
    const s = r.statuses;
    const v = cursor.of(r.member);
    if (hasBatch && v.batch === undefined) batch.push(i);
    if (s.R1 === U) hours.push(i);
    if (s.R2 === U) days.push(i);
    if (s.R3 === U) {
      if (v.sessionsDue === undefined) due.push(i);
      if (v.sessionsAttended === undefined) attended.push(i);
    }
    if (s.R4 === U) absent.push(i);
    if (reviewStage !== undefined && v.analysisSubmitted === undefined) analysis.push(i);
    if (s.R5 === U) {
      if (hasRate && v.satisfaction === undefined) rate.push(i);
      if (countsOn) {
        if (v.satisfied === undefined) satisfied.push(i);
        if (hasFairly && v.fairlySatisfied === undefined) fairly.push(i);
        if (hasBasically && v.basicallySatisfied === undefined) basically.push(i);
        if (v.dissatisfied === undefined) dissatisfied.push(i);
      }
    }
    if (rectifyStage !== undefined && v.rectified === undefined) rectified.push(i);
    if (s.R6 === U) application.push(i);
    if (s.R16 === U) disciplined.push(i);
    // 预备党员 are not graded: their ballot, approval and 公示 cells hold nothing up.
    if (r.grade === "不评定") continue;
    // Statuses first: most members have nothing blank here, and a status costs less to look at than a value.
    const r7 = s.R7 === U;
    const r8 = s.R8 === U;
    const r9 = s.R9 === U;
    if ((anyBallot ? r8 : s.R13 === U) && hasProposed && v.proposedGrade === undefined) proposed.push(i);
    if (r8 && hasVotesFor && v.votesFor === undefined) votesFor.push(i);
    if (r9 && v.votesExcellent === undefined && v.votesQualified === undefined && v.votesBasic === undefined && v.votesUnqualified === undefined) {
      for (const list of gradeVoteLists) list.push(i);
    }
    if ((r7 || r8 || r9) && v.votersDue === undefined) votersDue.push(i);
    if ((r7 || s.R10 === U) && v.votersPresent === undefined) votersPresent.push(i);
    if (s.R11 === U) {
      if (v.approved === undefined) approved.push(i);
      else if (hasPublicized && v.publicized === undefined) publicized.push(i);
    }
    if (s.R14 === U && hasNominated && v.excellentNominated === undefined) nominated.push(i);
  }
  return issuesFor(input, groups, holds);
}

/** Sheet → cell → the code of the issue already at that cell. */
function issueCells(issues: readonly DataIssue[]): Map<string, Map<string, IssueCode>> {
  const at = new Map<string, Map<string, IssueCode>>();
  for (const issue of issues) {
    if (issue.cell === "") continue;
    let cells = at.get(issue.sheet);
    if (cells === undefined) at.set(issue.sheet, (cells = new Map()));
    if (!cells.has(issue.cell)) cells.set(issue.cell, issue.code);
  }
  return at;
}

function issuesFor(input: BlankInput, groups: number[][], holds: Partial<Record<Listed, Holds>>): DataIssue[] {
  const { results } = input;
  const reported = issueCells(input.issues);
  const out: DataIssue[] = [];
  for (let g = 0; g < ORDER.length; g++) {
    const field = ORDER[g];
    const members = groups[g];
    const what = holds[field];
    if (members.length === 0 || what === undefined) continue;
    const { holds: text, holdsEn } = what;
    const header = input.headers[field] ?? FIELD_LABELS[field];
    const table = input.tables.find((t) => !t.isRoster && t.columns[field] !== undefined)?.sheet ?? "";
    for (let n = 0; n < members.length; n++) {
      const member = results[members[n]].member;
      const cell = blankCellOf(member, field);
      if (cell !== undefined) {
        const there = reported.size === 0 ? undefined : reported.get(cell.sheet);
        if (there !== undefined && there.has(cell.cell)) continue;
        // attended above due: both were entered, and both are already reported as one problem
        if (field === "sessionsDue" && reportedAttendance(member, reported)) continue;
        out.push({ code: "NOT_ENTERED", sheet: cell.sheet, cell: cell.cell, params: { field: header, name: member.name, holds: text, holdsEn } });
      } else {
        const name = blankCellOf(member, "name");
        out.push({
          code: "NOT_ENTERED_NO_ROW",
          sheet: name?.sheet ?? member.sheet,
          cell: name?.cell ?? "",
          params: { field: header, name: member.name, table, holds: text, holdsEn },
        });
      }
    }
  }
  return out;
}

function reportedAttendance(member: MemberResult["member"], reported: ReadonlyMap<string, ReadonlyMap<string, IssueCode>>): boolean {
  const cell = blankCellOf(member, "sessionsAttended");
  return cell !== undefined && reported.get(cell.sheet)?.get(cell.cell) === "ATTENDED_EXCEEDS_DUE";
}
