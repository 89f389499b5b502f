import type { BurdenRegister } from '@ganbu/core';
import { XLSX_TYPE } from '../../src/platform/spool.ts';
import { foreignRegisterWorkbooks } from '../factories/burden-registers.ts';
import { multipartFile } from '../helpers.ts';
import type { Fixture, ModuleMatrix } from '../scope-matrix.ts';

/**
 * The burden module's `registers` routes in the route-scope matrix: the foreign street's meeting, document,
 * inspection and overtime entries (read, edited, deleted), entries organised by the foreign street or for its
 * cadre (created, imported), the summary and the distribution asked for the foreign street.
 */
const REGISTERS: BurdenRegister[] = ['meeting', 'document', 'inspection', 'overtime'];

const idOf = (fx: Fixture, r: BurdenRegister) => fx.foreign.burdenRegisters[`${r}Id`]!;

const inputs = (fx: Fixture): Record<BurdenRegister, Record<string, unknown>> => ({
  meeting: {
    register: 'meeting',
    heldOn: '2026-10-12',
    orgId: fx.foreign.orgId,
    kindId: 'work',
    title: '越权登记',
    minutes: 30,
  },
  document: {
    register: 'document',
    issuedOn: '2026-10-12',
    orgId: fx.foreign.orgId,
    kindId: 'office',
    title: '越权登记',
  },
  inspection: {
    register: 'inspection',
    orgId: fx.foreign.orgId,
    kindId: 'inspection',
    title: '越权登记',
    startOn: '2026-10-12',
    targetOrgIds: [fx.foreign.villageId],
  },
  overtime: {
    register: 'overtime',
    cadreId: fx.foreign.cadreId,
    fromOn: '2026-10-12',
    times: 2,
    reason: '越权登记',
  },
});

const upload = (r: BurdenRegister) => multipartFile('x.xlsx', foreignRegisterWorkbooks.get(r)!, XLSX_TYPE);

export const registersMatrix: ModuleMatrix = {
  'GET /api/burden/summary': {
    requests: (fx): { query: Record<string, string> }[] => [
      { query: { year: '2026' } },
      { query: { year: '2026', orgId: fx.foreign.orgId } },
    ],
    targetsForeign: false,
  },
  'GET /api/burden/summary/trend': {
    requests: (fx): { query: Record<string, string> }[] => [
      { query: { year: '2026' } },
      { query: { year: '2026', orgId: fx.foreign.orgId } },
    ],
    targetsForeign: false,
  },
  'GET /api/burden/overtime/distribution': {
    requests: (fx) => [{}, { query: { until: '2026-11-01', orgId: fx.foreign.orgId } }],
    targetsForeign: false,
  },
  'GET /api/burden/registers/:register': {
    requests: (fx) =>
      REGISTERS.flatMap((register) => [
        { params: { register } },
        { params: { register }, query: { year: '2026', orgId: fx.foreign.orgId } },
      ]),
    targetsForeign: false,
  },
  'POST /api/burden/registers/:register': {
    requests: (fx) => REGISTERS.map((register) => ({ params: { register }, payload: inputs(fx)[register] })),
    targetsForeign: true,
  },
  'PUT /api/burden/registers/:register/:id': {
    requests: (fx) =>
      REGISTERS.map((register) => ({
        id: idOf(fx, register),
        params: { register },
        payload: inputs(fx)[register],
      })),
    targetsForeign: true,
  },
  'DELETE /api/burden/registers/:register/:id': {
    requests: (fx) => REGISTERS.map((register) => ({ id: idOf(fx, register), params: { register } })),
    targetsForeign: true,
  },
  'GET /api/burden/registers/:register/template.xlsx': {
    requests: () => REGISTERS.map((register) => ({ params: { register } })),
    targetsForeign: false,
  },
  'GET /api/burden/registers/:register/export.xlsx': {
    requests: (fx) =>
      REGISTERS.flatMap((register) => [
        { params: { register } },
        { params: { register }, query: { orgId: fx.foreign.orgId } },
      ]),
    targetsForeign: false,
  },
  'POST /api/burden/registers/:register/import': {
    requests: () => REGISTERS.map((register) => ({ params: { register }, ...upload(register) })),
    targetsForeign: true,
  },
  'POST /api/burden/registers/:register/import/report': {
    requests: () => REGISTERS.map((register) => ({ params: { register }, ...upload(register) })),
    // the caller's own upload annotated (a 200 with the wrong cells marked), nothing written
    targetsForeign: false,
  },
};

/** The foreign street's register entries in the route matrix's fingerprint (`$1`: its org path). */
export const fingerprint: string[] = [
  `SELECT string_agg(x::text, '|' ORDER BY x.id) FROM burden_register_entries x WHERE x.org_path <@ $1::ltree`,
];
