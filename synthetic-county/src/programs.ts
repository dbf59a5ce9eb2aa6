import type { PolicyRow, ProgramRow } from '@sunshine/contracts';

/** The subsidy programmes the county pays, in the order payments.csv lists them. */
export const PROGRAMS = [
  { code: 'dibao', name: '最低生活保障', department: '县民政局' },
  { code: 'tekun', name: '特困人员救助供养', department: '县民政局' },
  { code: 'gaoling', name: '高龄津贴', department: '县民政局' },
  { code: 'guer', name: '孤儿基本生活费', department: '县民政局' },
  { code: 'canji', name: '残疾人两项补贴', department: '县残疾人联合会' },
  { code: 'yanglao', name: '城乡居民基础养老金', department: '县人力资源和社会保障局' },
  { code: 'gengdi', name: '耕地地力保护补贴', department: '县农业农村局' },
  { code: 'weifang', name: '农村危房改造补助', department: '县住房和城乡建设局' },
  { code: 'jiaoyu', name: '学生资助', department: '县教育局' },
] as const;

export type ProgramCode = (typeof PROGRAMS)[number]['code'];

/** Low-income programmes (低保, 特困): what officials' households and business owners must not receive. */
export const LOW_INCOME_PROGRAMS: readonly ProgramCode[] = ['dibao', 'tekun'];
/** No one may be paid by both in the same period: 特困供养 replaces 低保. */
export const MUTUALLY_EXCLUSIVE_PROGRAMS: readonly (readonly [ProgramCode, ProgramCode])[] = [['dibao', 'tekun']];

export function programRows(): ProgramRow[] {
  return PROGRAMS.map((p) => ({ id: p.code, code: p.code, name: p.name, department: p.department }));
}

export function departmentOf(code: ProgramCode): string {
  const program = PROGRAMS.find((p) => p.code === code);
  if (program === undefined) throw new Error(`unknown programme ${code}`);
  return program.department;
}

/** 政策解读: who qualifies, how much, how it is paid, in words a villager reads at a glance. */
const POLICIES: Record<ProgramCode, { title: string; body: string }> = {
  dibao: {
    title: '最低生活保障（低保）政策解读',
    body: '家庭人均收入低于当地低保标准、家庭财产符合规定的居民，可以向乡镇人民政府申请低保。经过入户调查、村里评议公示和县民政局审批后，按家庭人均收入与低保标准的差额每月发放低保金。低保金每月10日前打入一卡通账户，不收任何费用。家庭成员中有公职人员、开办企业或名下有车辆的，一般不能享受低保。',
  },
  tekun: {
    title: '特困人员救助供养政策解读',
    body: '没有劳动能力、没有生活来源、没有人赡养抚养的老年人、残疾人和未成年人，可以申请特困供养。每人每月发放基本生活费和照料护理补贴，可以在家分散供养，也可以到敬老院集中供养。已经享受特困供养的，不再同时享受低保。',
  },
  gaoling: {
    title: '高龄津贴政策解读',
    body: '本县户籍、年满80周岁的老人都可以领取高龄津贴，不看家庭收入。80至89周岁每人每月50元，90至99周岁每月100元，100周岁以上每月300元。满80周岁的次月起按月发放到一卡通账户。',
  },
  guer: {
    title: '孤儿基本生活费政策解读',
    body: '父母双亡，或者父母一方死亡另一方失踪的未满18周岁儿童，可以领取孤儿基本生活费。散居孤儿每人每月1200元，由监护人到村委会申请，县民政局审核后按月发放。孤儿上学还可以同时享受学生资助。',
  },
  canji: {
    title: '残疾人两项补贴政策解读',
    body: '持有残疾人证的困难残疾人可以领取生活补贴，一级、二级重度残疾人可以领取护理补贴，两项都符合的可以同时领取。每项补贴每月90元，由残联审核后按月发放。本人或家属带残疾人证、户口本到村委会申请即可。',
  },
  yanglao: {
    title: '城乡居民基础养老金政策解读',
    body: '参加城乡居民养老保险、年满60周岁、没有领取职工养老金的居民，每月可以领取养老金。2026年起基础养老金每人每月193元，65岁以上、75岁以上还有加发。满60周岁的次月起按月发放到社保卡。',
  },
  gengdi: {
    title: '耕地地力保护补贴政策解读',
    body: '承包耕地并且用于农业生产的农户，按承包面积领取耕地地力保护补贴，每亩105元。每年由农业农村局核实面积后发放一次，一般在6月。撂荒、改作他用或已被征收的耕地不再发放补贴。',
  },
  weifang: {
    title: '农村危房改造补助政策解读',
    body: '住房经鉴定为危房的低保户、特困户、低收入户和困难残疾人家庭，可以申请危房改造补助，每户一般1.5万元到3.5万元。房屋改造完成并经验收合格后，补助资金一次性打入农户一卡通。',
  },
  jiaoyu: {
    title: '学生资助政策解读',
    body: '家庭经济困难的在校学生可以申请资助：义务教育寄宿生有生活补助，高中生和大学生有国家助学金。低保、特困、脱贫家庭和残疾学生优先。资助每年3月和9月各发放一次，由学校核实后打卡。',
  },
};

export function policyRows(): PolicyRow[] {
  return PROGRAMS.map((p) => ({ id: `policy-${p.code}`, programCode: p.code, ...POLICIES[p.code] }));
}
