import { describe, expect, it } from 'vitest';
import { compareRecords } from './compare.ts';

describe('compareRecords (approval form vs registry)', () => {
  it('lists only the fields that differ, by content', () => {
    const registry = {
      name: '李明华',
      postTitle: '副镇长',
      fullTimeEducation: { education: '大学', degree: '学士', school: '浙江大学', major: '' },
      appointments: [
        {
          unitName: '云山镇',
          title: '副镇长',
          start: '2015-01',
          end: null,
          unitKind: 'township' as const,
          orgId: null,
          isLeadership: true,
          roleKind: 'team_member' as const,
          rank: '',
        },
      ],
      family: [],
    };
    const incoming = {
      name: '李明华',
      postTitle: '镇长',
      fullTimeEducation: { major: '', school: '浙江大学', degree: '学士', education: '大学' },
      appointments: [
        {
          unitName: '云山镇副镇长',
          title: '',
          start: '2015-01',
          end: null,
          unitKind: null,
          orgId: null,
          isLeadership: false,
          roleKind: 'staff' as const,
          rank: '',
        },
      ],
      family: [],
      health: '健康',
    };
    expect(compareRecords(registry, incoming).map((d) => [d.field, d.label])).toEqual([
      ['health', '健康状况'],
      ['postTitle', '现任职务'],
    ]);
  });

  it('compares school and major as the one text a form keeps (an exported record imported again is the same)', () => {
    const registry = {
      fullTimeEducation: { education: '大学', degree: '学士', school: '福州大学', major: '计算机科学与技术' },
    };
    const roundTrip = {
      fullTimeEducation: { education: '大学', degree: '学士', school: '福州大学计算机科学与技术', major: '' },
    };
    expect(compareRecords(registry, roundTrip)).toEqual([]);
    const otherMajor = {
      fullTimeEducation: { education: '大学', degree: '学士', school: '福州大学软件工程', major: '' },
    };
    expect(compareRecords(registry, otherMajor).map((d) => d.label)).toEqual(['全日制教育']);
  });
});
