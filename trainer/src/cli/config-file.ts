/** Reading a JSON config file (a preset or the user's own) for the command-line tools. */
import fs from "node:fs";
import { failureMessage } from "./failure-message.ts";

/**
 * The file's JSON object; {} without a file.
 * @throws Error naming the file when it cannot be read or is not a JSON object.
 */
export function readConfigFile(file: string | undefined): Record<string, unknown> {
  if (file === undefined) return {};
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new Error(`cannot read ${file}: ${failureMessage(error)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not JSON: ${failureMessage(error)}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error(`${file} must hold a JSON object`);
  return parsed as Record<string, unknown>;
}
