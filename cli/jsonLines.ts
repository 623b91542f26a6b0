// Reads JSON Lines from stdin text: blank lines skipped, each value checked by `accept`, and the
// first bad line named in the message (nothing is used from a file that has one).
export function readJsonLines<T>(text: string, accept: (value: unknown) => { value: T } | { problem: string }): T[] | string {
  const out: T[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      return `stdin line ${i + 1} is not valid JSON (${(error as Error).message}).`;
    }
    const accepted = accept(value);
    if ('problem' in accepted) return `stdin line ${i + 1}${accepted.problem}`;
    out.push(accepted.value);
  }
  return out;
}
