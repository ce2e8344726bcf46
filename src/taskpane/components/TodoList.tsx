import { useState } from "react";
import { Button, mergeClasses, Text } from "@fluentui/react-components";
import { branchLabel, type MemberResult, type RunResult, type TodoBranchEntry, type TodoGroup, type TodoGroupId, type TodoList as Todo } from "../../engine";
import { usePane, useT } from "../context";
import { useStyles } from "../styles";
import { ManualDecisions } from "./ManualDecisions";

/** Lines a group shows before "显示其余"; and at most this many when opened (the sheet's 问题说明 has everyone). */
export const TODO_SHOWN = 5;
export const TODO_LISTED = 200;

/** Outcomes that call for the branch committee at once (red in the sheet), and those that need a follow-up (amber). */
const SERIOUS: ReadonlySet<TodoGroupId> = new Set(["discipline", "remove", "noApplication", "probation", "unqualified"]);
const ATTENTION: ReadonlySet<TodoGroupId> = new Set(["rewrite", "admonish", "reviewExcellent", "makeUp"]);

interface Props {
  todo: Todo;
  result: RunResult;
  busy: boolean;
  onSelect(member: MemberResult): void;
  onResetManual(refs: true | string[]): void;
}

/**
 * The results' own sentence, as the sheet's 问题说明 has it: bare in Chinese, quoted in English;
 * always marked as Chinese text, so a screen reader reads it in a Chinese voice.
 */
function Reason({ reason }: { reason: string }) {
  const t = useT();
  if (reason === "") return null;
  const [before, after = ""] = t("ui.todo.reason", { reason: SLOT }).split(SLOT);
  return (
    <Text size={200}>
      {before}
      <span lang="zh-CN">{reason}</span>
      {after}
    </Text>
  );
}
const SLOT = "\u0001";

function MemberLine({ result, reason, onSelect }: { result: MemberResult; reason: string; onSelect(member: MemberResult): void }) {
  const t = useT();
  const styles = useStyles();
  return (
    <li data-member={result.member.name}>
      <button type="button" className={styles.issue} onClick={() => onSelect(result)}>
        <span className={styles.todoName}>
          {t("ui.todo.member", { name: result.member.name, branch: branchLabel(result) })}
          {result.manual ? t("ui.todo.manualMark") : ""}
        </span>{" "}
        <Reason reason={reason} />
      </button>
    </li>
  );
}

/** Members of a branch in one group for one reason: the reason once, the names behind a button. */
function BranchLine({ entry, onSelect }: { entry: TodoBranchEntry; onSelect(member: MemberResult): void }) {
  const t = useT();
  const { locale } = usePane();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const count = entry.members.length;
  return (
    <li className={styles.todoBranch} data-branch={entry.branch}>
      <div>
        <Text size={300} className={styles.todoName}>
          {t(entry.wholeBranch ? "ui.todo.branchWhole" : "ui.todo.branchSome", { branch: entry.branch, count })}
          {entry.reason === "" ? "" : locale === "en" ? ": " : "："}
        </Text>
        <Reason reason={entry.reason} />
      </div>
      <Button size="small" appearance="subtle" className={styles.toggle} aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? "▾ " : "▸ "}
        {open ? t("ui.todo.hideNames") : t("ui.todo.showNames", { count })}
      </Button>
      {open && (
        <ul className={styles.names}>
          {entry.members.slice(0, TODO_LISTED).map((member, i) => (
            <li key={i} data-member={member.member.name}>
              <button type="button" className={styles.nameButton} onClick={() => onSelect(member)}>
                {member.member.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function Group({ group, onSelect }: { group: TodoGroup; onSelect(member: MemberResult): void }) {
  const t = useT();
  const styles = useStyles();
  const [all, setAll] = useState(false);
  const id = `todo-${group.id}`;
  const shown = all ? TODO_LISTED : TODO_SHOWN;
  const rest = group.members.length - TODO_SHOWN;
  return (
    <section
      className={mergeClasses(styles.todoGroup, SERIOUS.has(group.id) && styles.todoSerious, ATTENTION.has(group.id) && styles.todoAttention)}
      aria-labelledby={id}
      data-group={group.id}
    >
      <Text as="h4" id={id} weight="semibold" size={300}>
        {t("ui.todo.group", { label: t(`ui.todo.group.${group.id}`), count: group.count })}
      </Text>
      <ul className={styles.todoList}>
        {group.branches.map((entry) => (
          <BranchLine key={`${entry.branch}\u0000${entry.reason}`} entry={entry} onSelect={onSelect} />
        ))}
        {group.members.slice(0, shown).map((entry, i) => (
          <MemberLine key={i} result={entry.result} reason={entry.reason} onSelect={onSelect} />
        ))}
      </ul>
      {rest > 0 && (
        <Button size="small" appearance="subtle" className={styles.toggle} aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t("ui.todo.showFewer", { count: TODO_SHOWN }) : t("ui.todo.showAll", { count: rest })}
        </Button>
      )}
      {all && group.members.length > TODO_LISTED && (
        <Text size={200} className={styles.muted}>
          {t("ui.todo.more", { count: group.members.length - TODO_LISTED })}
        </Text>
      )}
    </section>
  );
}

/**
 * 需要处理: at the top of the results, every member with something to act on, grouped by outcome
 * most serious first, one line each with the reason; a click selects the member's row. The
 * secretary's own decisions close the list, with 恢复自动评议.
 */
export function TodoList({ todo, result, busy, onSelect, onResetManual }: Props) {
  const t = useT();
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby="todo-title" data-testid="todo">
      <Text as="h3" id="todo-title" weight="semibold" size={400}>
        {todo.members > 0 ? t("ui.todo.title", { count: todo.members }) : t("ui.todo.none")}
      </Text>
      {todo.members > 0 && (
        <Text size={200} className={styles.muted}>
          {t("ui.todo.hint")}
        </Text>
      )}
      {todo.groups.map((group) => (
        <Group key={group.id} group={group} onSelect={onSelect} />
      ))}
      {result.manualCount > 0 && <ManualDecisions result={result} busy={busy} onReset={onResetManual} />}
    </section>
  );
}
