import type { VillageRow } from '@sunshine/contracts';
import { birthdayAt, randomDate } from './calendar';
import type { County } from './geography';
import type { Person } from './population';
import type { Registries } from './registries';
import type { Rng } from './rng';

export interface Places {
  county: string;
  towns: Map<string, string>;
  villages: Map<string, VillageRow>;
}

type Official = Registries['officials'][number];
type Business = Registries['businesses'][number];
type Vehicle = Registries['vehicles'][number];
type Property = Registries['property'][number];

const STREETS = ['解放路', '人民路', '建设路', '新华街', '中山路', '民族路', '兴业路', '朝阳街'];
const TRADE_NAMES = ['兴旺', '顺发', '鑫源', '宏达', '福满', '金田', '绿源', '惠民', '富康', '佳佳'];
const TRADES = ['便利店', '农资店', '五金店', '养殖场', '建材店', '汽车修理店', '理发店', '农家乐', '快餐店', '种养专业合作社'];
const VEHICLE_TYPES = ['小型轿车', '小型普通客车', '轻型普通货车', '三轮汽车', '普通二轮摩托车'];
const VEHICLE_WEIGHTS = [40, 25, 10, 5, 20];
/** 统一社会信用代码 alphabet (GB 32100): digits and capitals without I, O, S, V, Z. */
const USCC = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function placesOf(county: County): Places {
  return {
    county: county.name,
    towns: new Map(county.towns.map((t) => [t.code, t.name])),
    villages: new Map(county.villages.map((v) => [v.code, v])),
  };
}

/** A registration date after the owner's 18th birthday, between 2008 and last month. */
function adultDate(rng: Rng, person: Person): string {
  const last = '2026-09-30';
  const adult = birthdayAt(person.birthDate, 18);
  const from = adult > '2008-01-01' ? adult : '2008-01-01';
  return randomDate(rng, from < last ? from : last, last);
}

/** Builds registry entries for people; remembers plates and licence numbers so none repeats. */
export class RecordMaker {
  private readonly plates = new Set<string>();
  private readonly licences = new Set<string>();

  constructor(
    private readonly places: Places,
    private readonly areaCode: string,
  ) {}

  official(rng: Rng, person: Person): Official {
    const town = this.townOf(person);
    const village = this.places.villages.get(person.villageCode);
    const deputy = town.endsWith('乡') ? '副乡长' : '副镇长';
    const committee: [string, string[]] =
      village?.kind === 'community'
        ? [`${village.name}居民委员会`, ['社区居委会主任', '社区党委书记']]
        : [`${village?.name ?? ''}村民委员会`, ['村委会主任', '村党支部书记', '村委会委员']];
    const choices: [string, string[]][] = [
      [`${town}人民政府`, ['科员', '党政办主任', '财政所所长', '民政办专干', deputy]],
      [`${this.places.county}民政局`, ['科员', '股长', '副局长']],
      [`${this.places.county}自然资源局`, ['科员', '所长']],
      [`${this.places.county}农业农村局`, ['科员', '农技员']],
      [`${town}中心小学`, ['教师', '副校长']],
      [`${town}卫生院`, ['医生', '护士']],
      committee,
    ];
    const [employer, positions] = rng.pick(choices);
    return { person: person.index, employer, position: rng.pick(positions) };
  }

  business(rng: Rng, person: Person): Business {
    const trade = rng.pick(TRADES);
    const cooperative = trade.endsWith('合作社');
    const businessName = `${this.places.county}${this.townOf(person)}${rng.pick(TRADE_NAMES)}${trade}`;
    // 92 = 个体工商户, 93 = 农民专业合作社.
    return { person: person.index, businessName, licenceNo: this.licence(rng, cooperative ? '93' : '92'), registeredDate: adultDate(rng, person) };
  }

  vehicle(rng: Rng, person: Person): Vehicle {
    const vehicleType = VEHICLE_TYPES[rng.weightedIndex(VEHICLE_WEIGHTS)] ?? '小型轿车';
    return { person: person.index, plate: this.plate(rng), vehicleType, registeredDate: adultDate(rng, person) };
  }

  residence(rng: Rng, person: Person): Property {
    const village = this.places.villages.get(person.villageCode);
    const where = `${this.places.county}${this.townOf(person)}${village?.name ?? ''}`;
    const address = village?.kind === 'community' ? `${where}${rng.pick(STREETS)}${rng.int(1, 200)}号` : `${where}${rng.int(1, 12)}组${rng.int(1, 90)}号`;
    return { person: person.index, address, use: 'residential', areaM2: rng.int(600, 2800) / 10 };
  }

  commercial(rng: Rng, person: Person): Property {
    const address = `${this.places.county}${this.townOf(person)}${rng.pick(STREETS)}${rng.int(1, 300)}号${rng.int(1, 3)}号商铺`;
    return { person: person.index, address, use: 'commercial', areaM2: rng.int(200, 3000) / 10 };
  }

  private townOf(person: Person): string {
    const village = this.places.villages.get(person.villageCode);
    return this.places.towns.get(village?.townCode ?? '') ?? '';
  }

  /** 桂K plus five characters, letters among the digits as on real plates. */
  private plate(rng: Rng): string {
    for (;;) {
      const tail = Array.from({ length: 5 }, (_, i) => (i === 0 && rng.chance(0.5) ? rng.pick([...'ABCDEFGHJKLMNPQ']) : String(rng.int(0, 9)))).join('');
      const plate = `桂K${tail}`;
      if (this.plates.has(plate)) continue;
      this.plates.add(plate);
      return plate;
    }
  }

  /** A unified social credit code with its GB 32100 check character. */
  private licence(rng: Rng, kind: string): string {
    for (;;) {
      const body = `${kind}${this.areaCode}MA${Array.from({ length: 7 }, () => rng.pick([...USCC])).join('')}`;
      let sum = 0;
      for (let i = 0; i < 17; i++) sum += USCC.indexOf(body.charAt(i)) * (USCC_WEIGHTS[i] ?? 0);
      const code = body + USCC.charAt((31 - (sum % 31)) % 31);
      if (this.licences.has(code)) continue;
      this.licences.add(code);
      return code;
    }
  }
}
