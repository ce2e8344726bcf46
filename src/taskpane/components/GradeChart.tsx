import type { BranchSummary, Grade } from "../../engine";
import { GRADES } from "../../engine";

/** Bar colours per grade, close to Excel's good / neutral / bad fills. */
export const GRADE_COLOURS: Record<Grade, string> = {
  优秀: "#2E7D32",
  合格: "#81C784",
  基本合格: "#F9A825",
  不合格: "#C62828",
  待定: "#9E9E9E",
  不评定: "#CFD8DC",
};

/** Drawn in a 300-unit-wide box, about the pane's width, so 1 unit ≈ 1 px and 12 is 12 px text. */
const WIDTH = 300;
const LABEL_H = 15;
const BAR_H = 14;
const ROW = LABEL_H + BAR_H + 9;
const COUNT_W = 52;
const LEGEND_COLS = 3;
const LEGEND_ROW = 18;

/**
 * Stacked horizontal bars, grades per branch, as inline SVG (no chart library). Each branch name
 * sits on its own line above its bar, so long names are never cut to a few characters.
 */
export function GradeChart({ branches, title, totalLabel }: { branches: BranchSummary[]; title: string; totalLabel(count: number): string }) {
  const totals = branches.map((b) => GRADES.reduce((n, g) => n + b.grades[g], 0));
  const max = Math.max(1, ...totals);
  const scale = (WIDTH - COUNT_W) / max;
  const legendTop = branches.length * ROW + 4;
  const height = legendTop + Math.ceil(GRADES.length / LEGEND_COLS) * LEGEND_ROW;
  return (
    <svg role="img" aria-label={title} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" style={{ maxWidth: 420, display: "block" }} fontFamily="inherit">
      <title>{title}</title>
      {branches.map((branch, i) => {
        let x = 0;
        return (
          <g key={branch.branch} transform={`translate(0 ${i * ROW})`} data-branch={branch.branch}>
            <text x={0} y={LABEL_H - 3} fontSize="12" fill="#242424">
              {branch.branch}
            </text>
            {GRADES.map((grade) => {
              const n = branch.grades[grade];
              if (n === 0) return null;
              const w = n * scale;
              const rect = (
                <rect key={grade} x={x} y={LABEL_H} width={w} height={BAR_H} fill={GRADE_COLOURS[grade]} data-grade={grade}>
                  <title>{`${branch.branch} ${grade} ${n}`}</title>
                </rect>
              );
              x += w;
              return rect;
            })}
            <text x={x + 4} y={LABEL_H + BAR_H - 3} fontSize="11" fill="#616161">
              {totalLabel(totals[i])}
            </text>
          </g>
        );
      })}
      <g transform={`translate(0 ${legendTop})`}>
        {GRADES.map((grade, i) => (
          <g key={grade} transform={`translate(${(i % LEGEND_COLS) * (WIDTH / LEGEND_COLS)} ${Math.floor(i / LEGEND_COLS) * LEGEND_ROW})`}>
            <rect width={11} height={11} y={2} fill={GRADE_COLOURS[grade]} />
            <text x={15} y={12} fontSize="12" fill="#242424">
              {grade}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}
