import { makeStyles, tokens } from "@fluentui/react-components";

export const useStyles = makeStyles({
  pane: { display: "flex", flexDirection: "column", gap: "16px", padding: "12px", minWidth: "280px", boxSizing: "border-box" },
  section: { display: "flex", flexDirection: "column", gap: "8px" },
  row: { display: "flex", alignItems: "center", gap: "8px", flexWrap: "wrap" },
  muted: { color: tokens.colorNeutralForeground3 },
  mapping: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(120px, 1fr)", gap: "4px 8px", alignItems: "center" },
  header: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  counts: { display: "flex", flexWrap: "wrap", gap: "6px" },
  count: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    minWidth: "56px",
    padding: "4px 8px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  issues: { listStyleType: "none", margin: 0, padding: 0, maxHeight: "240px", overflowY: "auto" },
  issue: {
    display: "block",
    width: "100%",
    textAlign: "left",
    border: "none",
    background: "none",
    padding: "4px 2px",
    cursor: "pointer",
    font: "inherit",
    color: "inherit",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  form: { display: "flex", flexDirection: "column", gap: "8px" },
});
