import { PNG } from 'pngjs';

/** Demo photos: a plain ID-photo silhouette (head and shoulders) on a blue backdrop, 102 × 136 px. */
const WIDTH = 102;
const HEIGHT = 136;

const BACKDROPS: [number, number, number][] = [
  [67, 142, 219],
  [88, 153, 214],
  [52, 120, 190],
];
const CLOTHES: [number, number, number][] = [
  [40, 44, 52],
  [33, 37, 79],
  [60, 60, 66],
  [245, 245, 245],
];

/** A deterministic avatar for variant n (gender changes the hair outline). */
export function demoAvatar(n: number, gender: 'male' | 'female'): Buffer {
  const png = new PNG({ width: WIDTH, height: HEIGHT });
  const bg = BACKDROPS[n % BACKDROPS.length] as [number, number, number];
  const cloth = CLOTHES[Math.floor(n / BACKDROPS.length) % CLOTHES.length] as [number, number, number];
  const skin: [number, number, number] = [236 - (n % 4) * 6, 200 - (n % 4) * 6, 170 - (n % 4) * 5];
  const hair: [number, number, number] = [30, 26, 24];
  const cx = WIDTH / 2;
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      let c = bg;
      const headY = 58;
      const inHead = ((x - cx) / 22) ** 2 + ((y - headY) / 28) ** 2 <= 1;
      const hairTop = ((x - cx) / 24) ** 2 + ((y - (headY - 6)) / 28) ** 2 <= 1 && y < headY - 12;
      const longHair =
        gender === 'female' &&
        Math.abs(x - cx) <= 27 &&
        Math.abs(x - cx) >= 19 &&
        y > headY - 20 &&
        y < headY + 30;
      const shoulders = y > 92 && ((x - cx) / 52) ** 2 + ((y - 150) / 58) ** 2 <= 1;
      const neck = Math.abs(x - cx) < 9 && y > headY + 20 && y <= 96;
      if (shoulders) c = cloth;
      if (neck) c = skin;
      if (longHair) c = hair;
      if (inHead) c = skin;
      if (hairTop) c = hair;
      const i = (y * WIDTH + x) * 4;
      png.data[i] = c[0];
      png.data[i + 1] = c[1];
      png.data[i + 2] = c[2];
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}
