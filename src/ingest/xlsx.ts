import { InputError } from '../errors.js';
import type { Table, TableOptions } from './table.js';

export async function openXlsx(path: string, _options: TableOptions): Promise<Table> {
  throw new InputError('XLSX reading is not built yet; save the sheet as CSV.', path);
}
