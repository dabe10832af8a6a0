/**
 * A real SMTP server in the test process (the `smtp-server` package) on 127.0.0.1 and a free port: the app sends
 * through SMTP_URL as it does in production, and the test reads what arrived.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface Letter {
  to: string[];
  subject: string;
  text: string;
}

/** Decodes RFC 2047 words («=?UTF-8?B?…?=», «=?UTF-8?Q?…?=») of a header. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
      enc.toLowerCase() === "b"
        ? Buffer.from(data, "base64").toString("utf8")
        : decodeQuoted(data.replace(/_/g, " ")),
    );
}

function decodeQuoted(s: string): string {
  const bytes: number[] = [];
  const src = s.replace(/=\r?\n/g, "");
  for (let i = 0; i < src.length; i++) {
    if (src[i] === "=" && /^[0-9A-F]{2}$/i.test(src.slice(i + 1, i + 3))) {
      bytes.push(parseInt(src.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(src[i], "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

/** The subject and the plain text of a single-part letter as nodemailer writes it. */
export function parseLetter(raw: string, to: string[]): Letter {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join("\n\n");
  const headers = head.replace(/\r?\n[ \t]+/g, " ");
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, "im").exec(headers)?.[1] ?? "";
  const encoding = header("Content-Transfer-Encoding").toLowerCase();
  const text =
    encoding === "base64"
      ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")
      : encoding === "quoted-printable"
        ? decodeQuoted(body)
        : body;
  return { to, subject: decodeWords(header("Subject")), text: text.replace(/\r\n/g, "\n") };
}

export interface TestSmtp {
  port: number;
  letters: Letter[];
  /** Letters to one address. */
  to(address: string): Letter[];
  /** While true, every recipient is refused (a 550): nothing is accepted. */
  refuse: boolean;
  close(): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  const letters: Letter[] = [];
  const state = { refuse: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      callback(state.refuse ? Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }) : null);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        letters.push(parseLetter(Buffer.concat(chunks).toString("utf8"), to));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    letters,
    to: (address) => letters.filter((l) => l.to.includes(address)),
    get refuse() {
      return state.refuse;
    },
    set refuse(v: boolean) {
      state.refuse = v;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
