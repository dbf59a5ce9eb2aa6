import { addDays } from './calendar';
import type { Rng } from './rng';

export interface NoticeDraft {
  title: string;
  body: string;
  category: 'party' | 'government' | 'village';
  /** '' when the notice does not expire. */
  expiryDate: string;
}

export interface Place {
  county: string;
  town: string;
  village: string;
  /** Someone named in the notice (a new party member), not necessarily a registered resident. */
  person: string;
  publishDate: string;
}

export type NoticeTemplate = (rng: Rng, p: Place) => NoticeDraft;

const year = (p: Place): number => Number(p.publishDate.slice(0, 4));
const phone = (rng: Rng): string => `0775-${rng.int(5_100_000, 5_899_999)}`;
const yuan = (rng: Rng, min: number, max: number): string => String(rng.int(min, max));

export const VILLAGE_NOTICES: readonly NoticeTemplate[] = [
  (rng, p) => ({
    title: `${p.village}低保对象民主评议结果公示`,
    body: `经村民代表会议民主评议，本村拟新纳入低保对象${rng.int(1, 5)}户${rng.int(2, 12)}人，拟退出${rng.int(0, 3)}户。现予公示，公示期7天。对公示内容有异议的，可向村委会或${p.town}人民政府民政办反映，电话${phone(rng)}。`,
    category: 'village',
    expiryDate: addDays(p.publishDate, 7),
  }),
  (rng, p) => {
    // Dues are published for the half-year just ended.
    const firstHalf = p.publishDate.slice(5, 7) > '06';
    const half = firstHalf ? `${year(p)}年上半年` : `${year(p) - 1}年下半年`;
    return {
      title: `${p.village}党支部${half}党费收缴情况公示`,
      body: `本支部共有党员${rng.int(18, 60)}名，${half}应缴党费${yuan(rng, 1_200, 5_000)}元，实缴全部到位。党费收缴情况接受全体党员监督。`,
      category: 'party',
      expiryDate: '',
    };
  },
  (rng, p) => ({
    title: `${p.village}村两委联席会议决议公开`,
    body: `村两委召开联席会议，研究决定：一、${rng.pick(['启动村道路灯维修', '调整村集体鱼塘承包方案', '申报饮水安全巩固提升项目', '开展人居环境整治月活动'])}；二、${rng.pick(['推选村务监督委员会补选人选', '落实秋冬种生产', '做好防溺水宣传', '组织重阳节敬老活动'])}。以上事项按“四议两公开”程序办理，欢迎村民监督。`,
    category: 'village',
    expiryDate: '',
  }),
  (rng, p) => ({
    title: `关于做好${year(p) + 1}年度城乡居民医保缴费工作的通知`,
    body: `${year(p) + 1}年度城乡居民基本医疗保险个人缴费标准为每人${rng.pick(['380', '400'])}元，请在${year(p)}年12月31日前缴纳。可以用手机缴费，也可以到村委会代缴点缴费。低保、特困和脱贫人口的个人缴费由政府资助，不用自己出钱。`,
    category: 'government',
    expiryDate: `${year(p)}-12-31`,
  }),
  (rng, p) => ({
    title: `${p.village}党支部发展党员公示`,
    body: `经支部大会讨论，拟接收${p.person}同志为中共预备党员。现予公示，公示期5天。党员群众如有意见，可向${p.town}党委组织委员反映，电话${phone(rng)}。`,
    category: 'party',
    expiryDate: addDays(p.publishDate, 5),
  }),
  (rng, p) => ({
    title: `${p.village}${year(p)}年耕地地力保护补贴面积公示`,
    body: `本村${year(p)}年耕地地力保护补贴面积已核实完毕，共涉及农户${rng.int(80, 400)}户、面积${rng.int(400, 3_000)}亩，补贴标准每亩105元。公示期7天，有异议请向村委会反映。`,
    category: 'government',
    expiryDate: addDays(p.publishDate, 7),
  }),
  (rng, p) => ({
    title: `${p.village}村级财务收支情况公开`,
    body: `现将本村近期财务收支情况公开：收入${yuan(rng, 20_000, 90_000)}元，支出${yuan(rng, 15_000, 80_000)}元，明细可在一体机“村级财务”中查看。如有疑问，请向村务监督委员会反映。`,
    category: 'village',
    expiryDate: '',
  }),
];

export const TOWN_NOTICES: readonly NoticeTemplate[] = [
  (rng, p) => ({
    title: `${p.town}关于做好秋冬季森林防火工作的通告`,
    body: `进入秋冬季，天干物燥，森林火险等级高。严禁在林区烧荒、烧纸、燃放鞭炮。发现火情请立即拨打${phone(rng)}或119报警。`,
    category: 'government',
    expiryDate: `${year(p) + 1}-03-31`,
  }),
  (rng, p) => ({
    title: `${p.town}党委关于开展党纪学习教育的通知`,
    body: `各村党支部要组织党员认真学习党纪条例，每月至少开展一次集中学习。学习情况将纳入年底党建考核。联系人：党委组织委员，电话${phone(rng)}。`,
    category: 'party',
    expiryDate: '',
  }),
  (rng, p) => {
    // Published after this year's flood season, it is about next year's.
    const season = p.publishDate.slice(5) > '09-30' ? year(p) + 1 : year(p);
    return {
      title: `${p.town}${season}年汛期防汛工作安排`,
      body: `汛期内各村要落实24小时值班，提前排查危房、山塘水库和地质灾害隐患点。遇强降雨时，请住在危险地带的群众按村干部通知及时转移。值班电话${phone(rng)}。`,
      category: 'government',
      expiryDate: `${season}-09-30`,
    };
  },
];

export const COUNTY_NOTICES: readonly NoticeTemplate[] = [
  (rng, p) => ({
    title: `${p.county}纪委监委关于公布群众信访举报方式的公告`,
    body: `群众发现惠民惠农资金被截留、挪用、优亲厚友等问题，可通过一体机“我要反映”、来信或电话举报。举报电话${phone(rng)}，我们将依法保护举报人。`,
    category: 'party',
    expiryDate: '',
  }),
  (_rng, p) => ({
    title: `${p.county}关于开展惠民惠农财政补贴资金“一卡通”专项治理的公告`,
    body: `县里正在对惠民惠农补贴资金发放情况进行专项治理。补贴资金一律通过“一卡通”直接发放到群众手中，任何单位和个人不得代领、扣押存折或社保卡。发现问题请及时反映。`,
    category: 'government',
    expiryDate: '',
  }),
  (rng, p) => ({
    title: `${p.county}人民政府关于调整${year(p) + 1}年城乡低保标准的通知`,
    body: `经县人民政府研究，自${year(p) + 1}年1月1日起，农村低保标准提高到每人每年${yuan(rng, 5_600, 6_200)}元。低保金按新标准发放，不需要重新申请。`,
    category: 'government',
    expiryDate: '',
  }),
];
