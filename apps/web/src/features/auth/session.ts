// The signed-in session as a React Query entry. Whenever a session view arrives (sign-in, probe,
// PATCH /me) its CSRF token is handed to the API client and the account's language is applied.

import { type QueryClient, queryOptions, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import type { Locale, SessionView } from "@vindplaats/contracts";
import { ApiError, api, setCsrfToken } from "../../api/client.ts";
import { applyLocale } from "../../i18n/index.ts";

export const SESSION_KEY = ["session"] as const;

async function fetchSession(): Promise<SessionView | null> {
  try {
    return adoptSession(await api.get<SessionView>("/api/v1/auth/session", { allow401: true }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export const sessionQuery = queryOptions({
  queryKey: SESSION_KEY,
  queryFn: fetchSession,
  staleTime: 5 * 60_000,
  retry: false,
});

export function adoptSession(view: SessionView): SessionView {
  setCsrfToken(view.csrfToken);
  void applyLocale(view.user.locale);
  return view;
}

export function storeSession(queryClient: QueryClient, view: SessionView): void {
  queryClient.setQueryData(SESSION_KEY, adoptSession(view));
}

/** The session inside the signed-in part of the app, where the route guard guarantees one. */
export function useSession(): SessionView {
  const { data } = useSuspenseQuery(sessionQuery);
  if (!data) throw new ApiError(401, "unauthenticated");
  return data;
}

export function useSessionActions() {
  const queryClient = useQueryClient();
  /** Forget everything the app held for this user: cached data and the CSRF token. */
  const forget = () => {
    setCsrfToken(null);
    queryClient.clear();
    queryClient.setQueryData(SESSION_KEY, null);
  };
  return {
    signIn: async (email: string, password: string) => {
      const view = await api.post<SessionView>("/api/v1/auth/sign-in", { email, password }, { allow401: true });
      queryClient.clear();
      storeSession(queryClient, view);
      return view;
    },
    /** A session view from a finished step (second factor, enrolment, passkey sign-in). */
    adopt: (view: SessionView) => {
      queryClient.clear();
      storeSession(queryClient, view);
      return view;
    },
    signOut: async () => {
      await api.post("/api/v1/auth/sign-out", {}, { allow401: true }).catch(() => undefined);
      forget();
    },
    signOutEverywhere: async () => {
      await api.post("/api/v1/auth/sign-out-everywhere");
      forget();
    },
    changeLocale: async (locale: Locale) => {
      await applyLocale(locale);
      storeSession(queryClient, await api.patch<SessionView>("/api/v1/me", { locale }));
    },
    forget,
  };
}
