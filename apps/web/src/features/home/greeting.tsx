import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../ui/misc.tsx";
import { useSession } from "../auth/session.ts";
import { firstName, greetingKey } from "./home-logic.ts";

export function Greeting({ intro, actions }: { intro: ReactNode; actions?: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const title = t(greetingKey(new Date()), { name: firstName(session.user.displayName) });
  return <PageHeader title={title} intro={intro} actions={actions} />;
}
