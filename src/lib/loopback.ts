// Requests from the machine the portal runs on (a browser or script on the server itself) reach it
// from a loopback address; the audit log says "this machine" for them instead of "::1".

/** `::1`, `127.0.0.0/8`, and either as an IPv4-mapped IPv6 address (`::ffff:127.0.0.1`). */
export function isLoopbackAddress(address: string | null | undefined): boolean {
  const a = address?.trim().toLowerCase();
  if (!a) return false;
  if (a === "::1" || a === "0:0:0:0:0:0:0:1") return true;
  const v4 = a.startsWith("::ffff:") ? a.slice(7) : a;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}
