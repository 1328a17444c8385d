// Entry point: styles, i18n, React Query and the router. A 401 from any API call clears the
// session and sends the browser to sign-in, keeping the page the person was on.
import "./styles/index.css";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { ApiError, setUnauthenticatedHandler } from "./api/client.ts";
import { SESSION_KEY } from "./features/auth/session.ts";
import { initI18n } from "./i18n/index.ts";
import { createAppRouter } from "./router.tsx";

await initI18n();

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Client errors will not change on a retry; network and server errors might.
      retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});
const router = createAppRouter(queryClient);

setUnauthenticatedHandler((key) => {
  queryClient.clear();
  queryClient.setQueryData(SESSION_KEY, null);
  const here = router.state.location.href;
  void router.navigate({
    to: "/sign-in",
    search: { reason: key, ...(here.startsWith("/sign-in") ? {} : { redirect: here }) },
  });
});

const root = document.getElementById("root");
if (!root) throw new Error("#root missing from index.html");
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
