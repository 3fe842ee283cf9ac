/**
 * Whether the API asks for a token (AUTH). Pure: the default follows HOST, so that a
 * platform reachable from other machines is never open by accident.
 */

/** `off`: anyone may read and write; `required`: every request needs a token. */
export type AuthMode = "off" | "required";

export const AUTH_MODES: readonly AuthMode[] = ["off", "required"];

/**
 * True for addresses only this machine can reach: 127.0.0.0/8, ::1 (also as
 * IPv4-mapped ::ffff:127.x.y.z) and `localhost`.
 */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1");
  if (h === "localhost" || h.endsWith(".localhost")) return true;
  if (h === "::1" || /^(0{1,4}:){7}0{0,3}1$/.test(h)) return true;
  const v4 = h.replace(/^::ffff:/, "");
  const octets = v4.split(".");
  return octets.length === 4 && octets[0] === "127" && octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255);
}

/** AUTH's default: off on a loopback HOST, required on any other (0.0.0.0 included). */
export function defaultAuthMode(host: string): AuthMode {
  return isLoopbackHost(host) ? "off" : "required";
}

/**
 * Reads AUTH: empty means the default for `host`.
 * @returns the mode, or undefined when `raw` is not a mode (the caller names the variable).
 */
export function parseAuthMode(raw: string | undefined, host: string): AuthMode | undefined {
  const value = (raw ?? "").trim().toLowerCase();
  if (value === "") return defaultAuthMode(host);
  return (AUTH_MODES as readonly string[]).includes(value) ? (value as AuthMode) : undefined;
}
