/**
 * A throwaway HTTP server on 127.0.0.1 with a random port, for tests that must not leave the
 * machine. `close()` also cuts open connections, so a handler that never answers cannot hang
 * the test run.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => unknown;

export interface TestServer {
  /** "http://127.0.0.1:PORT" (no trailing slash). */
  url: string;
  port: number;
  /** Requests received so far. */
  readonly requests: number;
  server: http.Server;
  close(): Promise<void>;
}

export async function startServer(handler: Handler, opts: { host?: string } = {}): Promise<TestServer> {
  const host = opts.host ?? "127.0.0.1";
  let requests = 0;
  const server = http.createServer((req, res) => {
    requests++;
    Promise.resolve(handler(req, res)).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    get requests() {
      return requests;
    },
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
