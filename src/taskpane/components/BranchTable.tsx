import { Fragment, useState } from "react";
import { Badge, Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from "@fluentui/react-components";
import { GRADES, type BranchSummary, type RuleSet } from "../../engine";
import { shareText } from "../../engine/evaluate/text";
import { usePane, useT } from "../context";
import { useStyles } from "../styles";

/** The pane lists this many branches; a whole city's hundreds are on the summary sheet. */
export const TABLE_BRANCHES = 60;

export const percent = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 1000) / 10}%`);
const decimal = (n: number | null) => (n === null ? "—" : String(Math.round(n * 10) / 10));

interface RowProps {
  branch: BranchSummary;
  /** 合计 for the total row. */
  label?: string;
  /** What the 优秀超限 badge says, or null when the branch is within its cap. */
  overCap: string | null;
  maxShare: number;
}

/** A rate with what it is taken over under it: "86.7%" over "已录入 15 / 16". */
function Rate({ value, entered, members }: { value: string; entered: number; members: number }) {
  const t = useT();
  const styles = useStyles();
  return (
    <>
      <Text size={200}>{value}</Text>
      <span className={styles.basis}>{t("ui.results.entered", { entered, members })}</span>
    </>
  );
}

function Details({ branch, maxShare }: { branch: BranchSummary; maxShare: number }) {
  const t = useT();
  const { locale } = usePane();
  const styles = useStyles();
  const grades = GRADES.filter((grade) => branch.grades[grade] > 0)
    .map((grade) => t("ui.results.detailGrade", { grade: t(`grade.${grade}`), count: branch.grades[grade] }))
    .join(locale === "en" ? ", " : "，");
  const lines = [
    t("ui.results.detailFormal", { formal: branch.formal, probationary: branch.probationary }),
    t("ui.results.detailGrades", { grades: grades || "—" }),
    t("ui.results.detailExcellent", { count: branch.grades.优秀, cap: branch.excellentCap, share: locale === "en" ? `${Math.round(maxShare * 1000) / 10}%` : shareText(maxShare) }),
    t("ui.results.detailPending", { approval: branch.pendingApproval, publicity: branch.pendingPublicity }),
    t("ui.results.detailHours", { hours: decimal(branch.averageHours), entered: branch.studyEntered, members: branch.members }),
    t("ui.results.detailBelow", { count: branch.satisfactionBelow, entered: branch.satisfactionEntered, members: branch.members }),
    t("ui.results.detailApplication", { count: branch.noApplication, entered: branch.applicationEntered, members: branch.members }),
    t("ui.results.detailOpen", { count: branch.openActions }),
  ];
  return (
    <ul className={styles.details}>
      {lines.map((line) => (
        <li key={line}>
          <Text size={200}>{line}</Text>
        </li>
      ))}
    </ul>
  );
}

function BranchRow({ branch, label, overCap, maxShare }: RowProps) {
  const t = useT();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const name = label ?? branch.branch;
  const detailsId = `branch-details-${encodeURIComponent(name)}`;
  return (
    <Fragment>
      <TableRow data-branch={name}>
        <TableCell className={styles.branchName}>
          <Text size={200} weight="semibold">
            {name}
          </Text>{" "}
          <Text size={100} className={styles.muted}>
            {t("ui.results.memberCount", { count: branch.members })}
          </Text>
          {overCap !== null && (
            <>
              {" "}
              <Badge size="small" appearance="filled" color="danger" data-testid="over-cap">
                {overCap}
              </Badge>
            </>
          )}
        </TableCell>
        <TableCell className={styles.rateCell}>
          <Rate value={percent(branch.studyComplianceRate)} entered={branch.studyEntered} members={branch.members} />
        </TableCell>
        <TableCell className={styles.rateCell}>
          <Rate value={decimal(branch.averageSatisfaction)} entered={branch.satisfactionEntered} members={branch.members} />
        </TableCell>
        <TableCell className={styles.toggleCell}>
          <Button
            size="small"
            appearance="subtle"
            aria-expanded={open}
            aria-controls={open ? detailsId : undefined}
            aria-label={t("ui.results.detailsFor", { branch: name })}
            title={t("ui.results.details")}
            onClick={() => setOpen(!open)}
            style={{ minWidth: 0, padding: "0 6px" }}
          >
            {open ? "▾" : "▸"}
          </Button>
        </TableCell>
      </TableRow>
      {open && (
        <TableRow id={detailsId} data-details={name}>
          <TableCell colSpan={4}>
            <Details branch={branch} maxShare={maxShare} />
          </TableCell>
        </TableRow>
      )}
    </Fragment>
  );
}

/**
 * 各支部情况, laid out for a 320 px pane: branch (with its members and the 优秀超限 badge), the
 * study rate and the average satisfaction each over the cells entered, and the rest behind a
 * details button per row.
 */
export function BranchTable({ branches, total, rules }: { branches: BranchSummary[]; total: BranchSummary; rules: RuleSet }) {
  const t = useT();
  const styles = useStyles();
  const over = branches.filter((branch) => branch.excellentOverCap).length;
  const maxShare = rules.excellent.maxShare;
  return (
    <div className={styles.tableBox} data-testid="branch-table">
      <Table size="extra-small" className={styles.branchTable} aria-label={t("ui.results.branches")}>
        <TableHeader className={styles.stickyHeader}>
          <TableRow>
            <TableHeaderCell>{t("ui.results.branch")}</TableHeaderCell>
            <TableHeaderCell className={styles.rateCell}>{t("ui.results.studyRate")}</TableHeaderCell>
            <TableHeaderCell className={styles.rateCell}>{t("ui.results.avgSatisfaction")}</TableHeaderCell>
            <TableHeaderCell className={styles.toggleCell} aria-label={t("ui.results.details")} />
          </TableRow>
        </TableHeader>
        <TableBody>
          {branches.slice(0, TABLE_BRANCHES).map((branch) => (
            <BranchRow key={branch.branch} branch={branch} overCap={branch.excellentOverCap ? t("ui.results.overCap") : null} maxShare={maxShare} />
          ))}
          <BranchRow branch={total} label={t("ui.results.total")} overCap={over > 0 ? t("ui.results.branchesOver", { count: over }) : null} maxShare={maxShare} />
        </TableBody>
      </Table>
    </div>
  );
}
