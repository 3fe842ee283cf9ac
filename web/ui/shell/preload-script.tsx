/** Renders the inline script that starts a page's big request from its HTML (see lib/preload.ts). */
import { preloadScript, type PreloadRequest } from "../../lib/preload.ts";

export function PreloadScript({ request }: { request: PreloadRequest }) {
  return <script dangerouslySetInnerHTML={{ __html: preloadScript(request) }} />;
}
