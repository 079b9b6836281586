/**
 * Server-sent events read with fetch, because EventSource cannot send the session header. The
 * stream is parsed as the SSE format says (event:/data: lines, a blank line ends an event) and
 * reopened after a pause if it drops, as EventSource would.
 */
export async function readEventStream(
  path: string,
  headers: () => Promise<Record<string, string>>,
  names: readonly string[],
  deliver: (name: string, payload: unknown) => void,
): Promise<void> {
  const known = new Set(names);
  let pause = 1000;
  for (;;) {
    try {
      const response = await fetch(path, { headers: await headers(), credentials: 'omit', cache: 'no-store' });
      if (response.status === 403) return; // not signed in: calls say so; retrying cannot help
      if (!response.ok || !response.body) throw new Error(`events: ${response.status}`);
      pause = 1000;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let name = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) name = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
          }
          if (known.has(name) && data.length) deliver(name, JSON.parse(data.join('\n')) as unknown);
        }
      }
    } catch {
      // Dropped or refused: try again below.
    }
    await new Promise((resolve) => setTimeout(resolve, pause));
    pause = Math.min(pause * 2, 15_000);
  }
}
