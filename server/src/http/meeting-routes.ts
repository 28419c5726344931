import { Hono, type MiddlewareHandler } from 'hono';
import type { MeetingsService } from '../meetings/meetings-service.js';
import { jsonObject, optionalJsonObject, unwrap } from './outcomes.js';
import type { Env } from './require-user.js';

/** MDT meetings under `/api/meetings`: agenda, live meeting, outcomes, minutes. */
export function meetingRoutes(
  { meetings }: { meetings: MeetingsService },
  requireUser: MiddlewareHandler<Env>,
) {
  const app = new Hono<Env>();
  const ok = { ok: true };

  app.get('/meetings', requireUser, async (c) => c.json(await meetings.list(c.var.user)));

  app.post('/meetings', requireUser, async (c) => {
    const body = await jsonObject(c.req.raw, 'the date and time, and the place or call link');
    const { id } = unwrap(await meetings.create(c.var.user, body));
    return c.json({ id }, 201);
  });

  app.get('/meetings/:id', requireUser, async (c) => {
    const { meeting } = unwrap(await meetings.get(c.var.user, c.req.param('id')));
    return c.json(meeting);
  });

  app.post('/meetings/:id/cases', requireUser, async (c) => {
    const body = await jsonObject(c.req.raw, 'the person, the reason and the minutes');
    const { id } = unwrap(await meetings.addCase(c.var.user, c.req.param('id'), body));
    return c.json({ id }, 201);
  });

  app.patch('/meetings/:id/cases/:caseId', requireUser, async (c) => {
    const body = await jsonObject(c.req.raw, 'the details to change');
    const { id, caseId } = c.req.param();
    unwrap(await meetings.updateCase(c.var.user, id, caseId, body));
    return c.json(ok);
  });

  app.delete('/meetings/:id/cases/:caseId', requireUser, async (c) => {
    const { id, caseId } = c.req.param();
    unwrap(await meetings.removeCase(c.var.user, id, caseId));
    return c.json(ok);
  });

  app.post('/meetings/:id/cases/:caseId/move', requireUser, async (c) => {
    const body = await jsonObject(c.req.raw, 'toIndex, the case’s new place');
    const { id, caseId } = c.req.param();
    unwrap(await meetings.moveCase(c.var.user, id, caseId, body));
    return c.json(ok);
  });

  app.post('/meetings/:id/start', requireUser, async (c) => {
    const { live } = unwrap(await meetings.start(c.var.user, c.req.param('id')));
    return c.json(live);
  });

  app.post('/meetings/:id/advance', requireUser, async (c) => {
    const body = await optionalJsonObject(c.req.raw);
    const { live } = unwrap(await meetings.advance(c.var.user, c.req.param('id'), body));
    return c.json(live);
  });

  app.post('/meetings/:id/close', requireUser, async (c) => {
    const { nextMeetingId, nextMeetingStartsAt, carried, alreadyListed } = unwrap(
      await meetings.close(c.var.user, c.req.param('id')),
    );
    return c.json({ nextMeetingId, nextMeetingStartsAt, carried, alreadyListed });
  });

  app.post('/meetings/:id/attendance', requireUser, async (c) => {
    const body = await optionalJsonObject(c.req.raw);
    unwrap(await meetings.join(c.var.user, c.req.param('id'), body));
    return c.json(ok);
  });

  app.patch('/meetings/:id/attendance/:userId', requireUser, async (c) => {
    const body = await jsonObject(c.req.raw, 'the mode: in-room or remote');
    const { id, userId } = c.req.param();
    unwrap(await meetings.setAttendance(c.var.user, id, userId, body));
    return c.json(ok);
  });

  app.post('/meetings/:id/cases/:caseId/outcome', requireUser, async (c) => {
    const body = await jsonObject(c.req.raw, 'the decision');
    const { id, caseId } = c.req.param();
    unwrap(await meetings.recordOutcome(c.var.user, id, caseId, body));
    return c.json(ok);
  });

  app.post('/meetings/:id/cases/:caseId/sign-off', requireUser, async (c) => {
    const { id, caseId } = c.req.param();
    const { versionId } = unwrap(await meetings.signOff(c.var.user, id, caseId));
    return c.json({ versionId }, 201);
  });

  app.get('/meetings/:id/live', requireUser, async (c) => {
    const { live } = unwrap(await meetings.live(c.var.user, c.req.param('id')));
    return c.json(live);
  });

  app.get('/meetings/:id/minutes', requireUser, async (c) => {
    const { minutes } = unwrap(await meetings.minutes(c.var.user, c.req.param('id')));
    return c.json(minutes);
  });

  app.get('/meetings/:id/minutes.html', requireUser, async (c) => {
    const { html } = unwrap(await meetings.minutesHtml(c.var.user, c.req.param('id')));
    c.header('Content-Disposition', 'attachment; filename="minutes.html"');
    return c.html(html);
  });

  return app;
}
