import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { compileEntry } from '../../support/reliability';

const SEED = path.resolve(__dirname, '../../../seed/cgtn-tech-talk-nev-software-charging');

describe('npm run draft (the CLI) on good and bad input', () => {
  let buildDir: string;
  let cli: string;
  let directory: string;

  const run = (...args: string[]) => {
    const result = spawnSync(process.execPath, [cli, ...args], {
      encoding: 'utf8',
      env: { ...process.env, NODE_PATH: path.resolve(__dirname, '../../../node_modules') },
      timeout: 60_000,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  beforeAll(async () => {
    buildDir = await mkdtemp(path.join(os.tmpdir(), 'draft-cli-build-'));
    cli = await compileEntry(buildDir, 'extract/cli.ts');
    directory = await mkdtemp(path.join(os.tmpdir(), 'draft-cli-'));
  }, 120_000);

  afterAll(async () => {
    await rm(buildDir, { recursive: true, force: true });
    await rm(directory, { recursive: true, force: true });
  });

  it('drafts the seed text with its metadata and writes the YAML to --out', async () => {
    await copyFile(`${SEED}.txt`, path.join(directory, 'seed.txt'));
    await copyFile(`${SEED}.meta.json`, path.join(directory, 'seed.meta.json'));
    const out = path.join(directory, 'seed.yaml');
    const result = run(path.join(directory, 'seed.txt'), '--out', out);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/seed\.txt: drafted \d+ claims/);
  });

  it('names the file and the line that is not valid UTF-8', async () => {
    const file = path.join(directory, 'latin1.txt');
    await writeFile(
      file,
      Buffer.concat([
        Buffer.from('A first line of prose that is fine.\n'),
        Buffer.from('Caf\xe9 au lait.\n', 'latin1'),
      ]),
    );
    const result = run(file);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(`${file}: line 2 is not valid UTF-8`);
  });

  it('refuses a text over the size limit', async () => {
    const file = path.join(directory, 'huge.txt');
    await writeFile(file, 'a'.repeat(10 * 1024 * 1024 + 1));
    const result = run(file);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/huge\.txt: the file has 10485761 bytes; at most 10485760 are accepted/);
  });

  it('refuses a text with no sentence of prose', async () => {
    const file = path.join(directory, 'menu.txt');
    await writeFile(file, 'Home | News | Sport\n05:42\nSearch Trends\n');
    const result = run(file);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/menu\.txt: no sentences found/);
  });

  it('drafts without a publication date, leaving relative periods unresolved and saying so', async () => {
    const file = path.join(directory, 'undated.txt');
    await writeFile(
      file,
      'Exports rose 12 percent last year to 3.4 million tonnes, the ministry said in a statement.\n',
    );
    await writeFile(
      path.join(directory, 'undated.meta.json'),
      JSON.stringify({ title: 'Undated', publisher: 'Test Wire' }),
    );
    const result = run(file);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/warning: no publication date/);
    expect(result.stdout).toMatch(/WARNING: no publication date/);
    expect(result.stdout).toMatch(/"last year" is left unresolved/);
  });

  it('reports a missing file and a usage error', () => {
    expect(run(path.join(directory, 'nope.txt'))).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/nope\.txt: file not found/),
    });
    expect(run().status).toBe(2);
  });
});
