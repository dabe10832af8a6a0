import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { authorizedAction } from "@/lib/actions/wrapper";
import type { SessionUser } from "@/lib/auth/roles";
import { rolesWith } from "@/lib/auth/rules";
import { scopeOrg, type EditableOrg } from "@/lib/auth/scoped";
import { editableOwner, type OwnedKind } from "./guard";

const EDITORS = rolesWith("editOrganisation");

type NumberKey<I> = { [K in keyof I]-?: I[K] extends number ? K : never }[keyof I];

/**
 * Whose organisation an action writes to: "organisation", the one named by `organisationId`; a record kind, the
 * owner of the record named by `id`; `{ programme: "programmeId" }`, the owner of the record another key names.
 */
export type WriteScope<I> =
  | (I extends { organisationId: number } ? "organisation" : never)
  | (I extends { id: number } ? OwnedKind : never)
  | { [K in OwnedKind]: { [P in K]: NumberKey<I> } }[OwnedKind];

type Mutation<S extends z.core.$ZodType, T> = (
  user: SessionUser,
  org: EditableOrg,
  input: z.output<S>,
) => Promise<T>;

/** A signed-in page to refresh after the write: a path, or `{ layout }` for a path and the pages below it. */
export type Page = string | { layout: string };

/** What the pages to refresh may depend on. */
export interface Done<I, T> {
  input: I;
  result: T;
  org: EditableOrg;
}

function scopeOf<I>(user: SessionUser, scope: WriteScope<I>, input: I): Promise<EditableOrg> {
  // WriteScope lets only keys that hold a number through.
  const named = (key: string) => (input as Record<string, number>)[key];
  if (scope === "organisation") return scopeOrg(user, named("organisationId"), "edit");
  if (typeof scope === "string") return editableOwner(user, scope, named("id"));
  const [[kind, key]] = Object.entries(scope) as [OwnedKind, string][];
  return editableOwner(user, kind, named(key));
}

/**
 * A server action of the registers: editors only, scoped to the organisation it writes to (or «not found»), the
 * mutation, then the signed-in pages that show the record. Public pages follow from the mutation itself.
 */
export function registerAction<S extends z.core.$ZodType, T>(
  options: {
    name: string;
    schema: S;
    scope: WriteScope<z.output<S>>;
    revalidate: (done: Done<z.output<S>, T>) => Page[];
  },
  mutation: Mutation<S, T>,
) {
  const { name, schema, scope, revalidate } = options;
  return authorizedAction(
    { name, roles: EDITORS, schema, scope: (input, user) => scopeOf(user, scope, input) },
    async (input, user, org) => {
      const result = await mutation(user, org, input);
      for (const page of revalidate({ input, result, org })) {
        if (typeof page === "string") revalidatePath(page);
        else revalidatePath(page.layout, "layout");
      }
      return result;
    },
  );
}

/** A schema whose input does not name the record the scope asks for. */
type ScopeFits<Sc, I> = [Sc] extends [WriteScope<I>] ? unknown : { scopeDoesNotFitInput: Sc };

/**
 * The actions of a register that share a scope and pages, one line each:
 * `const documents = registerActions({ scope, revalidate }); documents("createDocument", schema, mutation)`.
 */
export function registerActions<const Sc, I, R>(common: {
  scope: Sc;
  revalidate: (done: Done<I, R>) => Page[];
}) {
  return <S extends z.core.$ZodType<I>, T extends R>(
    name: string,
    schema: S & ScopeFits<Sc, z.output<S>>,
    mutation: Mutation<S, T>,
  ) => registerAction({ ...common, name, schema, scope: common.scope as WriteScope<z.output<S>> }, mutation);
}

/** The signed-in pages that show a programme (its pairs among them) and the organisation's counts. */
export function programmePages(programmeId: number, org: { id: number }): Page[] {
  return ["/registry/programmes", `/registry/programmes/${programmeId}`, `/orgs/${org.id}`];
}
