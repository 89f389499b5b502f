import { chinaToday } from '@ganbu/core';
import dayjs, { type Dayjs } from 'dayjs';

/**
 * Today in China as a date picker's value. From 00:00 to 08:00 Beijing time the browser's own date (UTC, or
 * any zone west of China) is still yesterday, while the server judges dates by China's day: a form's default
 * day and its "not after today" limit must be China's, or a filing made at 01:00 is refused as late.
 */
export const chinaDay = (): Dayjs => dayjs(chinaToday(new Date()));
