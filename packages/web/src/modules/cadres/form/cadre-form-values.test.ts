import type { CadreDetail } from '@ganbu/core';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/http.ts';
import {
  NEW_APPOINTMENT,
  NEW_FAMILY,
  fieldErrorsOf,
  inputFromValues,
  valuesFromDetail,
  type CadreFormValues,
} from './cadre-form-values.ts';

const EMPTY_EDU = { education: '', degree: '', school: '', major: '' };

describe('the cadre form: values ↔ record', () => {
  it('starts a new record in the given unit, 汉族, everything else empty', () => {
    const v = valuesFromDetail(undefined, 'org-1');
    const {
      orgId,
      establishmentOrgId,
      ethnicity,
      category,
      professionalType,
      fullTimeEducation,
      inServiceEducation,
      tags,
      family,
      appointments,
      extras,
      ...texts
    } = v;
    expect([orgId, ethnicity, category, professionalType]).toEqual(['org-1', '汉族', null, false]);
    // 编制所在单位: none chosen (the same as the unit)
    expect(establishmentOrgId).toBeNull();
    expect([fullTimeEducation, inServiceEducation]).toEqual([EMPTY_EDU, EMPTY_EDU]);
    expect([tags, family, appointments, extras]).toEqual([[], [], [], []]);
    // the 16 text fields (name … annualAssessment) are empty; no gender is chosen
    expect(Object.values(texts)).toEqual(Array<string>(16).fill(''));
    expect('gender' in v).toBe(false);
    // the two educations are separate objects (editing one does not change the other)
    expect(v.fullTimeEducation).not.toBe(v.inServiceEducation);
  });

  it('shows a stored record with empty strings for missing dates and extras as rows', () => {
    const detail = {
      name: '王芳',
      partyJoinDate: null,
      workStartDate: '2010-07-01',
      idNumber: null,
      phone: '13800000000',
      family: [
        { relation: '配偶', name: '李强', birthDate: null, politicalStatus: '群众', workUnitAndPost: '' },
      ],
      appointments: [
        { ...NEW_APPOINTMENT, unitName: '鹰嘴村', title: '村党组织书记', start: '2021-01', end: null },
      ],
      extras: { 备注: '驻村', 特长: '' },
    } as unknown as CadreDetail;
    const v = valuesFromDetail(detail);
    expect(v.partyJoinDate).toBe('');
    expect(v.workStartDate).toBe('2010-07-01');
    expect(v.idNumber).toBe('');
    expect(v.phone).toBe('13800000000');
    expect(v.family).toEqual([
      { relation: '配偶', name: '李强', birthDate: '', politicalStatus: '群众', workUnitAndPost: '' },
    ]);
    expect(v.appointments[0]?.end).toBe('');
    expect(v.extras).toEqual([
      { key: '备注', value: '驻村' },
      { key: '特长', value: '' },
    ]);
  });

  it('sends trimmed texts, nulls for empty optional fields, an upper-case ID number', () => {
    const values: CadreFormValues = {
      ...valuesFromDetail(undefined, 'org-1'),
      name: ' 王芳 ',
      gender: 'female',
      birthDate: '1985-03-02',
      partyJoinDate: '  ',
      workStartDate: '2010-07-01 ',
      fullTimeEducation: { education: '大学 ', degree: '学士', school: ' 中山大学', major: '' },
      idNumber: ' 44040219850302002x ',
      phone: '',
      rank: '一级科员 ',
      professionalType: true,
      tags: [' 驻村 ', '', '  '],
      family: [{ ...NEW_FAMILY, relation: '配偶 ', name: '李强', birthDate: '' }],
      appointments: [
        {
          ...NEW_APPOINTMENT,
          unitName: ' 鹰嘴村',
          title: '书记',
          start: '2021-01 ',
          end: ' ',
          isLeadership: true,
        },
      ],
      extras: [
        { key: ' 备注 ', value: '驻村' },
        { key: '  ', value: 'dropped: no key' },
      ],
    };
    expect(inputFromValues(values)).toEqual({
      orgId: 'org-1',
      establishmentOrgId: null,
      name: '王芳',
      gender: 'female',
      birthDate: '1985-03-02',
      ethnicity: '汉族',
      nativePlace: '',
      birthPlace: '',
      politicalStatus: '',
      partyJoinDate: null,
      workStartDate: '2010-07-01',
      health: '',
      fullTimeEducation: { education: '大学', degree: '学士', school: '中山大学', major: '' },
      inServiceEducation: EMPTY_EDU,
      idNumber: '44040219850302002X',
      phone: null,
      category: null,
      rank: '一级科员',
      professionalType: true,
      professionalTitle: '',
      specialty: '',
      postTitle: '',
      rewardsAndPunishments: '',
      annualAssessment: '',
      tags: ['驻村'],
      family: [{ relation: '配偶', name: '李强', birthDate: null, politicalStatus: '', workUnitAndPost: '' }],
      appointments: [
        {
          unitName: '鹰嘴村',
          orgId: null,
          unitKind: null,
          title: '书记',
          isLeadership: true,
          roleKind: 'staff',
          rank: '',
          start: '2021-01',
          end: null,
        },
      ],
      extras: { 备注: '驻村' },
    });
  });
});

describe('fieldErrorsOf: a 400 VALIDATION answer by form field', () => {
  it('groups the messages by field, from the record checks and from the schema', () => {
    const err = new ApiError(400, 'VALIDATION', '数据校验失败', [
      { field: 'appointments.2.end', message: '任职结束早于开始' },
      { path: '/family/0/name', message: '必填' },
      { field: 'appointments.2.end', message: '日期格式不对' },
      { message: 'no field' },
      { field: 'name' },
      null,
    ]);
    expect(fieldErrorsOf(err)).toEqual([
      { name: ['appointments', 2, 'end'], errors: ['任职结束早于开始', '日期格式不对'] },
      { name: ['family', 0, 'name'], errors: ['必填'] },
    ]);
  });

  it('ignores other errors', () => {
    expect(fieldErrorsOf(new ApiError(409, 'CONFLICT', 'x', [{ field: 'name', message: 'm' }]))).toEqual([]);
    expect(fieldErrorsOf(new Error('x'))).toEqual([]);
    expect(fieldErrorsOf(new ApiError(400, 'VALIDATION', 'x'))).toEqual([]);
  });
});
