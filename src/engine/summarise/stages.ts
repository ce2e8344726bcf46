import type { MemberResult, StageBranchSummary, StageSummary, StageWindow } from "../types";
import { BATCHES, NO_BATCH_LABEL, type BatchName } from "../stages/batches";
import { ValuesCursor } from "../read/member";
import { branchLabel } from "./branches";

/** The stage windows of a batch; undefined asks for those of the one batch start. */
export type BatchWindows = (batch: BatchName | undefined) => StageWindow[];

/** A member's group: 0–2 for 第一批 … 第三批, 3 for a blank or unknown 批次. */
const NO_BATCH = BATCHES.length;

function groupOf(batch: string | undefined): number {
  for (let g = 0; g < BATCHES.length; g++) if (BATCHES[g].name === batch) return g;
  return NO_BATCH;
}

/**
 * Per stage: members who completed it and who have not, overall and per branch (branches in
 * the order first met), with the stage's window and status and the checks skipped for it.
 *
 * Given `batchWindows` (the workbook has a 批次 column), the same per batch × stage × branch:
 * members are grouped by their batch (第一批, 第二批, 第三批, then 未填批次 for a blank or
 * unknown one), each group with its own windows; a branch is listed under the batches its
 * members belong to. Without it, one group (batch "") with `windows`.
 */
export function summariseStages(
  results: readonly MemberResult[],
  windows: readonly StageWindow[],
  skipped: readonly (readonly string[])[],
  batchWindows?: BatchWindows,
): StageSummary[] {
  const branchOrder = new Map<string, number>();
  const memberBranch = new Int32Array(results.length);
  let label = "";
  let index = -1;
  for (let i = 0; i < results.length; i++) {
    const next = branchLabel(results[i]);
    if (index < 0 || next !== label) {
      label = next;
      index = branchOrder.get(label) ?? -1;
      if (index < 0) {
        index = branchOrder.size;
        branchOrder.set(label, index);
      }
    }
    memberBranch[i] = index;
  }
  const labels = [...branchOrder.keys()];
  const groups = batchWindows === undefined ? 1 : NO_BATCH + 1;
  const stages = windows.length;
  // One pass over the members for every group and stage at once.
  const membersBy = Array.from({ length: groups }, () => new Array<number>(labels.length).fill(0));
  const completedBy = Array.from({ length: groups * stages }, () => new Array<number>(labels.length).fill(0));
  const cursor = batchWindows === undefined ? undefined : new ValuesCursor();
  for (let i = 0; i < results.length; i++) {
    const b = memberBranch[i];
    const g = cursor === undefined ? 0 : groupOf(cursor.of(results[i].member).batch);
    membersBy[g][b]++;
    const done = results[i].stagesCompleted;
    for (let stage = 0; stage < stages; stage++) if (done[stage] === true) completedBy[g * stages + stage][b]++;
  }

  const out: StageSummary[] = [];
  for (let g = 0; g < groups; g++) {
    const members = membersBy[g];
    const size = members.reduce((sum, n) => sum + n, 0);
    if (batchWindows !== undefined && size === 0) continue;
    const batch = batchWindows === undefined ? "" : g === NO_BATCH ? NO_BATCH_LABEL : BATCHES[g].name;
    const own = batchWindows === undefined ? windows : batchWindows(g === NO_BATCH ? undefined : BATCHES[g].name);
    own.forEach((window, stageIndex) => {
      const completed = completedBy[g * stages + stageIndex];
      const byBranch: StageBranchSummary[] = [];
      labels.forEach((branch, b) => {
        if (batchWindows !== undefined && members[b] === 0) return;
        byBranch.push({ batch, stage: window.name, branch, completed: completed[b], notCompleted: members[b] - completed[b] });
      });
      const all = completed.reduce((sum, n) => sum + n, 0);
      out.push({
        batch,
        name: window.name,
        start: window.start,
        end: window.end,
        status: window.status,
        completed: all,
        notCompleted: size - all,
        byBranch,
        skippedChecks: [...(skipped[stageIndex] ?? [])],
      });
    });
  }
  // A 批次 column and no member at all: the stages are still listed, from the one batch start.
  return out.length > 0 || batchWindows === undefined ? out : summariseStages(results, windows, skipped);
}
