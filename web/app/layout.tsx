/**
 * The shell of every page: navigation, who is signed in, and the API connection. Rendered per
 * request so the API URL comes from the environment of the running server, not of the build
 * (and names the API by the host name this browser used for the dashboard).
 */
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense, type ReactNode } from "react";
import { browserApiUrl } from "../lib/server-api.ts";
import { ViewerBadge } from "../ui/auth/viewer-badge.tsx";
import { ApiProvider } from "../ui/shell/api-provider.tsx";
import { NavLinks } from "../ui/shell/nav-links.tsx";
import "./styles/base.css";
import "./styles/layout.css";
import "./styles/tables.css";
import "./styles/forms.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Sparring", template: "%s · Sparring" },
  description: "Experiment tracking for adversarial-robustness research",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const api = await browserApiUrl();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <nav aria-label="Main">
            <Link href="/runs" className="brand">
              Sparring
            </Link>
            <NavLinks />
          </nav>
          {/* Its own boundary: asking who is signed in never holds up the page. */}
          <Suspense fallback={null}>
            <ViewerBadge />
          </Suspense>
        </header>
        <ApiProvider url={api}>
          <main id="main">{children}</main>
        </ApiProvider>
      </body>
    </html>
  );
}
