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
  const memberBranch = new Array<number>(results.length);
  for (let i = 0; i < results.length; i++) {
    const label = branchLabel(results[i]);
    let index = branchOrder.get(label);
    if (index === undefined) {
      index = branchOrder.size;
      branchOrder.set(label, index);
    }
    memberBranch[i] = index;
  }
  const labels = [...branchOrder.keys()];

  return windows.map((window, stageIndex) => {
    const completedBy = new Array<number>(labels.length).fill(0);
    const membersBy = new Array<number>(labels.length).fill(0);
    for (let i = 0; i < results.length; i++) {
      membersBy[memberBranch[i]]++;
      if (results[i].stagesCompleted[stageIndex] === true) completedBy[memberBranch[i]]++;
    }
    const byBranch: StageBranchSummary[] = labels.map((branch, b) => ({
      stage: window.name,
      branch,
      completed: completedBy[b],
      notCompleted: membersBy[b] - completedBy[b],
    }));
    const completed = completedBy.reduce((sum, n) => sum + n, 0);
    return {
      name: window.name,
      start: window.start,
      end: window.end,
      status: window.status,
      completed,
      notCompleted: results.length - completed,
      byBranch,
      skippedChecks: [...(skipped[stageIndex] ?? [])],
    };
  });
}
