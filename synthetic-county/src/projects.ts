import type { ProjectFundRow, ProjectRow, ProjectSpendingRow } from '@sunshine/contracts';
import { addDays, AS_OF, DATA_START, fromDayNumber, randomDate, toDayNumber } from './calendar';
import type { County } from './geography';
import { at } from './lists';
import { CONTRACTOR_PREFIXES, contractorTrades, COUNTY_PROJECTS, TOWN_PROJECTS, VILLAGE_PROJECTS, type ProjectTemplate } from './project-templates';
import { Rng, Stream } from './rng';
import { splitFen } from './split';

export interface ProjectTables {
  projects: ProjectRow[];
  funds: ProjectFundRow[];
  spending: ProjectSpendingRow[];
}

type Status = 'planned' | 'in_progress' | 'completed';
interface Timeline {
  status: Status;
  progress: number;
  startDate: string;
  endDate: string;
}

/** 项目公开: about three projects a village, two a town, three county-wide. */
export function buildProjects(county: County, seed: number): ProjectTables {
  const rng = Rng.stream(seed, Stream.projects);
  const tables: ProjectTables = { projects: [], funds: [], spending: [] };
  const add = (template: ProjectTemplate, place: string, scopeCode: string, village: boolean): void => {
    addProject(rng, tables, { template, place, scopeCode, village });
  };
  for (const village of county.villages) {
    for (const t of rng.sample(VILLAGE_PROJECTS, rng.int(2, 4))) add(t, village.name, village.code, true);
  }
  for (const town of county.towns) {
    for (const t of rng.sample(TOWN_PROJECTS, 2)) add(t, town.name, town.code, false);
  }
  for (const t of COUNTY_PROJECTS) add(t, county.name, county.code, false);
  return tables;
}

interface Spec {
  template: ProjectTemplate;
  place: string;
  scopeCode: string;
  village: boolean;
}

function addProject(rng: Rng, tables: ProjectTables, { template, place, scopeCode, village }: Spec): void {
  const id = `prj-${String(tables.projects.length + 1).padStart(4, '0')}`;
  const [min, max] = template.budgetYuan;
  const budgetFen = rng.int(min / 1_000, max / 1_000) * 100_000;
  const time = timeline(rng);
  const contractor = time.status === 'planned' ? '' : `${rng.pick(CONTRACTOR_PREFIXES)}${rng.pick(contractorTrades(template.department))}`;
  tables.projects.push({
    id,
    name: template.name(place),
    kind: template.kind,
    scopeCode,
    budgetFen,
    contractor,
    status: time.status,
    progress: time.progress,
    outcome: outcomeOf(rng, template, time),
    startDate: time.startDate,
    endDate: time.endDate,
    department: template.department,
  });
  const sources = village ? ['中央财政衔接资金', '自治区财政专项资金', '县级财政配套资金', '村集体自筹'] : ['中央财政衔接资金', '自治区财政专项资金', '县级财政配套资金'];
  const chosen = sources.slice(0, rng.int(1, 3));
  splitFen(rng, budgetFen, chosen.length).forEach((amountFen, i) => tables.funds.push({ projectId: id, source: at(chosen, i), amountFen }));
  addSpending(rng, tables, { id, budgetFen, template, time });
}

/** Start within the two years (or soon, when planned); status and progress follow from the dates. */
function timeline(rng: Rng): Timeline {
  if (rng.chance(0.1)) return { status: 'planned', progress: 0, startDate: randomDate(rng, addDays(AS_OF, 15), addDays(AS_OF, 150)), endDate: '' };
  const startDate = randomDate(rng, DATA_START, addDays(AS_OF, -30));
  const duration = rng.int(60, 360);
  const elapsed = toDayNumber(AS_OF) - toDayNumber(startDate);
  if (elapsed >= duration) return { status: 'completed', progress: 100, startDate, endDate: addDays(startDate, duration) };
  const progress = Math.max(5, Math.min(95, Math.floor((elapsed / duration) * 100)));
  return { status: 'in_progress', progress, startDate, endDate: '' };
}

function outcomeOf(rng: Rng, template: ProjectTemplate, time: Timeline): string {
  if (time.status === 'planned') return '项目已立项，正在开展招标准备工作';
  if (time.status === 'in_progress') return `工程正在施工，已完成约${time.progress}%`;
  return template.outcome((a, b) => rng.int(a, b));
}

interface SpendingSpec {
  id: string;
  budgetFen: number;
  template: ProjectTemplate;
  time: Timeline;
}

/** 花到哪里去: 2–6 lines within the budget; a planned project has paid only for its design and tender. */
function addSpending(rng: Rng, tables: ProjectTables, { id, budgetFen, template, time }: SpendingSpec): void {
  const planned = time.status === 'planned';
  const items = planned ? ['勘察设计费', '招标代理费'] : rng.sample(template.items, rng.int(2, Math.min(6, template.items.length)));
  const share = planned ? 0.02 + rng.float() * 0.03 : time.status === 'completed' ? 0.9 + rng.float() * 0.1 : (time.progress / 100) * (0.8 + rng.float() * 0.2);
  const spent = Math.floor((budgetFen * share) / 100) * 100;
  const from = planned ? toDayNumber(addDays(AS_OF, -90)) : toDayNumber(time.startDate);
  const to = time.endDate === '' ? toDayNumber(AS_OF) : toDayNumber(time.endDate);
  const dates = items.map(() => fromDayNumber(rng.int(from, to))).sort();
  splitFen(rng, spent, items.length).forEach((amountFen, i) => tables.spending.push({ projectId: id, item: at(items, i), amountFen, date: at(dates, i) }));
}
