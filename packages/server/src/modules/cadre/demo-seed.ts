import { chinaToday, CadreRecordInputSchema } from '@ganbu/core';
import { generateDemoRecords } from '@ganbu/core/demo/records';
import { demoAvatar } from '../../demo/avatar.ts';
import type { DemoSeedContext } from '../../demo/context.ts';
import { insertCadre, replaceAppointments, savePhoto } from './repository.ts';
import { cadreWrite } from './service.ts';

/** distinct generated photos, reused across the demo cadres */
const AVATAR_VARIANTS = 12;

/** The district's generated cadre records with their appointments and a photo, recording ids by key. */
export async function seedDemoCadres(ctx: DemoSeedContext): Promise<void> {
  const { client, cipher, district, orgIds: idOf, cadreIds } = ctx;
  const avatars = new Map<string, Buffer>();
  const today = chinaToday(ctx.now);
  for (const r of generateDemoRecords(district, { seed: ctx.seed })) {
    const { key, orgKey, ...fields } = r;
    const record = CadreRecordInputSchema.parse({ ...fields, orgId: idOf.get(orgKey) });
    const id = await insertCadre(client, cadreWrite(cipher, record, today));
    if (!id) throw new Error(`demo cadre ${key}: unit not found`);
    await replaceAppointments(client, id, record.appointments);
    const variant = cadreIds.size % AVATAR_VARIANTS;
    const avatarKey = `${record.gender}:${variant}`;
    if (!avatars.has(avatarKey)) avatars.set(avatarKey, demoAvatar(variant, record.gender));
    await savePhoto(client, id, 'image/png', avatars.get(avatarKey) as Buffer);
    cadreIds.set(key, id);
  }
}
