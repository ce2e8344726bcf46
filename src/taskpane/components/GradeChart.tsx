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

const ROW = 22;
const LABEL = 88;
const WIDTH = 300;
const LEGEND = 20;

/** Stacked horizontal bars: grades per branch, inline SVG (no chart library). */
export function GradeChart({ branches, title }: { branches: BranchSummary[]; title: string }) {
  const max = Math.max(1, ...branches.map((b) => GRADES.reduce((n, g) => n + b.grades[g], 0)));
  const scale = (WIDTH - LABEL - 8) / max;
  const height = branches.length * ROW + LEGEND + 4;
  return (
    <svg role="img" aria-label={title} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" style={{ maxWidth: WIDTH }}>
      <title>{title}</title>
      {branches.map((branch, i) => {
        let x = LABEL;
        return (
          <g key={branch.branch} transform={`translate(0 ${i * ROW})`}>
            <text x={LABEL - 4} y={ROW / 2 + 4} textAnchor="end" fontSize="11">
              {branch.branch.length > 7 ? `${branch.branch.slice(0, 6)}…` : branch.branch}
            </text>
            {GRADES.map((grade) => {
              const n = branch.grades[grade];
              if (n === 0) return null;
              const w = n * scale;
              const rect = (
                <rect key={grade} x={x} y={3} width={w} height={ROW - 6} fill={GRADE_COLOURS[grade]} data-grade={grade}>
                  <title>{`${branch.branch} ${grade} ${n}`}</title>
                </rect>
              );
              x += w;
              return rect;
            })}
          </g>
        );
      })}
      <g transform={`translate(0 ${branches.length * ROW + 6})`}>
        {GRADES.map((grade, i) => (
          <g key={grade} transform={`translate(${i * 50} 0)`}>
            <rect width={10} height={10} fill={GRADE_COLOURS[grade]} />
            <text x={13} y={9} fontSize="9">
              {grade}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}
