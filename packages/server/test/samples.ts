/** Sample payloads shared by the server tests. */
import { readFileSync } from 'node:fs';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A valid approval form (fixture of the core LRMX tests). */
export const LRMX_SAMPLE = readFileSync(
  new URL('../../core/src/lrmx/fixtures/complete.lrmx', import.meta.url),
);

/** The smallest file the report upload takes for a PDF (it decides by the `%PDF-` header). */
export const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

/** The smallest JPEG header a content check accepts. */
export const TINY_JPEG = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xff, 0xd9,
]);

/** A valid cadre record (the ID number checks out against birth date and gender). */
export function sampleRecord(orgId: string) {
  return {
    orgId,
    name: '林志强',
    gender: 'male',
    birthDate: '1949-12-31',
    // 11010519491231001 + check character 1 (GB 11643; sequence 001 is odd → male)
    idNumber: '110105194912310011',
    politicalStatus: '中共党员',
    partyJoinDate: '1975-06',
    workStartDate: '1970-08',
    appointments: [
      {
        unitName: '东湖街道',
        unitKind: 'street',
        title: '党工委书记',
        isLeadership: true,
        roleKind: 'party_secretary',
        rank: '正科级',
        start: '1990-01',
        end: null,
      },
    ],
  };
}
