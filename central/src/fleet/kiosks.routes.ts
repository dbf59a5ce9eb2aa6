import { EnrolRequest } from '@sunshine/contracts';
import { parseInput } from '@sunshine/service-kit';
import { Router } from 'express';
import { enrolKiosk, type EnrolmentDeps } from './enrolment.service';

export function kioskRoutes(deps: EnrolmentDeps): Router {
  return Router().post('/api/kiosks/enrol', async (req, res) => {
    const request = parseInput(EnrolRequest, req.body);
    res.status(201).json(await enrolKiosk(deps, request));
  });
}
