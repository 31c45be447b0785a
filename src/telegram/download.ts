/** Downloads a file a user sent, through the Bot API's file endpoint, with a size cap. */
import type { Api } from "grammy";
import { FootnoteError } from "../errors.ts";

/** Telegram lets bots download files up to 20 MB. */
export const TELEGRAM_DOWNLOAD_LIMIT = 20 * 1024 * 1024;

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export async function downloadFile(opts: {
  api: Api;
  apiRoot: string;
  token: string;
  fileId: string;
  maxBytes: number;
  timeoutMs: number;
}): Promise<Uint8Array> {
  const file = await opts.api.getFile(opts.fileId);
  if (!file.file_path)
    throw new FootnoteError(
      "FETCH_FAILED",
      "Telegram gave no download path for that file; please send it again.",
    );
  if (file.file_size !== undefined && file.file_size > opts.maxBytes)
    throw tooLarge(opts.maxBytes, file.file_size);
  const url = `${opts.apiRoot.replace(/\/+$/, "")}/file/bot${opts.token}/${file.file_path}`;
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(opts.timeoutMs) });
  } catch (e) {
    // The URL holds the token: keep it out of the message (the logger scrubs the cause too).
    throw new FootnoteError("FETCH_FAILED", "Could not download the file from Telegram; please try again.", {
      cause: e,
    });
  }
  if (!res.ok || !res.body) {
    await res.body?.cancel().catch(() => {});
    throw new FootnoteError(
      "FETCH_FAILED",
      `Telegram answered ${res.status} when the bot downloaded the file; please try again.`,
    );
  }
  const declared = Number(res.headers.get("content-length") ?? NaN);
  if (declared > opts.maxBytes) {
    await res.body.cancel().catch(() => {});
    throw tooLarge(opts.maxBytes, declared);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > opts.maxBytes) {
        await reader.cancel().catch(() => {});
        throw tooLarge(opts.maxBytes);
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof FootnoteError) throw e;
    throw new FootnoteError(
      "FETCH_FAILED",
      "The download of the file from Telegram broke off; please try again.",
      { cause: e },
    );
  }
  return Buffer.concat(chunks, size);
}

export function tooLarge(max: number, size?: number): FootnoteError {
  const what = size === undefined ? `larger than ${megabytes(max)}` : megabytes(size);
  return new FootnoteError(
    "TOO_LARGE",
    `That file is ${what}; the bot can read files up to ${megabytes(max)}.`,
  );
}
