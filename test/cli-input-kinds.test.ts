/**
 * Files an office is sent that are not a list prakerja reads — a PDF, a LibreOffice .ods workbook — are
 * named for what they are, with what to do, not read as a CSV with no columns or called a cut-short .xlsx.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers/cli.js';

/** The opening of a zip whose first entry is an uncompressed `mimetype`, as an OpenDocument file starts. */
function odsHead(): Buffer {
  const name = Buffer.from('mimetype');
  const body = Buffer.from('application/vnd.oasis.opendocument.spreadsheet');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(10, 4);
  header.writeUInt32LE(body.length, 18);
  header.writeUInt32LE(body.length, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name, body, Buffer.from('PK\x03\x04rest of the workbook')]);
}

describe('a file of another kind', () => {
  it('a PDF is said to be one, exit 1, nothing imported, both languages', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const pdf = join(dir, 'daftar.pdf');
    writeFileSync(pdf, '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');
    const en = await runCli(['--db', db, 'import', pdf, '--source', 'central', '--wave', '3']);
    expect(en.code).toBe(1);
    expect(en.stdout).toContain(`✗ ${pdf}: this is a PDF, which prakerja cannot read rows from. Ask for the list as an Excel file (.xlsx) or CSV, or export it from the program that made the PDF.\n`);
    const id = await runCli(['--db', db, 'import', pdf, '--source', 'central', '--wave', '3'], { PRAKERJA_LANG: 'id' });
    expect(id.code).toBe(1);
    expect(id.stdout).toContain(`✗ ${pdf}: ini berkas PDF, yang barisnya tidak bisa dibaca prakerja. Mintalah daftarnya dalam bentuk Excel (.xlsx) atau CSV, atau ekspor dari program pembuat PDF itu.\n`);
  });

  it('an OpenDocument workbook (.ods) is said to be one, with how to save it as .xlsx', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const ods = join(dir, 'daftar.ods');
    writeFileSync(ods, odsHead());
    const en = await runCli(['--db', db, 'import', ods, '--source', 'central', '--wave', '3']);
    expect(en.code).toBe(1);
    expect(en.stdout).toContain(`✗ ${ods}: this is a LibreOffice (OpenDocument .ods) workbook. Open it in LibreOffice and save it as Excel 2007-365 (.xlsx) or CSV.\n`);
    const id = await runCli(['--db', db, 'import', ods, '--source', 'central', '--wave', '3'], { PRAKERJA_LANG: 'id' });
    expect(id.stdout).toContain(`✗ ${ods}: ini workbook LibreOffice (OpenDocument .ods). Buka di LibreOffice lalu simpan sebagai Excel 2007-365 (.xlsx) atau CSV.\n`);
  });
});
