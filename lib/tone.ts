/** The colours a badge can take (components/ui/badge.tsx draws them); domain modules name the tone of a state. */
export type Tone = "grey" | "blue" | "green" | "amber" | "red";
