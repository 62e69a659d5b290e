#!/usr/bin/env node
/*
 * A small static file server over plain http, for a production build (dist/ or a temp dir):
 * what the browser test and the pane benchmark load the pages from. No dev server, no https,
 * no dependencies; it listens on 127.0.0.1 only.
 *
 *   node scripts/serve-dist.js [dir=dist] [port=8080]      then open http://127.0.0.1:8080/preview.html
 *
 * As a module: `const { serveDirectory } = require('./serve-dist'); const server = await
 * serveDirectory(dir); … server.url … await server.close();` (port 0 = a free port).
 */
'use strict';

const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/**
 * Serves `root` on 127.0.0.1:`port`. Resolves to `{ url, port, close() }` once listening;
 * `url` ends with `/`.
 */
function serveDirectory(root, { port = 0 } = {}) {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method not allowed');
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return send(400, 'Bad request');
    }
    const file = path.join(base, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    // No way out of the served directory (`..`, encoded or not).
    if (file !== base && !file.startsWith(base + path.sep)) return send(403, 'Forbidden');
    fs.stat(file, (error, stat) => {
      if (error || !stat.isFile()) return send(404, 'Not found');
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': stat.size,
        'Cache-Control': 'no-store',
      });
      if (req.method === 'HEAD') return res.end();
      fs.createReadStream(file).pipe(res);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const actual = server.address().port;
      resolve({
        url: `http://127.0.0.1:${actual}/`,
        port: actual,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}

module.exports = { serveDirectory };

if (require.main === module) {
  const [dir = 'dist', port = '8080'] = process.argv.slice(2);
  if (!fs.existsSync(path.join(dir, 'preview.html')) && !fs.existsSync(path.join(dir, 'taskpane.html'))) {
    console.error(`${dir} has no preview.html or taskpane.html: run \`npm run build\` first.`);
    process.exit(2);
  }
  serveDirectory(dir, { port: Number(port) }).then(
    (server) => {
      console.log(`Serving ${path.resolve(dir)}`);
      console.log(`Preview: ${server.url}preview.html`);
    },
    (error) => {
      console.error(`Cannot serve ${dir} on port ${port}: ${error.message}`);
      process.exit(1);
    },
  );
}
