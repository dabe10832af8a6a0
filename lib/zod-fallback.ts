import { config } from "zod/v4/core";

/**
 * What a check that names no message of its own says: a value of the wrong type, a form that is not an object, a
 * choice that no option matches. Every field's schema names its own messages; this keeps zod's English («Invalid
 * input: expected object») out of the pages when a request is forged or a value comes in a shape no form sends.
 * Loaded where values are parsed — with the field helpers (lib/validation), in the server actions' wrapper and in
 * the browser's forms — and global to zod in that process or page.
 */
export const FALLBACK_MESSAGE = "Значение не подходит: проверьте, как заполнено поле.";

config({ customError: () => FALLBACK_MESSAGE });
