import { describe, expect, it } from 'vitest';
import { CadreRecordInputSchema } from './record.ts';

const ORG = '00000000-0000-4000-8000-000000000000';
const parse = (name: string) =>
  CadreRecordInputSchema.safeParse({ orgId: ORG, name, gender: 'female', birthDate: '1985-06' });

// 姓名 (issue 10 §5): markup is refused with a message, never stored; a name over 50 characters is refused,
// never cut; names as people write them pass.
describe('a cadre name', () => {
  it('passes as people write it: 汉字, a minority name with ·, letters', () => {
    for (const name of ['王小明', '阿依古丽·买买提', 'Li Ming', '欧阳 娜娜'])
      expect(parse(name).success, name).toBe(true);
  });

  it('is refused with markup or control characters, with the message the form shows', () => {
    for (const name of ['<script>alert(1)</script>', '王&五', '李"四"', 'a/b', '王\u0007五']) {
      const r = parse(name);
      expect(r.success, name).toBe(false);
      expect(r.error?.issues[0]?.message).toBe('姓名不能包含 < > & " / \\ { } [ ] 等符号或控制字符');
    }
  });

  it('is refused over 50 characters, not cut', () => {
    expect(parse('张'.repeat(50)).success).toBe(true);
    const r = parse('张'.repeat(51));
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.code).toBe('too_big');
  });
});
