import type { MemberResult, StageBranchSummary, StageSummary, StageWindow } from "../types";
import { branchLabel } from "./branches";

/**
 * Per stage: members who completed it and who have not, overall and per branch (branches in
 * the order first met), with the stage's window and status and the checks skipped for it.
 */
export function summariseStages(
  results: readonly MemberResult[],
  windows: readonly StageWindow[],
  skipped: readonly (readonly string[])[],
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
  // One pass over the members for every stage at once.
  const membersBy = new Array<number>(labels.length).fill(0);
  const completedBy = windows.map(() => new Array<number>(labels.length).fill(0));
  for (let i = 0; i < results.length; i++) {
    const b = memberBranch[i];
    membersBy[b]++;
    const done = results[i].stagesCompleted;
    for (let stage = 0; stage < completedBy.length; stage++) if (done[stage] === true) completedBy[stage][b]++;
  }

  return windows.map((window, stageIndex) => {
    const completed = completedBy[stageIndex];
    const byBranch: StageBranchSummary[] = labels.map((branch, b) => ({
      stage: window.name,
      branch,
      completed: completed[b],
      notCompleted: membersBy[b] - completed[b],
    }));
    const all = completed.reduce((sum, n) => sum + n, 0);
    return {
      name: window.name,
      start: window.start,
      end: window.end,
      status: window.status,
      completed: all,
      notCompleted: results.length - all,
      byBranch,
      skippedChecks: [...(skipped[stageIndex] ?? [])],
    };
  });
}
