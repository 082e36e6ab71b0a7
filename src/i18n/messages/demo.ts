/** `npm run demo`: its own few lines around what prakerja prints. */
import { message } from '../lang.js';

export const demo = {
  database: message({ id: (path: string) => `Database demo: ${path} (PRAKERJA_DB)`, en: (path) => `Demo database: ${path} (PRAKERJA_DB)` }),
  failed: message({ id: (code: number) => `langkah demo gagal dengan kode keluar ${code}`, en: (code) => `demo step failed with exit code ${code}` }),
  further: message({
    id: (path: string) => `Jelajahi lebih lanjut dengan: PRAKERJA_DB=${path} bin/prakerja --help`,
    en: (path) => `Explore further with: PRAKERJA_DB=${path} bin/prakerja --help`,
  }),
};
