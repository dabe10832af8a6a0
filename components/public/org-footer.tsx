import { openPath, withVi } from "@/lib/public/links";
import type { PublicOrg } from "@/lib/public/types";

/** The organisation's contacts and the way to the open data of its municipality. */
export function OrgFooter({ org, vi }: { org: PublicOrg; vi: boolean }) {
  const contacts = [org.address, org.phone, org.email].filter(Boolean).join(" · ");
  return (
    <>
      <p>
        <strong>{org.fullName}</strong>
        {contacts && <> — {contacts}</>}
        {org.website && (
          <>
            {" · "}
            <a href={org.website} rel="noopener">
              сайт организации
            </a>
          </>
        )}
      </p>
      <p>
        <a href={withVi(openPath(org.region.code, org.municipality.slug), vi)}>
          Показатели муниципалитета «{org.municipality.name}» (открытые данные)
        </a>
      </p>
    </>
  );
}
