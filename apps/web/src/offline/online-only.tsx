// Wraps a part of a screen that only the API can fill (the team's members, say): without network it
// says so in place, and the rest of the screen keeps working from the phone's store.
import { Component, type ReactNode } from "react";
import { ApiError } from "../api/client.ts";
import { Card, Empty } from "../ui/misc.tsx";
import { useOfflineTexts } from "./texts.ts";

function NeedsNetwork() {
  return (
    <Card>
      <Empty>{useOfflineTexts().needsNetwork}</Empty>
    </Card>
  );
}

export class OnlineOnly extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    // Only a network failure stays here; anything else goes on to the route's error screen.
    if (error instanceof ApiError && error.status === 0) return <NeedsNetwork />;
    throw error;
  }
}
