// A real static web server for browser tests: Debian's nginx on a free
// loopback port, serving a built site as plain files, with no search
// service, compressing text and WebAssembly as most hosts do. `ranges:
// false` makes it ignore Range headers (max_ranges 0), as some hosts do.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, mkdirSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const kContentSecurityPolicy =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
    "img-src 'self' data:; object-src 'none'; base-uri 'self'";

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port, child, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error('nginx exited with ' + child.exitCode);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/`);
      await r.arrayBuffer();
      return;
    } catch (e) {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error('nginx did not start on port ' + port);
}

export async function startStaticHost(siteDir, { ranges = true } = {}) {
  const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
  if (!nginx) throw new Error('nginx not found (scripts/install-deps --with-browser installs nginx-light)');
  const dir = mkdtempSync(join(tmpdir(), 'kbgen-nginx-'));
  for (const d of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, d));
  const port = await freePort();
  // Run as root, nginx's workers would drop to "nobody", who may not read
  // a private temporary folder: they keep the caller's user instead.
  const user = process.getuid && process.getuid() === 0 ? 'user root;' : '';
  const conf = `
${user}
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  types { application/wasm wasm; }
  default_type application/octet-stream;
  access_log off;
  # Compressed as static hosts and CDNs usually do; never the databases,
  # which are read by byte ranges (application/octet-stream).
  gzip on;
  gzip_types application/wasm application/javascript text/css application/json;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${siteDir};
    ${ranges ? '' : 'max_ranges 0;'}
    add_header Content-Security-Policy "${kContentSecurityPolicy}" always;
    add_header X-Content-Type-Options nosniff always;
    error_page 404 /404.html;
  }
}
`;
  writeFileSync(join(dir, 'nginx.conf'), conf);
  const child = spawn(nginx, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
  await waitForPort(port, child, 10000);
  return {
    url: `http://127.0.0.1:${port}`,
    stop() {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
