import { useId } from "react";
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
/** Room right of the longest bar for its total, at least this much. */
const COUNT_MIN_W = 40;
const LEGEND_ROW = 18;
const LEGEND_FONT = 11;
/** Swatch and gap before a legend label. */
const SWATCH_W = 15;

/** About how wide a label is in SVG units at this font size: CJK characters square, others about 0.6 em. */
export function labelWidth(text: string, fontSize: number): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! >= 0x2e80 ? fontSize : fontSize * 0.6;
  return width;
}

/**
 * Stacked horizontal bars, grades per branch, as inline SVG (no chart library). Each branch name
 * sits on its own line above its bar, so long names are never cut to a few characters.
 * `description` is the text alternative: every branch's counts, for whoever cannot see the bars.
 */
export function GradeChart(props: { branches: BranchSummary[]; title: string; description?: string; gradeLabel(grade: Grade): string; totalLabel(count: number): string }) {
  const { branches, title, description, gradeLabel, totalLabel } = props;
  const descriptionId = useId();
  const totals = branches.map((b) => GRADES.reduce((n, g) => n + b.grades[g], 0));
  const max = Math.max(1, ...totals);
  // the longest bar's total must fit inside the box, whatever the language makes of "16 人"
  const countWidth = Math.max(COUNT_MIN_W, ...totals.map((n) => labelWidth(totalLabel(n), 11) + 8));
  const scale = (WIDTH - countWidth) / max;
  const legendTop = branches.length * ROW + 4;
  // three legend columns when every label fits in a third of the box, else two, else one
  const widest = Math.max(...GRADES.map((grade) => SWATCH_W + labelWidth(gradeLabel(grade), LEGEND_FONT) + 4));
  const legendCols = [3, 2, 1].find((cols) => WIDTH / cols >= widest) ?? 1;
  const height = legendTop + Math.ceil(GRADES.length / legendCols) * LEGEND_ROW;
  return (
    <svg role="img" aria-label={title} aria-describedby={description ? descriptionId : undefined} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" style={{ maxWidth: 420, display: "block" }} fontFamily="inherit">
      <title>{title}</title>
      {description && <desc id={descriptionId}>{description}</desc>}
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
                  <title>{`${branch.branch} ${gradeLabel(grade)} ${n}`}</title>
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
          <g key={grade} transform={`translate(${(i % legendCols) * (WIDTH / legendCols)} ${Math.floor(i / legendCols) * LEGEND_ROW})`} data-legend={grade}>
            <rect width={11} height={11} y={2} fill={GRADE_COLOURS[grade]} />
            <text x={SWATCH_W} y={12} fontSize={LEGEND_FONT} fill="#242424">
              {gradeLabel(grade)}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}
