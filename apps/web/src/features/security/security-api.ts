// API calls of sign-in steps, enrolment, passkeys and the security settings. Passkey ceremonies go
// through @simplewebauthn/browser: the server's options in, the authenticator's answer out.
import { startAuthentication, startRegistration } from "@simplewebauthn/browser";
import type {
  AuthMethodsView,
  OidcSettingsView,
  PasskeyView,
  SecondFactorRule,
  SecurityView,
  SessionView,
  TotpEnrolmentView,
} from "@vindplaats/contracts";
import { api } from "../../api/client.ts";

type Options = { options: Record<string, unknown> };

export const securityApi = {
  methods: () => api.get<AuthMethodsView>("/api/v1/auth/methods", { allow401: true }),
  giveTotp: (code: string) => api.post<SessionView>("/api/v1/auth/second-factor/totp", { code }),
  giveRecoveryCode: (code: string) => api.post<SessionView>("/api/v1/auth/second-factor/recovery", { code }),
  async givePasskey(): Promise<SessionView> {
    const { options } = await api.post<Options>("/api/v1/auth/second-factor/passkey/options");
    const response = await startAuthentication({ optionsJSON: options as never });
    return api.post<SessionView>("/api/v1/auth/second-factor/passkey", { response });
  },
  async signInWithPasskey(): Promise<SessionView> {
    const { options } = await api.post<Options>("/api/v1/auth/passkeys/options", {}, { allow401: true });
    const response = await startAuthentication({ optionsJSON: options as never });
    return api.post<SessionView>("/api/v1/auth/passkeys/sign-in", { response }, { allow401: true });
  },
  startTotp: () => api.post<TotpEnrolmentView>("/api/v1/me/totp/enrolment"),
  confirmTotp: (code: string) =>
    api.post<{ recoveryCodes: string[]; session: SessionView | null }>("/api/v1/me/totp/enrolment/confirm", { code }),
  disableTotp: (code: string) => api.post("/api/v1/me/totp/disable", { code }),
  newRecoveryCodes: () => api.post<{ recoveryCodes: string[] }>("/api/v1/me/recovery-codes", {}),
  security: () => api.get<SecurityView>("/api/v1/me/security"),
  async addPasskey(label: string): Promise<{ passkey: PasskeyView; session: SessionView | null }> {
    const { options } = await api.post<Options>("/api/v1/me/passkeys/options");
    const response = await startRegistration({ optionsJSON: options as never });
    return api.post("/api/v1/me/passkeys", { label, response });
  },
  removePasskey: (id: string) => api.delete(`/api/v1/me/passkeys/${id}`),
  rule: () => api.get<{ secondFactor: SecondFactorRule }>("/api/v1/security/settings"),
  setRule: (secondFactor: SecondFactorRule) =>
    api.put<{ secondFactor: SecondFactorRule }>("/api/v1/security/settings", { secondFactor }),
  oidc: () => api.get<OidcSettingsView>("/api/v1/security/oidc"),
  setProvider: (body: Record<string, unknown>) => api.put<OidcSettingsView>("/api/v1/security/oidc/provider", body),
  setMappings: (mappings: unknown[]) => api.put<OidcSettingsView>("/api/v1/security/oidc/mappings", { mappings }),
  resetFactor: (userId: string) => api.post(`/api/v1/users/${userId}/second-factor/reset`),
};

/** The browser said no (cancelled, timed out, no authenticator): not an API problem. */
export function isCeremonyAbort(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === "NotAllowedError" || error.name === "AbortError" || error.name === "InvalidStateError")
  );
}
