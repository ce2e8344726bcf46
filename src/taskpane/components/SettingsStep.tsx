import { useEffect, useLayoutEffect, useState } from "react";
import { Button, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Text } from "@fluentui/react-components";
import { DEFAULT_RULES, type RuleSet, type Scheme } from "../../engine";
import { describeError } from "../../errors";
import type { MessageKey } from "../../i18n/t";
import { usePane, useT } from "../context";
import { describeRuleErrors, rulesFromValues, settingsDirty, valuesFromRules, type FieldProblem, type SettingsField, type SettingsValues } from "../settingsForm";
import { useStyles } from "../styles";
import { StepSection } from "./StepSection";

const TEXT_FIELDS: Exclude<SettingsField, "scheme">[] = ["minHours", "minConcentratedDays", "rewriteBelow", "minRate", "maxMonths", "maxShare", "batchStart", "unitName", "reportEmail"];

type Status = { kind: "none" } | { kind: "saved" } | { kind: "invalid"; other: string } | { kind: "error"; message: string };

interface Props {
  rules: RuleSet;
  loadProblem: string | null;
  onSave(rules: RuleSet): Promise<void>;
  /** The form holds changes not saved (or not savable) yet, or no longer does. */
  onDirtyChange?(dirty: boolean): void;
}

/** The settings form's id: 评议 sends the user here when the form holds changes not saved. */
export const SETTINGS_FORM_ID = "settings-form";

/** Step 5: thresholds, stage scheme, batch start and unit name, validated by the rule schema. */
export function SettingsStep({ rules, loadProblem, onSave, onDirtyChange }: Props) {
  const t = useT();
  const { locale } = usePane();
  const styles = useStyles();
  const [values, setValues] = useState<SettingsValues>(() => valuesFromRules(rules));
  const [problems, setProblems] = useState<Partial<Record<SettingsField, FieldProblem>>>({});
  const [status, setStatus] = useState<Status>({ kind: "none" });

  useEffect(() => setValues(valuesFromRules(rules)), [rules]);

  const dirty = settingsDirty(values, rules);
  // before the paint: 评议 must never look ready while the form holds changes, nor wait once they are saved
  useLayoutEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);

  const set = (field: SettingsField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setStatus({ kind: "none" });
  };

  async function save() {
    const outcome = rulesFromValues(values, rules);
    if (!outcome.ok) {
      setProblems(outcome.fieldErrors);
      setStatus({ kind: "invalid", other: describeRuleErrors(outcome.otherErrors, locale) });
      return;
    }
    setProblems({});
    try {
      await onSave(outcome.rules);
      setStatus({ kind: "saved" });
    } catch (error) {
      setStatus({ kind: "error", message: describeError(error, locale) });
    }
  }

  const schemes: Scheme[] = values.scheme === "自定义" ? ["三阶段", "四阶段", "自定义"] : ["三阶段", "四阶段"];
  const errors: Partial<Record<SettingsField, string>> = {};
  for (const [field, problem] of Object.entries(problems) as [SettingsField, FieldProblem][]) errors[field] = "key" in problem ? t(problem.key) : problem.text;
  return (
    <StepSection step="settings">
      {loadProblem && (
        <MessageBar intent="warning">
          <MessageBarBody>{t("ui.settings.loadInvalid", { detail: loadProblem })}</MessageBarBody>
        </MessageBar>
      )}
      <form
        id={SETTINGS_FORM_ID}
        className={styles.form}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {TEXT_FIELDS.slice(0, 6).map((field) => (
          <Field key={field} label={t(`ui.settings.${field}` as MessageKey)} validationMessage={errors[field]} validationState={errors[field] ? "error" : "none"}>
            <Input value={values[field]} inputMode="decimal" onChange={(_, data) => set(field, data.value)} />
          </Field>
        ))}
        <Field label={t("ui.settings.scheme")} validationMessage={errors.scheme} validationState={errors.scheme ? "error" : "none"}>
          <RadioGroup layout="horizontal" value={values.scheme} onChange={(_, data) => set("scheme", data.value)}>
            {schemes.map((scheme) => (
              <Radio key={scheme} value={scheme} label={t(`scheme.${scheme}`, { count: rules.stages.list.length })} />
            ))}
          </RadioGroup>
        </Field>
        {TEXT_FIELDS.slice(6).map((field) => (
          <Field key={field} label={t(`ui.settings.${field}` as MessageKey)} validationMessage={errors[field]} validationState={errors[field] ? "error" : "none"}>
            <Input value={values[field]} onChange={(_, data) => set(field, data.value)} />
          </Field>
        ))}
        <div className={styles.row}>
          <Button appearance="primary" type="submit">
            {t("ui.settings.save")}
          </Button>
          {dirty && (
            <Button
              type="button"
              onClick={() => {
                setValues(valuesFromRules(rules));
                setProblems({});
                setStatus({ kind: "none" });
              }}
            >
              {t("ui.settings.undo")}
            </Button>
          )}
          <Button
            type="button"
            onClick={() => {
              setValues(valuesFromRules(DEFAULT_RULES));
              setProblems({});
            }}
          >
            {t("ui.settings.reset")}
          </Button>
        </div>
        {dirty && (
          <Text size={200} className={styles.warning}>
            {t("ui.settings.unsaved")}
          </Text>
        )}
      </form>
      {status.kind === "saved" && (
        <MessageBar intent="success">
          <MessageBarBody>{t("ui.settings.saved")}</MessageBarBody>
        </MessageBar>
      )}
      {status.kind === "invalid" && (
        <MessageBar intent="error">
          <MessageBarBody>{[t("ui.settings.invalid"), status.other].filter(Boolean).join(locale === "en" ? "; " : "；")}</MessageBarBody>
        </MessageBar>
      )}
      {status.kind === "error" && (
        <MessageBar intent="error">
          <MessageBarBody>{status.message}</MessageBarBody>
        </MessageBar>
      )}
    </StepSection>
  );
}
