/** The «Контакты: ФИО директора, тел., почта, почт. адрес» cell of form 1, split into the card's fields. Pure. */

export interface Contacts {
  directorName: string;
  phone: string;
  email: string;
  address: string;
}

const EMAIL = /[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)+/u;
/** Digits with spaces, brackets and dashes; a lone six-digit number is a postal code, not a phone. */
const PHONE = /(?:\+7|8)?[\s(]*\d[\d\s()\-–]{4,}\d/g;
const LABELS =
  /(?:^|[\s,;])(?:фио\s+директора|фио|директор|дир\.|тел(?:ефон)?\.?|т\.|e-?mail:?|эл\.?\s*почта:?|почта:?|адрес:?|почт\.?\s*адрес:?)(?=[\s:,;]|$)/gi;
const ADDRESS_WORD = /\b(ул|улица|д|дом|с|село|г|город|пр|просп|пер|обл|р-н|район|пос|п|ст|мкр)\.?(?=\s|$)/i;
const PERSON = /^[А-ЯЁ][а-яё-]+(?:\s+[А-ЯЁ][а-яё-]+){1,2}$|^[А-ЯЁ][а-яё-]+\s+[А-ЯЁ]\.\s*[А-ЯЁ]\.?$/;

function digits(s: string) {
  return s.replace(/\D/g, "").length;
}

export function parseContacts(text: string): Contacts {
  let rest = text.replace(/\s+/g, " ").trim();
  const email = EMAIL.exec(rest)?.[0] ?? "";
  if (email) rest = rest.replace(email, " ");
  const phones: string[] = [];
  rest = rest.replace(PHONE, (m) => {
    const n = digits(m);
    const lonePostcode = n === 6 && /^\s*\d{6}\s*$/.test(m);
    if (n >= 5 && n <= 12 && !lonePostcode) {
      phones.push(m.trim());
      return " ";
    }
    return m;
  });
  const parts = rest
    .replace(LABELS, ",")
    .split(/[,;\n]/)
    .map((p) => p.replace(/^[\s:.-]+|[\s:-]+$/g, ""))
    .filter(Boolean);
  const at = parts.findIndex((p) => PERSON.test(p) && !ADDRESS_WORD.test(p));
  const directorName = at >= 0 ? parts.splice(at, 1)[0] : "";
  return {
    directorName: directorName.slice(0, 200),
    phone: phones.join(", ").slice(0, 50),
    email: email.slice(0, 200),
    address: parts.join(", ").slice(0, 500),
  };
}
