/** What a project template knows: its name, kind, department, the works it pays for and what it achieves. */
export interface ProjectTemplate {
  name: (place: string) => string;
  kind: 'livelihood' | 'poverty_alleviation';
  department: string;
  /** Budget range in yuan. */
  budgetYuan: readonly [number, number];
  items: readonly string[];
  outcome: (rand: (min: number, max: number) => number) => string;
}

export const VILLAGE_PROJECTS: readonly ProjectTemplate[] = [
  {
    name: (v) => `${v}道路硬化工程`,
    kind: 'livelihood',
    department: '县交通运输局',
    budgetYuan: [300_000, 1_800_000],
    items: ['路基整平', '水泥混凝土路面浇筑', '排水沟修建', '安全防护栏安装', '材料采购', '工程监理费'],
    outcome: (r) => `硬化村道${r(12, 48) / 10}公里，方便${r(80, 600)}户群众出行`,
  },
  {
    name: (v) => `${v}饮水安全巩固提升工程`,
    kind: 'poverty_alleviation',
    department: '县水利局',
    budgetYuan: [150_000, 900_000],
    items: ['蓄水池修建', '供水管网铺设', '净化消毒设备购置', '入户水表安装', '工程监理费'],
    outcome: (r) => `新建蓄水池${r(1, 3)}座，铺设管网${r(20, 90) / 10}公里，解决${r(60, 400)}户饮水问题`,
  },
  {
    name: (v) => `${v}产业扶贫养殖基地建设项目`,
    kind: 'poverty_alleviation',
    department: '县农业农村局',
    budgetYuan: [200_000, 1_200_000],
    items: ['圈舍建设', '种苗采购', '饲料采购', '技术培训', '配套道路'],
    outcome: (r) => `建成标准化圈舍${r(2, 8)}栋，带动脱贫户${r(10, 60)}户每户年增收${r(15, 40) * 100}元`,
  },
  {
    name: (v) => `${v}村级光伏电站`,
    kind: 'poverty_alleviation',
    department: '县发展和改革局',
    budgetYuan: [400_000, 1_500_000],
    items: ['光伏组件采购', '逆变器及配电设备', '支架安装', '并网接入', '工程监理费'],
    outcome: (r) => `装机容量${r(100, 300)}千瓦，村集体年增收约${r(6, 20)}万元`,
  },
  {
    name: (v) => `${v}农田水利灌溉渠道修复`,
    kind: 'livelihood',
    department: '县水利局',
    budgetYuan: [100_000, 600_000],
    items: ['渠道清淤', '渠道三面光衬砌', '闸门更换', '材料采购'],
    outcome: (r) => `修复渠道${r(10, 60) / 10}公里，改善灌溉面积${r(200, 1500)}亩`,
  },
  {
    name: (v) => `${v}人居环境整治项目`,
    kind: 'livelihood',
    department: '县住房和城乡建设局',
    budgetYuan: [80_000, 400_000],
    items: ['垃圾收集点建设', '污水管网改造', '村庄绿化', '太阳能路灯安装', '公厕改造'],
    outcome: (r) => `建成垃圾收集点${r(3, 12)}个，安装路灯${r(20, 120)}盏`,
  },
  {
    name: (v) => `${v}文化活动室建设`,
    kind: 'livelihood',
    department: '县文化广电体育和旅游局',
    budgetYuan: [80_000, 300_000],
    items: ['活动室主体工程', '室内装修', '健身器材采购', '图书及设备购置'],
    outcome: (r) => `建成活动室${r(120, 300)}平方米，配备健身器材${r(6, 15)}件`,
  },
];

export const TOWN_PROJECTS: readonly ProjectTemplate[] = [
  {
    name: (t) => `${t}集镇污水处理设施建设项目`,
    kind: 'livelihood',
    department: '县住房和城乡建设局',
    budgetYuan: [1_500_000, 5_000_000],
    items: ['污水处理站土建', '处理设备采购安装', '污水管网铺设', '工程监理费', '设计费'],
    outcome: (r) => `日处理污水${r(3, 10) * 100}吨，覆盖集镇居民${r(2, 8)}千人`,
  },
  {
    name: (t) => `${t}农贸市场改造提升工程`,
    kind: 'livelihood',
    department: '县商务局',
    budgetYuan: [800_000, 3_000_000],
    items: ['市场大棚改造', '摊位建设', '消防设施', '排水改造'],
    outcome: (r) => `改造摊位${r(60, 200)}个，方便周边${r(5, 20)}个村群众赶圩`,
  },
  {
    name: (t) => `${t}中心小学教学楼维修加固`,
    kind: 'livelihood',
    department: '县教育局',
    budgetYuan: [500_000, 2_000_000],
    items: ['主体结构加固', '屋面防水', '门窗更换', '课桌椅购置'],
    outcome: (r) => `维修教室${r(12, 30)}间，惠及学生${r(300, 1200)}名`,
  },
];

export const COUNTY_PROJECTS: readonly ProjectTemplate[] = [
  {
    name: (c) => `${c}农村公路安全生命防护工程`,
    kind: 'livelihood',
    department: '县交通运输局',
    budgetYuan: [5_000_000, 12_000_000],
    items: ['波形护栏安装', '警示标志标线', '减速带设置', '危险路段改造', '工程监理费'],
    outcome: (r) => `完成${r(80, 200)}公里农村公路安全防护设施建设`,
  },
  {
    name: (c) => `${c}城乡供水一体化工程`,
    kind: 'poverty_alleviation',
    department: '县水利局',
    budgetYuan: [10_000_000, 30_000_000],
    items: ['水厂扩建', '主干管网铺设', '加压泵站建设', '水质检测设备', '设计费'],
    outcome: (r) => `新增日供水能力${r(5, 20)}千吨，覆盖${r(30, 90)}个村`,
  },
  {
    name: (c) => `${c}脱贫人口小额信贷贴息`,
    kind: 'poverty_alleviation',
    department: '县农业农村局',
    budgetYuan: [1_000_000, 4_000_000],
    items: ['第一季度贴息', '第二季度贴息', '第三季度贴息', '第四季度贴息'],
    outcome: (r) => `为${r(500, 2000)}户脱贫户贷款贴息`,
  },
];

export const CONTRACTOR_PREFIXES = ['桂云', '恒达', '鑫盛', '华建', '宏远', '永兴', '广泰', '振邦', '隆源', '中桂'];
/** The kind of firm that wins a department's works: a 水利 job goes to a water engineering firm. */
export function contractorTrades(department: string): readonly string[] {
  if (department === '县水利局') return ['水利水电工程有限公司', '水利建设工程有限公司'];
  if (department === '县交通运输局') return ['路桥工程有限公司', '公路工程有限公司'];
  if (department === '县发展和改革局') return ['新能源科技有限公司', '电力工程有限公司'];
  if (department === '县农业农村局') return ['农业开发有限公司', '建筑工程有限公司'];
  return ['建筑工程有限公司', '市政工程有限公司', '建设工程有限公司'];
}
