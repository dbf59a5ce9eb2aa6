import { HOME_TILES } from './home-tiles';

const HOW: Record<string, string> = {
  payments: '输入身份证号码，看发给您的每一笔补贴，可以打印。',
  projects: '看村里、镇里、县里的项目：钱从哪里来，花到哪里去，谁建的，建得怎样。',
  finance: '选一个月份，看村里的收入、支出和余额。',
  notices: '看党务、政务、村务的通知公告。',
  report: '说一段话或点几个常用的话，就能反映问题，可以不留名字。',
  ticket: '输入回执上的查询号，看反映的事办得怎样。',
};

export const HELP_STEPS = HOME_TILES.map((tile) => ({ title: tile.title, text: HOW[tile.screen] ?? tile.subtitle }));

export function helpWalkThroughText(): string {
  return (
    '欢迎使用阳光监督一体机。首页有六个大按钮。' +
    HELP_STEPS.map((step, i) => `第${'一二三四五六'[i] ?? ''}个，${step.title}：${step.text}`).join('') +
    '任何时候，按左上角的“首页”回到开始，按“返回”回到上一步。按下面的“朗读”可以再听一遍，“大声”“小声”调音量。'
  );
}
