export { summariseBranches, emptyBranchSummary, branchLabel, type BranchSummaries } from "./branches";
export { summariseStages } from "./stages";
export { assessUnitSurveys } from "./unitSurveys";
export { memberSatisfaction } from "./satisfaction";
export { todoList, TODO_GROUPS, type TodoList, type TodoGroup, type TodoGroupId, type TodoEntry, type TodoBranchEntry } from "./todo";
