"use server";
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/wrapper";
import { rolesWith } from "@/lib/auth/rules";
import { deliverLink, linkMessage, type IssuedLink } from "../deliver";
import { createUser, issuePasswordLink, setUserActive, unbindSso, updateUser } from "./mutations";
import {
  createUserSchema,
  passwordLinkSchema,
  setUserActiveSchema,
  unbindSsoSchema,
  updateUserSchema,
} from "./schemas";
import { managesRegion } from "./roles";
import { scopeAccountPlace, scopeManagedUser } from "./scope";

const MANAGERS = rolesWith("manageUsers");

export const createUserAction = authorizedAction(
  {
    name: "createUser",
    roles: MANAGERS,
    schema: createUserSchema,
    scope: (input, actor) => scopeAccountPlace(actor, input),
  },
  async (input, actor, place): Promise<IssuedLink & { userId: number; message: string }> => {
    const { user, token } = await createUser(actor, place, input);
    const issued = await deliverLink({ email: user.email, name: user.name, token, purpose: "invite" });
    revalidatePath("/admin/users");
    return { ...issued, userId: user.id, message: linkMessage(issued, "Учётная запись создана.") };
  },
);

export const updateUserAction = authorizedAction(
  {
    name: "updateUser",
    roles: MANAGERS,
    schema: updateUserSchema,
    // The account first: a user out of reach is «not found» whatever the form asks to give it.
    scope: async (input, actor) => ({
      account: await scopeManagedUser(actor, input.userId),
      place: await scopeAccountPlace(actor, input),
    }),
  },
  async (input, actor, { account, place }) => {
    const saved = await updateUser(actor, account, place, input);
    revalidatePath("/admin/users");
    return { updatedAt: saved.updatedAt.toISOString() };
  },
);

export const setUserActiveAction = authorizedAction(
  {
    name: "setUserActive",
    roles: MANAGERS,
    schema: setUserActiveSchema,
    scope: (input, actor) => scopeManagedUser(actor, input.userId),
  },
  async (input, actor, account) => {
    const saved = await setUserActive(actor, account, input);
    revalidatePath("/admin/users");
    return { active: saved.active, updatedAt: saved.updatedAt.toISOString() };
  },
);

export const issuePasswordLinkAction = authorizedAction(
  {
    name: "issuePasswordLink",
    roles: MANAGERS,
    schema: passwordLinkSchema,
    scope: (input, actor) => scopeManagedUser(actor, input.userId),
  },
  async (input, actor, account): Promise<IssuedLink & { message: string }> => {
    const { user, token, purpose } = await issuePasswordLink(actor, account);
    const issued = await deliverLink({ email: user.email, name: user.name, token, purpose });
    // A reset of a working account issued by a coordinator goes only to the owner's mailbox.
    if (purpose === "reset" && !managesRegion(actor)) {
      return {
        link: "",
        emailed: issued.emailed,
        message: "Ссылка для смены пароля отправлена владельцу учётной записи на электронную почту.",
      };
    }
    return {
      ...issued,
      message: linkMessage(issued, "Новая ссылка выдана, прежние ссылки больше не действуют."),
    };
  },
);

/** Unbinds an account's regional (OIDC) identity: the region's administrator only. */
export const unbindSsoAction = authorizedAction(
  {
    name: "unbindSso",
    roles: rolesWith("administerRegion"),
    schema: unbindSsoSchema,
    scope: (input, actor) => scopeManagedUser(actor, input.userId),
  },
  async (_input, actor, account) => {
    const saved = await unbindSso(actor, account);
    revalidatePath("/admin/users");
    return { updatedAt: saved.updatedAt.toISOString() };
  },
);
