/**
 * A failure the installer can act on. `message` is plain words, Chinese first then
 * English, because the person reading it is in a village hall, not at a desk.
 */
export class ProvisionError extends Error {
  override name = 'ProvisionError';
}

export class EnrolFailed extends ProvisionError {
  override name = 'EnrolFailed';
}

/** Why a request never got an answer, in words an installer can act on. */
export function describeFetchError(url: string, err: unknown): string {
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
  const code = typeof cause === 'object' && cause && 'code' in cause ? String(cause.code) : '';
  const name = err instanceof Error ? err.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') return `无应答 no answer from ${url} in time (network down or wrong address?)`;
  if (code === 'ECONNREFUSED') return `连接被拒绝 nothing is listening at ${url} (connection refused: wrong port, or the service is stopped)`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `找不到服务器 cannot find the server name in ${url} (check the spelling and the network/DNS)`;
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return `网络不通 no route to ${url} (check the cable, Wi-Fi or 4G link)`;
  if (code.startsWith('ERR_TLS') || code.includes('CERT')) return `证书错误 the HTTPS certificate of ${url} is not trusted (${code}); check the clock and the address`;
  return `无法连接 cannot reach ${url}: ${cause instanceof Error ? cause.message : String(cause)}`;
}

/** Checks that a URL given on the command line is a plain http(s) base URL. */
export function parseBaseUrl(raw: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ProvisionError(`地址格式不对 ${what} "${raw}" is not a URL; write it like https://central.example.gov.cn`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ProvisionError(`地址格式不对 ${what} "${raw}" must start with http:// or https://`);
  }
  return url;
}
