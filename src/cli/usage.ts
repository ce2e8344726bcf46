import type { CommanderError } from "commander";
import { XianjiaoError } from "../errors";

/** The commands, as a user types them. */
const COMMAND_NAMES = ["evaluate", "export", "consolidate", "rules"];

/** What each option names, for "缺少…" sentences. */
const OPTION_NAMES: Record<string, string> = {
  "--output": "输出文件",
  "--report": "明细文件",
  "--rules": "规则文件",
  "--scheme": "阶段方案",
  "--batch-start": "批次开始日期",
  "--today": "评议日期",
  "--unit": "单位名称",
  "--eml": "邮件文件",
  "--to": "收件人邮箱",
};

/** The option's flags as a user types them ("-o, --output <输出.xlsx>" → "-o"), and its long name. */
function flagsOf(text: string): { short: string; long: string } {
  const long = /--[\w-]+/.exec(text)?.[0] ?? text;
  const short = /(?:^|\s)(-\w)\b/.exec(text)?.[1] ?? long;
  return { short, long };
}

/** The quoted token of commander's (English) message: the option, argument or command it is about. */
const quoted = (message: string) => /'([^']*)'/.exec(message)?.[1] ?? "";

/** One Chinese sentence for a command line commander could not take (a missing -o, an unknown option …). */
export function usageError(error: CommanderError, argv: readonly string[]): XianjiaoError {
  const command = argv.find((arg) => COMMAND_NAMES.includes(arg));
  const vars = (detail: string) => ({ detail, command: command ? `${command} ` : "" });
  const token = quoted(error.message);
  switch (error.code) {
    case "commander.missingMandatoryOptionValue":
    case "commander.optionMissingArgument": {
      const { short, long } = flagsOf(token);
      const what = OPTION_NAMES[long] ?? "值";
      const detail =
        error.code === "commander.missingMandatoryOptionValue" ? `缺少${what}：请用 ${short} 给出` : `选项 ${short === long ? `${long} ` : `${short}（${long}）`}后面缺少${what}`;
      return new XianjiaoError("USAGE", vars(detail), { cause: error });
    }
    case "commander.missingArgument":
      return new XianjiaoError("USAGE", vars(`缺少“${token.replace(/\.\.\.$/, "")}”`), { cause: error });
    case "commander.unknownOption":
      return new XianjiaoError("USAGE", vars(`不认识的选项“${token}”`), { cause: error });
    case "commander.unknownCommand":
      return new XianjiaoError("USAGE", vars(`不认识的命令“${token}”，可用的命令有 ${COMMAND_NAMES.join("、")}`), { cause: error });
    case "commander.excessArguments":
      return new XianjiaoError("USAGE", vars(command === "consolidate" ? "参数太多" : `参数太多：${command ?? "该命令"} 只需要一个文件（文件名中有空格时请加引号）`), { cause: error });
    case "commander.help":
      return new XianjiaoError("USAGE", vars(`请给出要做的事：${COMMAND_NAMES.join("、")}`), { cause: error });
    default:
      return new XianjiaoError("USAGE", vars("命令行有误"), { cause: error });
  }
}
