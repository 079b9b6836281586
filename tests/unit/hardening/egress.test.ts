import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../../src/main/services/browser/chromium';
import { ROOT, tempDir } from '../helpers';

/**
 * No request leaves the machine: PDF export and the `open` launch (headless, the same launch
 * path as a window) run in a network namespace that has only a loopback interface, under
 * `strace -f`, and every socket call is classified. Real traffic is a TCP connect, a UDP
 * send, or anything to port 53 (DNS) aimed beyond loopback. Chromium also connect()s a UDP
 * socket to 2001:4860:4860::8888:443 to learn whether IPv6 is reachable; a UDP connect sends no
 * packet, so it is counted and reported, not treated as traffic (see README, "What is protected").
 */
const chromium = findChromium();
const can = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
const skipReason = !chromium
  ? 'no Chromium installed'
  : !can('strace', ['-V'])
    ? 'strace is not installed'
    : !can('unshare', ['-rn', 'true'])
      ? 'unshare -rn (a user and network namespace) is not permitted here'
      : null;

interface Classified {
  real: string[];
  dns: string[];
  probes: string[];
}

const LOOPBACK = /inet_addr\("127\.|inet_pton\(AF_INET6, "::1"|inet_pton\(AF_INET6, "::ffff:127\./;

export function classify(log: string): Classified {
  const result: Classified = { real: [], dns: [], probes: [] };
  const connectedAway = new Set<string>();
  for (const line of log.split('\n')) {
    const call = /\b(connect|sendto|sendmsg|sendmmsg)\((\d+)(<[^>]*>)?/.exec(line);
    if (!call) continue;
    const [, name, , fdInfo = ''] = call;
    if (/AF_UNIX|AF_NETLINK|UNIX-STREAM|UNIX-DGRAM|NETLINK/.test(line + fdInfo)) continue;
    const inode = /\[(\d+)/.exec(fdInfo)?.[1] ?? '';
    const udp = /UDP/.test(fdInfo);
    const hasAddress = /sa_family=AF_INET6?/.test(line);
    const away = hasAddress && !LOOPBACK.test(line);
    if (/htons\(53\)/.test(line) && hasAddress) result.dns.push(line.trim());
    else if (name === 'connect') {
      if (!away) continue;
      if (udp) {
        result.probes.push(line.trim());
        connectedAway.add(inode);
      } else result.real.push(line.trim());
    } else if (away || (!hasAddress && inode && connectedAway.has(inode))) result.real.push(line.trim());
  }
  return result;
}

function traced(args: string[], dir: string, env: NodeJS.ProcessEnv = {}) {
  const log = path.join(dir, 'strace.log');
  const script = `ip link set lo up 2>/dev/null || true; exec strace -f -qq -yy -e trace=connect,sendto,sendmsg,sendmmsg -o "${log}" "$@"`;
  const child = spawn('unshare', ['-rn', 'sh', '-c', script, 'sh', process.execPath, path.join(ROOT, 'bin/sourcebook.cjs'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return { child, log };
}

describe.skipIf(skipReason !== null)(`no request leaves the machine${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  it('PDF export under strace in a loopback-only network namespace makes no connection and no DNS query', () => {
    const dir = tempDir('sourcebook-egress-');
    const model = path.join(dir, 'report.json');
    fs.writeFileSync(
      model,
      JSON.stringify({
        title: 'Offline',
        author: null,
        date: null,
        sections: [{ id: 's1', title: 'One', blocks: [{ kind: 'paragraph', content: [{ kind: 'text', text: 'Printed offline.' }] }] }],
        citations: [],
        sources: [],
      }),
    );
    const { child, log } = traced(
      ['export', '--model', model, '--format', 'pdf', '-o', path.join(dir, 'out.pdf'), '--data-dir', path.join(dir, 'nb')],
      dir,
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    return new Promise<void>((resolve, reject) => {
      child.on('exit', (code) => {
        try {
          expect(code, stderr).toBe(0);
          expect(fs.readFileSync(path.join(dir, 'out.pdf')).subarray(0, 4).toString()).toBe('%PDF');
          const found = classify(fs.readFileSync(log, 'utf8'));
          console.log(`PDF export: ${found.probes.length} packet-less UDP connect(s) (reachability probes), no traffic`);
          expect(found.real, 'connections beyond loopback').toEqual([]);
          expect(found.dns, 'DNS queries').toEqual([]);
          resolve();
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
  }, 240_000);

  it('the `open` launch (browser signs in through its launch file) makes no connection and no DNS query', async () => {
    const dir = tempDir('sourcebook-egress-');
    const { child, log } = traced(['open', '--json', '--data-dir', path.join(dir, 'nb')], dir, { SOURCEBOOK_OPEN_HEADLESS: '1' });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const signedIn = await new Promise<boolean>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        if (stdout.includes('"signedIn":true')) resolve(true);
      });
      child.on('exit', () => resolve(false));
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
    expect(signedIn, `the launched browser never signed in: ${stderr}`).toBe(true);
    const text = fs.readFileSync(log, 'utf8');
    expect(text).not.toContain('launch='); // the token is never in a command line (execve is not traced; see the launch file)
    const found = classify(text);
    console.log(`open launch: ${found.probes.length} packet-less UDP connect(s) (reachability probes), no traffic`);
    expect(found.real, 'connections beyond loopback').toEqual([]);
    expect(found.dns, 'DNS queries').toEqual([]);
  }, 240_000);

  it('classifies real traffic, DNS and packet-less probes correctly', () => {
    const sample = [
      '10 connect(5<UDPv6:[100]>, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2001:4860:4860::8888", &sin6_addr), sin6_scope_id=0}, 28) = -1 ENETUNREACH',
      '11 connect(6<TCP:[101]>, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr("142.250.1.1")}, 16) = -1 ENETUNREACH',
      '12 sendto(7<UDP:[102]>, "x", 1, 0, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("8.8.8.8")}, 16) = 1',
      '13 connect(8<TCP:[103]>, {sa_family=AF_INET, sin_port=htons(4000), sin_addr=inet_addr("127.0.0.1")}, 16) = 0',
      '14 sendmsg(5<UDPv6:[100]>, {msg_name=NULL, msg_iov=[{iov_base="x", iov_len=1}]}, 0) = 1',
    ].join('\n');
    const found = classify(sample);
    expect(found.probes).toHaveLength(1);
    expect(found.real).toHaveLength(2); // the TCP connect, and the send on the socket the probe connected
    expect(found.dns).toHaveLength(1);
  });
});
