// A minimal offline registration page that drives the outbox directly, outside the router: it proves
// the offline layer end to end (the browser tests use it) until the phone screens adopt the layer.
import "../../styles/index.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { initI18n } from "../../i18n/index.ts";
import { primeSessionCache } from "../offline.ts";
import { OfflinePage } from "./offline-page.tsx";

await initI18n();
primeSessionCache();
if ("serviceWorker" in navigator)
  void navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => undefined);

const root = document.getElementById("root");
if (!root) throw new Error("#root missing");
createRoot(root).render(
  <StrictMode>
    <OfflinePage />
  </StrictMode>,
);
