import { base64Lines, encodedWords, extendedParameter, rfc5322Date, utf8 } from "./mime";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface DraftMail {
  /** The recipient, already checked (isEmailAddress); none leaves To for the user to fill in. */
  to?: string | null;
  subject: string;
  /** Plain text, lines separated by "\n". */
  body: string;
  attachment: { name: string; bytes: Uint8Array; type?: string };
  /** When the draft was made: milliseconds since 1970 and the local offset from UTC in minutes. */
  date: { epochMs: number; offsetMinutes: number };
}

/**
 * A boundary that cannot occur in the parts: they are base64, whose alphabet has no "_" and
 * whose "=" only pads a line's end.
 */
const BOUNDARY = "=_xianjiao_summary_part_=";

/**
 * An e-mail draft as an .eml file (RFC 5322, MIME): `X-Unsent: 1` makes Outlook and Foxmail open
 * it as a new message ready to send, from the account the user sends with (so it has no From:
 * their mail program sets it). The subject is RFC 2047 encoded, the body UTF-8 text in base64,
 * the attachment in base64 under its Chinese file name (RFC 2231 `filename*`, and the RFC 2047
 * `name` older programs read). Lines end in CRLF and stay within 78 characters.
 */
export function draftEml(mail: DraftMail): Uint8Array {
  const { name, bytes, type = XLSX_TYPE } = mail.attachment;
  const lines = [
    ...(mail.to ? [`To: ${mail.to}`] : []),
    `Subject: ${encodedWords(mail.subject)}`,
    `Date: ${rfc5322Date(mail.date.epochMs, mail.date.offsetMinutes)}`,
    "X-Unsent: 1",
    "MIME-Version: 1.0",
    `Content-Type: multipart/mixed;\r\n boundary="${BOUNDARY}"`,
    "",
    "This is a message in MIME format.",
    "",
    `--${BOUNDARY}`,
    "Content-Type: text/plain; charset=UTF-8",
    "Content-Transfer-Encoding: base64",
    "",
    base64Lines(utf8(mail.body.replace(/\r?\n/g, "\r\n"))),
    "",
    `--${BOUNDARY}`,
    // the spreadsheet type alone fills most of a line: it starts on a line of its own
    `Content-Type:\r\n ${type};\r\n name="${encodedWords(name)}"`,
    "Content-Transfer-Encoding: base64",
    `Content-Disposition: attachment;\r\n ${extendedParameter("filename", name)}`,
    "",
    base64Lines(bytes),
    "",
    `--${BOUNDARY}--`,
    "",
  ];
  return utf8(lines.join("\r\n"));
}
