/** Every screen the kiosk can show. Add one id here and one component in `screens/`. */
export type ScreenId =
  | 'home'
  | 'payments' // 查补贴
  | 'projects' // 项目公开
  | 'finance' // 村务财务
  | 'notices' // 党务政务
  | 'report' // 我要反映
  | 'ticket' // 查进度
  | 'help'; // 帮助
