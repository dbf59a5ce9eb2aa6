import type { TownRow, VillageRow } from '@sunshine/contracts';
import { at } from './lists';
import { Rng, Stream } from './rng';
import type { ScaleConfig } from './scale';

export interface County {
  code: string;
  name: string;
  towns: TownRow[];
  villages: VillageRow[];
}

const COUNTY = { code: '452123', name: '云溪县' } as const;

/**
 * The county's map does not depend on the seed: every seed and scale describes the same
 * place, so a demo script can name 青石镇 and find it. `villages` is each town's count.
 */
const TOWNS: readonly { name: string; villages: number; communities: readonly string[] }[] = [
  { name: '城关镇', villages: 24, communities: ['城东社区', '城西社区', '城北社区'] },
  { name: '青石镇', villages: 19, communities: ['青石社区'] },
  { name: '龙潭镇', villages: 18, communities: ['龙潭社区'] },
  { name: '河口镇', villages: 17, communities: ['河口社区'] },
  { name: '白沙镇', villages: 17, communities: ['白沙社区'] },
  { name: '凤凰镇', villages: 16, communities: ['凤凰社区'] },
  { name: '新圩镇', villages: 16, communities: ['新圩社区'] },
  { name: '平安镇', villages: 16, communities: ['平安社区'] },
  { name: '双桥镇', villages: 17, communities: ['双桥社区'] },
  { name: '大坪镇', villages: 15, communities: ['大坪社区'] },
  { name: '石门乡', villages: 15, communities: [] },
  { name: '黄竹乡', villages: 16, communities: [] },
  { name: '古寨乡', villages: 14, communities: [] },
  { name: '瑶山乡', villages: 15, communities: [] },
  { name: '竹林乡', villages: 15, communities: [] },
];

const FIRST = [...'大小新石龙凤黄白青上下东西南长马牛高古梅竹松花枫金银水塘坡岩桥沙柳桃平安和富德兴'];
const SECOND = [...'坪塘岭山头寨江溪坡湾冲垌田林桥岗河口屯庄坝洞园圩岩'];
const CLAN = [...'李王张刘陈杨黄罗韦覃莫梁何周谢唐'];
const CLAN_PLACE = ['家湾', '家坪', '家寨', '家冲', '家岭', '家庄'];
const GEOGRAPHY_SEED = 20_261_031;

export function buildCounty(scale: ScaleConfig): County {
  const rng = Rng.stream(GEOGRAPHY_SEED, Stream.geography);
  const used = new Set(TOWNS.map((t) => t.name.slice(0, -1)));
  const towns: TownRow[] = [];
  const villages: VillageRow[] = [];
  // 镇 are numbered 100…, 乡 200…, as in the national division codes.
  const next = { town: 100, township: 200 };
  for (const town of TOWNS) {
    const isTown = town.name.endsWith('镇');
    const seq = isTown ? next.town++ : next.township++;
    const code = `${COUNTY.code}${seq}`;
    towns.push({ id: code, code, name: town.name });
    // Codes follow the national scheme: 居委会 (communities) 001…, 村委会 (villages) 201….
    town.communities.forEach((name, i) => {
      const villageCode = `${code}${String(1 + i).padStart(3, '0')}`;
      villages.push({ id: villageCode, code: villageCode, name, townCode: code, kind: 'community' });
    });
    for (let i = 0; i < town.villages - town.communities.length; i++) {
      const villageCode = `${code}${201 + i}`;
      villages.push({ id: villageCode, code: villageCode, name: `${uniqueVillageStem(rng, used)}村`, townCode: code, kind: 'village' });
    }
  }
  return { ...COUNTY, ...limitTo(scale, towns, villages) };
}

function uniqueVillageStem(rng: Rng, used: Set<string>): string {
  for (;;) {
    const stem = rng.chance(0.2)
      ? `${rng.pick(CLAN)}${rng.pick(CLAN_PLACE)}`
      : `${rng.pick(FIRST)}${rng.pick(SECOND)}`;
    if (used.has(stem)) continue;
    used.add(stem);
    return stem;
  }
}

/** A tiny county keeps the first towns and, in each, at most one community and then villages. */
function limitTo(scale: ScaleConfig, towns: TownRow[], villages: VillageRow[]): Pick<County, 'towns' | 'villages'> {
  if (scale.geography === null) return { towns, villages };
  const { villagesPerTown } = scale.geography;
  const kept = towns.slice(0, scale.geography.towns);
  const keptVillages = kept.flatMap((t) => {
    const inTown = villages.filter((v) => v.townCode === t.code);
    const community = inTown.filter((v) => v.kind === 'community').slice(0, 1);
    const rural = inTown.filter((v) => v.kind === 'village');
    return [...community, ...rural].slice(0, villagesPerTown);
  });
  if (keptVillages.length === 0) throw new Error(`no villages kept in ${at(kept, 0).name}`);
  return { towns: kept, villages: keptVillages };
}
