import { useState } from "react";
import { Button, Dropdown, MessageBar, MessageBarBody, Option, Spinner, Text } from "@fluentui/react-components";
import { FIELD_LABELS, type ColumnOverrides, type FieldId, type RecognisedTable } from "../../engine";
import { usePane, useT } from "../context";
import { effectiveColumns, headerRows, mappingNeedsReview, overrideCount, setColumnField, unrecognisedHeaders } from "../mapping";
import type { RecognitionState } from "../useRecognition";
import { sheetList, userSheetNames } from "../sheetNames";
import { useStyles } from "../styles";
import { StepSection } from "./StepSection";

const FIELDS = Object.keys(FIELD_LABELS) as FieldId[];
const UNUSED = "";
const EDITOR_ID = "mapping-editor";

interface Props {
  state: RecognitionState;
  overrides: ColumnOverrides;
  onOverridesChange(overrides: ColumnOverrides): void;
  /** Saving the mappings in the workbook failed: why. */
  saveProblem?: string | null;
  onRefresh(): void;
}

type Ready = Extract<RecognitionState, { phase: "ready" }>;

function tableLabel(t: ReturnType<typeof useT>, table: RecognisedTable): string {
  return t("ui.recognise.table", { sheet: table.sheet, row: table.headerRow + 1, rows: table.dataRows.length });
}

function TableMapping(props: { table: RecognisedTable; state: Ready; overrides: ColumnOverrides; onChange(o: ColumnOverrides): void }) {
  const { table, overrides } = props;
  const t = useT();
  const styles = useStyles();
  const grid = props.state.input.sheets.find((s) => s.name === table.sheet);
  const rows = headerRows(table, grid, overrides);
  const taken = effectiveColumns(table, overrides);
  // an unrecognised header, and the fields it may have been meant for that nothing took yet
  const flagged = new Map(unrecognisedHeaders(table, overrides).map((h) => [h.col, (h.mayBe ?? []).filter((field) => !taken.has(field))]));
  const flag = (col: number) => {
    const mayBe = flagged.get(col);
    if (mayBe === undefined) return null;
    const text =
      mayBe.length > 0
        ? t("ui.recognise.unrecognisedMaybe", { fields: mayBe.map((field) => `“${t(`field.${field}`)}”`).join(t("ui.recognise.or")) })
        : t("ui.recognise.unrecognised");
    return <span className={styles.warning}>{text}</span>;
  };
  const label = tableLabel(t, table);
  return (
    <div className={styles.section}>
      <Text weight="semibold" size={200}>
        {table.sheet}
      </Text>
      <div className={styles.mapping} role="group" aria-label={label}>
        <Text size={100} className={styles.muted} aria-hidden>
          {t("ui.recognise.header")}
        </Text>
        <Text size={100} className={styles.muted} aria-hidden>
          {t("ui.recognise.field")}
        </Text>
        {rows.map((row) => {
          const value = row.field ? t(`field.${row.field}`) : t("ui.recognise.unused");
          return [
            <Text key={`h${row.col}`} size={200} className={styles.header} title={`${row.letter} ${row.header}`}>
              {row.letter} {row.header || "—"}
              {flag(row.col)}
            </Text>,
            <Dropdown
              key={`d${row.col}`}
              size="small"
              className={styles.dropdown}
              button={{ className: styles.dropdownButton, children: <span className={styles.dropdownValue}>{value}</span> }}
              aria-label={t(row.header ? "ui.recognise.mapFor" : "ui.recognise.mapForColumn", { header: row.header, sheet: table.sheet, column: row.letter })}
              value={value}
              selectedOptions={[row.field ?? UNUSED]}
              onOptionSelect={(_, data) => {
                const field = (data.optionValue ?? UNUSED) === UNUSED ? null : (data.optionValue as FieldId);
                props.onChange(setColumnField(overrides, table, row.col, field));
              }}
            >
              <Option value={UNUSED}>{t("ui.recognise.unused")}</Option>
              {FIELDS.map((field) => (
                <Option key={field} value={field}>
                  {t(`field.${field}`)}
                </Option>
              ))}
            </Dropdown>,
          ];
        })}
      </div>
    </div>
  );
}

/** One line per table, a status line, and the mapping editor behind a disclosure button. */
function Recognised({ state, overrides, onChange }: { state: Ready; overrides: ColumnOverrides; onChange(o: ColumnOverrides): void }) {
  const t = useT();
  const styles = useStyles();
  // the user's choice holds for the tables it was made on; a new recognition decides afresh
  const [choice, setChoice] = useState<{ tables: RecognisedTable[]; open: boolean } | null>(null);
  const open = choice && choice.tables === state.tables ? choice.open : mappingNeedsReview(state.tables);
  const missing = state.tables.reduce((n, table) => n + unrecognisedHeaders(table, overrides).length, 0);
  return (
    <>
      <ul className={styles.tables}>
        {state.tables.map((table) => (
          <li key={`${table.sheet}:${table.headerRow}`} title={tableLabel(t, table)} data-sheet={table.sheet}>
            <Text size={200} weight="semibold">
              {table.sheet}
              {table.isRoster ? t("ui.recognise.rosterTag") : ""}
            </Text>{" "}
            <Text size={200} className={styles.muted}>
              {t("ui.recognise.summary", { row: table.headerRow + 1, rows: table.dataRows.length, columns: effectiveColumns(table, overrides).size })}
            </Text>
          </li>
        ))}
        {state.notMembers.map((other) => (
          <li key={`not:${other.sheet}`} data-sheet={other.sheet}>
            <Text size={200} weight="semibold">
              {other.sheet}
            </Text>{" "}
            <Text size={200} className={styles.warning}>
              {t("ui.recognise.notMembers", { evidence: other.evidence })}
            </Text>
          </li>
        ))}
        {state.surveys.map((survey) => (
          <li key={`survey:${survey.sheet}`} data-sheet={survey.sheet}>
            <Text size={200} weight="semibold">
              {survey.sheet}
            </Text>{" "}
            <Text size={200} className={styles.muted}>
              {t("ui.recognise.surveySummary", { units: survey.units })}
            </Text>
          </li>
        ))}
      </ul>
      {state.tables.length > 0 &&
        (missing > 0 ? (
          <Text size={200} className={styles.warning} role="status">
            {t("ui.recognise.needsCheck", { count: missing })}
          </Text>
        ) : (
          <Text size={200} className={styles.muted} role="status">
            ✓ {t("ui.recognise.allRecognised")}
          </Text>
        ))}
      {state.tables.length > 0 && (
        <Button
          size="small"
          appearance="transparent"
          className={styles.toggle}
          aria-expanded={open}
          aria-controls={EDITOR_ID}
          onClick={() => setChoice({ tables: state.tables, open: !open })}
        >
          {open ? "▾ " : "▸ "}
          {t(open ? "ui.recognise.hide" : "ui.recognise.show")}
        </Button>
      )}
      {open && (
        <div id={EDITOR_ID} className={styles.section}>
          {state.tables.map((table) => (
            <TableMapping key={`${table.sheet}:${table.headerRow}`} table={table} state={state} overrides={overrides} onChange={onChange} />
          ))}
        </div>
      )}
    </>
  );
}

/** Step 1: the tables the reader found; their column mapping, editable per header, folds away when all is well. */
export function RecognitionStep(props: Props) {
  const t = useT();
  const { locale } = usePane();
  const styles = useStyles();
  const { state } = props;
  const edits = overrideCount(props.overrides);
  return (
    <StepSection
      step="recognise"
      action={
        <Button size="small" onClick={props.onRefresh}>
          {t("ui.recognise.refresh")}
        </Button>
      }
    >
      {state.phase === "loading" && <Spinner size="tiny" label={t("ui.loading")} />}
      {state.phase === "error" && (
        <MessageBar intent="error">
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
      )}
      {state.phase === "ready" && !state.tables.some((table) => table.isRoster) && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {state.notMembers.length > 0
              ? t("ui.recognise.noneNotMembers", { sheets: sheetList(state.notMembers.map((other) => other.sheet), locale) })
              : t("ui.recognise.none", { sheets: sheetList(userSheetNames(state.input), locale) })}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.phase === "ready" && <Recognised state={state} overrides={props.overrides} onChange={props.onOverridesChange} />}
      {props.saveProblem && (
        <MessageBar intent="warning">
          <MessageBarBody>{props.saveProblem}</MessageBarBody>
        </MessageBar>
      )}
      {edits > 0 && (
        <div className={styles.row}>
          <Text>{t("ui.recognise.edited", { count: edits })}</Text>
          <Button size="small" appearance="subtle" onClick={() => props.onOverridesChange({})}>
            {t("ui.recognise.reset")}
          </Button>
        </div>
      )}
    </StepSection>
  );
}
