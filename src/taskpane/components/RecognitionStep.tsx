import { Button, Dropdown, MessageBar, MessageBarBody, Option, Spinner, Text } from "@fluentui/react-components";
import { FIELD_LABELS, type ColumnOverrides, type FieldId, type RecognisedTable } from "../../engine";
import { useT } from "../context";
import { headerRows, overrideCount, setColumnField } from "../mapping";
import type { RecognitionState } from "../useRecognition";
import { useStyles } from "../styles";

const FIELDS = Object.keys(FIELD_LABELS) as FieldId[];
const UNUSED = "";

interface Props {
  state: RecognitionState;
  overrides: ColumnOverrides;
  onOverridesChange(overrides: ColumnOverrides): void;
  onRefresh(): void;
}

function TableMapping(props: { table: RecognisedTable; state: Extract<RecognitionState, { phase: "ready" }>; overrides: ColumnOverrides; onChange(o: ColumnOverrides): void }) {
  const { table, overrides } = props;
  const t = useT();
  const styles = useStyles();
  const grid = props.state.input.sheets.find((s) => s.name === table.sheet);
  const rows = headerRows(table, grid, overrides);
  const label = t("ui.recognise.table", { sheet: table.sheet, row: table.headerRow + 1, rows: table.dataRows.length });
  return (
    <div className={styles.section} data-sheet={table.sheet}>
      <Text weight="semibold">
        {label}
        {table.isRoster ? `（${t("ui.recognise.roster")}）` : ""}
      </Text>
      <div className={styles.mapping} role="group" aria-label={label}>
        <Text size={200} className={styles.muted}>{t("ui.recognise.header")}</Text>
        <Text size={200} className={styles.muted}>{t("ui.recognise.field")}</Text>
        {rows.map((row) => {
          const name = `${table.sheet} ${row.letter}`;
          const value = row.field ? FIELD_LABELS[row.field] : t("ui.recognise.unused");
          return [
            <Text key={`h${row.col}`} className={styles.header} title={row.header}>
              {row.letter} {row.header || "—"}
              {row.auto === null && row.field === null ? <span className={styles.muted}>（{t("ui.recognise.unrecognised")}）</span> : null}
            </Text>,
            <Dropdown
              key={`d${row.col}`}
              size="small"
              aria-label={name}
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
                  {FIELD_LABELS[field]}
                </Option>
              ))}
            </Dropdown>,
          ];
        })}
      </div>
    </div>
  );
}

/** Step 1: the tables the reader found and their column mapping, editable per header. */
export function RecognitionStep(props: Props) {
  const t = useT();
  const styles = useStyles();
  const { state } = props;
  const edits = overrideCount(props.overrides);
  return (
    <section className={styles.section} aria-labelledby="step-recognise">
      <div className={styles.row}>
        <Text as="h2" id="step-recognise" weight="semibold" size={400}>
          {t("ui.step.recognise")}
        </Text>
        <Button size="small" onClick={props.onRefresh}>
          {t("ui.recognise.refresh")}
        </Button>
      </div>
      {state.phase === "loading" && <Spinner size="tiny" label={t("ui.loading")} />}
      {state.phase === "error" && (
        <MessageBar intent="error">
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
      )}
      {state.phase === "ready" && !state.tables.some((table) => table.isRoster) && (
        <MessageBar intent="warning">
          <MessageBarBody>{t("ui.recognise.none")}</MessageBarBody>
        </MessageBar>
      )}
      {state.phase === "ready" &&
        state.tables.map((table) => (
          <TableMapping key={`${table.sheet}:${table.headerRow}`} table={table} state={state} overrides={props.overrides} onChange={props.onOverridesChange} />
        ))}
      {edits > 0 && (
        <div className={styles.row}>
          <Text>{t("ui.recognise.edited", { count: edits })}</Text>
          <Button size="small" appearance="subtle" onClick={() => props.onOverridesChange({})}>
            {t("ui.recognise.reset")}
          </Button>
        </div>
      )}
    </section>
  );
}
