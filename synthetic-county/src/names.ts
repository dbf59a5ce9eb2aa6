import { Weighted, type Rng } from './rng';

// Surnames with their approximate share (‰) of the population. The county is in
// Guangxi (area code 45…), so 韦, 覃, 莫, 蒙, 农 are commoner here than nationally.
const SURNAME_SHARES: readonly (readonly [string, number])[] = [
  ['王', 71], ['李', 70], ['张', 67], ['刘', 51], ['陈', 46], ['杨', 32], ['黄', 35], ['赵', 22],
  ['吴', 20], ['周', 19], ['徐', 14], ['孙', 13], ['马', 13], ['朱', 13], ['胡', 12], ['郭', 11],
  ['何', 11], ['林', 10], ['高', 10], ['罗', 12], ['郑', 9], ['梁', 12], ['谢', 8], ['宋', 7],
  ['唐', 8], ['许', 7], ['韩', 6], ['冯', 6], ['邓', 7], ['曹', 6], ['彭', 6], ['曾', 6],
  ['肖', 5], ['田', 5], ['董', 5], ['袁', 5], ['潘', 6], ['于', 4], ['蒋', 5], ['蔡', 5],
  ['余', 5], ['杜', 4], ['叶', 4], ['程', 4], ['苏', 4], ['魏', 4], ['吕', 4], ['丁', 4],
  ['任', 4], ['沈', 3], ['姚', 3], ['卢', 4], ['姜', 3], ['崔', 3], ['钟', 3], ['谭', 3],
  ['陆', 3], ['汪', 3], ['范', 3], ['金', 2], ['石', 3], ['廖', 3], ['贾', 2], ['夏', 2],
  ['韦', 12], ['覃', 8], ['莫', 6], ['蒙', 3], ['农', 2], ['卜', 1], ['欧阳', 1],
];

export const SURNAMES = new Weighted(
  SURNAME_SHARES.map(([s]) => s),
  SURNAME_SHARES.map(([, w]) => w),
);

/** Given names by generation: 秀英 for a grandmother, 丽 for a mother, 欣怡 for a daughter. */
const GIVEN_NAMES = {
  born1930s: {
    M: '德明 国华 福生 长青 树林 永福 金山 宝山 德胜 文华 光明 振华 志明 有才 春生 水生 家福 学文 正清 庆丰 明亮 富贵 荣华 炳坤 桂生 福 贵 林 山 成',
    F: '秀英 桂英 玉兰 秀兰 凤英 桂兰 玉珍 淑珍 秀珍 翠花 金凤 玉梅 月娥 桂芳 秀梅 素芬 美英 冬梅 兰英 玉英 春花 菊英 桂香 凤 英 兰 珍',
  },
  born1956: {
    M: '建华 建平 志强 卫东 建军 海涛 国强 红军 永强 建明 志刚 东升 向阳 卫国 新民 小平 春雷 文斌 伟 勇 军 强 斌 平 明 辉 华 兵',
    F: '红梅 丽华 海燕 丽萍 春燕 玉华 小红 秀云 建英 彩霞 晓红 爱华 红霞 美玲 丽娟 桂香 丽 红 芳 霞 萍 燕 敏 静',
  },
  born1980: {
    M: '志伟 海峰 晓东 建伟 俊杰 文杰 明辉 家豪 振宇 少华 永杰 伟 磊 涛 鹏 超 杰 亮 俊 浩 波 刚 宇 晨 鑫',
    F: '丽娜 晓燕 婷婷 丹丹 晓丽 雪梅 思思 玉婷 春梅 婷 丹 洁 琳 倩 雪 娟 颖 艳 佳 慧 莉 琴',
  },
  born2000: {
    M: '浩然 子轩 宇轩 梓豪 俊熙 一鸣 浩宇 宇航 博文 思源 俊宇 皓轩 子墨 天佑 锦程 嘉豪 明轩 奕辰 泽宇 铭 睿',
    F: '欣怡 梓涵 诗涵 雨欣 可馨 一诺 子涵 语桐 雨桐 思琪 佳怡 梦瑶 紫萱 欣妍 若曦 可欣 诗琪 依诺 美琳 悦 涵',
  },
} as const;

type Gender = 'M' | 'F';
const POOLS = Object.fromEntries(
  Object.entries(GIVEN_NAMES).map(([era, pools]) => [era, { M: pools.M.split(' '), F: pools.F.split(' ') }]),
);

function poolFor(birthYear: number, gender: Gender): readonly string[] {
  const era = birthYear < 1956 ? 'born1930s' : birthYear < 1980 ? 'born1956' : birthYear < 2000 ? 'born1980' : 'born2000';
  const pool = POOLS[era]?.[gender];
  if (pool === undefined) throw new Error(`no given names for ${era}`);
  return pool;
}

export function givenName(rng: Rng, birthYear: number, gender: Gender): string {
  return rng.pick(poolFor(birthYear, gender));
}

/**
 * A village's surnames: most villages are settled by one or two clans (李家村), so two
 * surnames take 45% of its households and the rest follow the county-wide shares.
 */
export class VillageSurnames {
  private readonly clans: readonly string[];

  constructor(private readonly rng: Rng) {
    const first = SURNAMES.pick(rng);
    let second = SURNAMES.pick(rng);
    while (second === first) second = SURNAMES.pick(rng);
    this.clans = [first, second];
  }

  pick(): string {
    return this.rng.chance(0.45) ? this.rng.pick(this.clans) : SURNAMES.pick(this.rng);
  }
}
