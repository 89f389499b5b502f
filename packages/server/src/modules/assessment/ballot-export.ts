import type { WithheldReason } from '@ganbu/core';

/**
 * A target of the anonymous ballot export (GET …/ballots.json), with the groups whose ballots it withholds
 * for that target (SECURITY 31). Written by the results routes, read by the recount CLI.
 */
export interface ExportTarget {
  id: string;
  unitId: string;
  parentUnitId: string | null;
  name: string;
  withheld?: {
    groups: { groupId: string; ballotCount: number; reason: WithheldReason }[];
    /** the published total minus its shown part, "num/den"; null when no total was published */
    contribution: string | null;
  };
}
