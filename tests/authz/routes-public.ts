import type { RouteRow } from "./http";

const openData = "open data of a region or municipality: approved aggregates only, for anyone";
const embed = "an organisation's public section for an iframe on the school's site: no session, no cookies";

export const routes: Record<string, RouteRow> = {
  "GET /embed/org/[slug]": { public: embed },
  "GET /embed/org/[slug]/reports": { public: embed },
  "GET /embed.js": { public: "the static script a school pastes into its site" },
  "GET /open/[regionCode]/indicators.csv": { public: openData },
  "GET /open/[regionCode]/indicators.json": { public: openData },
  "GET /open/[regionCode]/[municipalitySlug]/indicators.csv": { public: openData },
  "GET /open/[regionCode]/[municipalitySlug]/indicators.json": { public: openData },
  "GET /api/auth/[...nextauth]": { public: "Auth.js's own endpoints: signing in is how a session starts" },
  "POST /api/auth/[...nextauth]": { public: "Auth.js's own endpoints: signing in is how a session starts" },
};
