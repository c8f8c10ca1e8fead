import { withMessages } from "@/i18n/with-messages";
import { ScanViewer as ScanViewerClient } from "./scan-viewer.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const ScanViewer = withMessages(ScanViewerClient, ["scanViewer"]);
