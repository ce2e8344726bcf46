export { summariseBranches, emptyBranchSummary, branchLabel, type BranchSummaries } from "./branches";
export { summariseStages } from "./stages";
export { assessUnitSurveys } from "./unitSurveys";
export { memberSatisfaction } from "./satisfaction";
