// Admin screens render only for administrators; everyone else gets a plain "no access" message
// (the API refuses their requests anyway).
import { Outlet } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Banner, PageHeader } from "../../ui/misc.tsx";
import { canManageOrg } from "../auth/permissions.ts";
import { useSession } from "../auth/session.ts";

export function AdminGuard() {
  const session = useSession();
  const { t } = useTranslation();
  if (canManageOrg(session.user)) return <Outlet />;
  return (
    <>
      <PageHeader title={t("admin.noAccessTitle")} />
      <Banner tone="info" role="alert">
        {t("admin.noAccessBody")}
      </Banner>
    </>
  );
}
