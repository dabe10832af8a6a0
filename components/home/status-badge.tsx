import { Badge } from "@/components/ui/badge";
import { STATUS_LABELS, STATUS_TONES, type DisplayStatus } from "@/lib/reports/status";

export function StatusBadge({ status }: { status: DisplayStatus }) {
  return <Badge tone={STATUS_TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}
