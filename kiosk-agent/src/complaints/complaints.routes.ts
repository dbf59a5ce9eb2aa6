import { AppError, agentVillagerApi as api, ComplaintSubject } from '@sunshine/contracts';
import { Router } from 'express';
import { mount } from '../route-mount';
import type { ComplaintsService } from './complaints.service';

const SubjectParams = ComplaintSubject.pick({ kind: true, id: true });

/** 我要反映 and 查进度: report a problem, follow a ticket, see what is already reported. */
export function complaintsRoutes(complaints: ComplaintsService): Router {
  const router = Router();
  mount(router, api.listComplaintCategories, () => complaints.categories());
  mount(router, api.createComplaint, ({ body }) => complaints.submit(body));
  mount(router, api.getTicket, ({ params, query }) => complaints.follow(params.ticketNumber, query.pin));
  mount(router, api.listOpenTickets, ({ params }) => {
    const subject = SubjectParams.safeParse(params);
    if (!subject.success) throw new AppError('bad_request', '没有这一类可以反映的事项（kind 应为 payment、project、finance_line 或 notice）。');
    return complaints.openTickets(subject.data.kind, subject.data.id);
  });
  return router;
}
