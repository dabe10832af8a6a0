export const DOCUMENT_TYPE_LABELS: Record<string, string> = {
  model_introduction: "Распорядительный акт о внедрении ЦМН",
  regulation_approval: "Приказ об утверждении положения о системе наставничества",
  pairs_assignment: "Приказ о закреплении наставнических пар/групп",
  personalised_programme: "Персонализированная программа наставничества",
  roadmap: "Дорожная карта",
  curator_appointment: "Приказ о назначении куратора",
  other: "Другой документ",
};

export const ORGANISATION_KIND_LABELS: Record<string, string> = {
  school: "Общеобразовательная организация",
  college: "Профессиональная образовательная организация",
  additional: "Организация дополнительного образования",
  kindergarten: "Дошкольная образовательная организация",
};
