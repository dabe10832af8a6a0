"use server";
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/wrapper";
import { deliverLink, linkMessage, type IssuedLink } from "../deliver";
import { createUser, issuePasswordLink, setUserActive, updateUser } from "./mutations";
import { createUserSchema, passwordLinkSchema, setUserActiveSchema, updateUserSchema } from "./schemas";

const MANAGERS = ["admin", "coordinator"] as const;

export const createUserAction = authorizedAction(
  { name: "createUser", roles: MANAGERS, schema: createUserSchema },
  async (input, actor): Promise<IssuedLink & { userId: number; message: string }> => {
    const { user, token } = await createUser(actor, input);
    const issued = await deliverLink({ email: user.email, name: user.name, token, purpose: "invite" });
    revalidatePath("/admin/users");
    return { ...issued, userId: user.id, message: linkMessage(issued, "Учётная запись создана.") };
  },
);

export const updateUserAction = authorizedAction(
  { name: "updateUser", roles: MANAGERS, schema: updateUserSchema },
  async (input, actor) => {
    const saved = await updateUser(actor, input);
    revalidatePath("/admin/users");
    return { updatedAt: saved.updatedAt.toISOString() };
  },
);

export const setUserActiveAction = authorizedAction(
  { name: "setUserActive", roles: MANAGERS, schema: setUserActiveSchema },
  async (input, actor) => {
    const saved = await setUserActive(actor, input);
    revalidatePath("/admin/users");
    return { active: saved.active, updatedAt: saved.updatedAt.toISOString() };
  },
);

export const issuePasswordLinkAction = authorizedAction(
  { name: "issuePasswordLink", roles: MANAGERS, schema: passwordLinkSchema },
  async (input, actor): Promise<IssuedLink & { message: string }> => {
    const { user, token, purpose } = await issuePasswordLink(actor, input.userId);
    const issued = await deliverLink({ email: user.email, name: user.name, token, purpose });
    // A reset of a working account issued by a coordinator goes only to the owner's mailbox.
    if (purpose === "reset" && actor.role !== "admin") {
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
