import {
  createTaskBody,
  idParams,
  taskListQuery,
  taskOverview,
  taskOverviewQuery,
  tasksDueView,
  taskView,
  updateTaskBody,
} from "@vindplaats/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { withCtx } from "../../http/handler.ts";
import {
  completeTask,
  createTask,
  listTasks,
  taskOverview as overview,
  presentTask,
  reopenTask,
  tasksDue,
  updateTask,
} from "./tasks.service.ts";

export async function taskRoutes(plain: FastifyInstance) {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  const tags = ["tasks"];
  const config = { access: "authenticated", permission: "cases.work" } as const;
  const params = idParams;

  app.get(
    "/api/v1/tasks",
    {
      config,
      schema: {
        tags,
        summary: "Tasks of your teams: open, overdue, due today, done",
        querystring: taskListQuery,
        response: { 200: z.array(taskView) },
      },
    },
    (request) => withCtx(request, (ctx) => listTasks(ctx, request.query)),
  );
  app.get(
    "/api/v1/tasks/due",
    {
      config,
      schema: {
        tags,
        summary: "Your reminders: your open tasks that are overdue or due today",
        response: { 200: tasksDueView },
      },
    },
    (request) => withCtx(request, tasksDue),
  );
  app.get(
    "/api/v1/tasks/overview",
    {
      config,
      schema: {
        tags,
        summary: "Open and overdue tasks per team member",
        querystring: taskOverviewQuery,
        response: { 200: taskOverview },
      },
    },
    (request) => withCtx(request, (ctx) => overview(ctx, request.query.teamId)),
  );
  app.post(
    "/api/v1/tasks",
    {
      config,
      schema: {
        tags,
        summary: "Add a task with a due day and an assignee",
        body: createTaskBody,
        response: { 201: taskView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await withCtx(request, async (ctx) => presentTask(ctx, await createTask(ctx, request.body)))),
  );
  app.patch(
    "/api/v1/tasks/:id",
    {
      config,
      schema: {
        tags,
        summary: "Change the title, due day or assignee",
        params,
        body: updateTaskBody,
        response: { 200: taskView },
      },
    },
    (request) =>
      withCtx(request, async (ctx) => presentTask(ctx, await updateTask(ctx, request.params.id, request.body))),
  );
  app.post(
    "/api/v1/tasks/:id/done",
    { config, schema: { tags, summary: "Mark a task done", params, response: { 200: taskView } } },
    (request) => withCtx(request, async (ctx) => presentTask(ctx, await completeTask(ctx, request.params.id))),
  );
  app.post(
    "/api/v1/tasks/:id/reopen",
    { config, schema: { tags, summary: "Reopen a task marked done", params, response: { 200: taskView } } },
    (request) => withCtx(request, async (ctx) => presentTask(ctx, await reopenTask(ctx, request.params.id))),
  );
}
