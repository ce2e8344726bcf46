/** Messages for typed failures (`error.CODE`): what happened and what to do, in one sentence. */
export const errorsZh = {
  "error.UNKNOWN": "发生了意外错误：{detail}",
} as const;

export const errorsEn: Record<keyof typeof errorsZh, string> = {
  "error.UNKNOWN": "An unexpected error occurred: {detail}",
};
