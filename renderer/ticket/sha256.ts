// The attachment hash of PROTOCOL.md: SHA-256 of the bytes as lowercase hex, computed with Web Crypto.
export async function sha256Hex(blob: Blob): Promise<string> {
  // A fresh Uint8Array view: some runtimes' Web Crypto rejects an ArrayBuffer made by another realm.
  const digest = await crypto.subtle.digest('SHA-256', new Uint8Array(await blob.arrayBuffer()));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
