/**
 * A tiny static file server for end-to-end tests: serves a folder over plain http on 127.0.0.1 with a
 * random free port.
 *
 *   const server = await startStaticServer("dist");
 *   await page.goto(`${server.url}taskpane.html`);
 *   await server.close();
 */
import { createReadStream, promises as fsp } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

export interface StaticServer {
  /** Base URL with a trailing slash, e.g. "http://127.0.0.1:41234/". */
  url: string;
  port: number;
  close(): Promise<void>;
}

export const MIME_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

export function startStaticServer(dir: string): Promise<StaticServer> {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    void (async () => {
      try {
        if (req.method !== "GET" && req.method !== "HEAD") {
          res.writeHead(405, { Allow: "GET, HEAD" }).end();
          return;
        }
        const { pathname } = new URL(req.url ?? "/", "http://127.0.0.1");
        let file = path.resolve(root, "." + decodeURIComponent(pathname));
        if (file !== root && !file.startsWith(root + path.sep)) {
          res.writeHead(403).end();
          return;
        }
        let stat = await fsp.stat(file).catch(() => null);
        if (stat?.isDirectory()) {
          file = path.join(file, "index.html");
          stat = await fsp.stat(file).catch(() => null);
        }
        if (!stat?.isFile()) {
          res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found");
          return;
        }
        res.writeHead(200, {
          "Content-Type":
            MIME_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
          "Content-Length": stat.size,
          "Cache-Control": "no-store",
          "Access-Control-Allow-Origin": "*",
        });
        if (req.method === "HEAD") res.end();
        else createReadStream(file).pipe(res);
      } catch (err) {
        res.writeHead(500).end(String(err));
      }
    })();
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
