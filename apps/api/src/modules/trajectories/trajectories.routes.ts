import {
  checkpointBody,
  conferenceBody,
  createTrajectoryBody,
  goalBody,
  idParams,
  participantBody,
  partnerBody,
  retentionQuery,
  retentionView,
  stepBody,
  stepDoneBody,
  trajectoryListQuery,
  trajectoryPage,
  trajectoryStatusBody,
  trajectoryView,
  updateGoalBody,
  updateTrajectoryBody,
} from "@vindplaats/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { withCtx } from "../../http/handler.ts";
import { recordCheckpoint, retention } from "./housing-first.ts";
import { presentTrajectory } from "./present.ts";
import { changeTrajectoryStatus, createTrajectory, updateTrajectory } from "./trajectories.service.ts";
import {
  addConference,
  addGoal,
  addParticipant,
  addPartner,
  addStep,
  markStepDone,
  updateGoal,
} from "./trajectory-items.ts";
import { listTrajectories, readTrajectoryPage } from "./trajectory-page.ts";

export async function trajectoryRoutes(plain: FastifyInstance) {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  const tags = ["trajectories"];
  const config = { access: "authenticated", permission: "cases.work" } as const;
  const params = idParams;
  const created = { 201: z.object({ id: z.uuid() }) };

  app.get(
    "/api/v1/trajectories",
    {
      config,
      schema: {
        tags,
        summary: "Trajectories of your teams",
        querystring: trajectoryListQuery,
        response: { 200: z.array(trajectoryView) },
      },
    },
    (request) => withCtx(request, (ctx) => listTrajectories(ctx, request.query)),
  );
  app.post(
    "/api/v1/trajectories",
    {
      config,
      schema: {
        tags,
        summary: "Start a trajectory (housing, Housing First, youth)",
        body: createTrajectoryBody,
        response: { 201: trajectoryView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentTrajectory(await withCtx(request, (ctx) => createTrajectory(ctx, request.body)))),
  );
  app.get(
    "/api/v1/trajectories/retention",
    {
      config,
      schema: {
        tags,
        summary: "Housing First retention at 6/12/24 months (or the latest due checkpoint) as of a day",
        querystring: retentionQuery,
        response: { 200: retentionView },
      },
    },
    (request) => withCtx(request, (ctx) => retention(ctx, request.query)),
  );
  app.get(
    "/api/v1/trajectories/:id",
    {
      config,
      schema: {
        tags,
        summary: "Trajectory page: goals, steps, participants, partners, conferences, checkpoints",
        params,
        response: { 200: trajectoryPage },
      },
    },
    (request) => withCtx(request, (ctx) => readTrajectoryPage(ctx, request.params.id)),
  );
  app.patch(
    "/api/v1/trajectories/:id",
    {
      config,
      schema: {
        tags,
        summary: "Edit title, housing date or support",
        params,
        body: updateTrajectoryBody,
        response: { 200: trajectoryView },
      },
    },
    async (request) =>
      presentTrajectory(await withCtx(request, (ctx) => updateTrajectory(ctx, request.params.id, request.body))),
  );
  app.post(
    "/api/v1/trajectories/:id/status",
    {
      config,
      schema: {
        tags,
        summary: "Pause, resume or close",
        params,
        body: trajectoryStatusBody,
        response: { 200: trajectoryView },
      },
    },
    async (request) =>
      presentTrajectory(await withCtx(request, (ctx) => changeTrajectoryStatus(ctx, request.params.id, request.body))),
  );
  app.post(
    "/api/v1/trajectories/:id/goals",
    { config, schema: { tags, summary: "Add a goal in a life domain", params, body: goalBody, response: created } },
    async (request, reply) =>
      reply.status(201).send(await withCtx(request, (ctx) => addGoal(ctx, request.params.id, request.body))),
  );
  app.post(
    "/api/v1/trajectories/:id/steps",
    {
      config,
      schema: { tags, summary: "Add a step (optionally under a goal)", params, body: stepBody, response: created },
    },
    async (request, reply) =>
      reply.status(201).send(await withCtx(request, (ctx) => addStep(ctx, request.params.id, request.body))),
  );
  app.post(
    "/api/v1/trajectories/:id/participants",
    { config, schema: { tags, summary: "Add a participant", params, body: participantBody, response: created } },
    async (request, reply) =>
      reply.status(201).send(await withCtx(request, (ctx) => addParticipant(ctx, request.params.id, request.body))),
  );
  app.post(
    "/api/v1/trajectories/:id/partners",
    { config, schema: { tags, summary: "Add a partner service", params, body: partnerBody, response: created } },
    async (request, reply) =>
      reply.status(201).send(await withCtx(request, (ctx) => addPartner(ctx, request.params.id, request.body))),
  );
  app.post(
    "/api/v1/trajectories/:id/conferences",
    {
      config,
      schema: {
        tags,
        summary: "Case-conference note with the partners present",
        params,
        body: conferenceBody,
        response: created,
      },
    },
    async (request, reply) =>
      reply.status(201).send(await withCtx(request, (ctx) => addConference(ctx, request.params.id, request.body))),
  );
  app.patch(
    "/api/v1/trajectory-goals/:id",
    {
      config,
      schema: {
        tags,
        summary: "Mark a goal reached or dropped, or reword it",
        params,
        body: updateGoalBody,
        response: { 200: z.object({ id: z.uuid() }) },
      },
    },
    (request) => withCtx(request, (ctx) => updateGoal(ctx, request.params.id, request.body)),
  );
  app.post(
    "/api/v1/trajectory-steps/:id/done",
    {
      config,
      schema: {
        tags,
        summary: "Mark a step done",
        params,
        body: stepDoneBody,
        response: { 200: z.object({ id: z.uuid() }) },
      },
    },
    (request) => withCtx(request, (ctx) => markStepDone(ctx, request.params.id, request.body.on)),
  );
  app.post(
    "/api/v1/trajectories/:id/checkpoints",
    {
      config,
      schema: {
        tags,
        summary: "Housing First checkpoint at 6, 12 or 24 months",
        params,
        body: checkpointBody,
        response: { 201: z.object({ month: z.number().int(), outcome: z.string(), recordedOn: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await withCtx(request, (ctx) => recordCheckpoint(ctx, request.params.id, request.body))),
  );
}
