// groups.h — opinion groups computed from votes, the way Polis does it, for
// exports without a group-id column (a votes.csv-only export) or on request.
//
// What it does (deterministic, no random seeds):
//  1. Participants "in the conversation": those with at least
//     min(min_votes, number of statements) votes (Polis: 7).
//  2. Vote matrix of those participants x statements: agree +1, disagree -1,
//     pass 0; a statement a participant has not seen gets the statement's mean
//     vote (Polis imputes column means). Columns are centred.
//  3. PCA (faiss::PCAMatrix): the top `components` (2) principal directions;
//     each direction's sign is fixed so its largest loading is positive. A
//     participant's projection is scaled by sqrt(statements / votes cast),
//     Polis's correction that keeps sparse voters from collapsing onto the
//     centre.
//  4. k-means (faiss::Clustering, Lloyd) on the projections for k = 2..max_k,
//     seeded farthest-first (the point farthest from the mean, then repeatedly
//     the point farthest from every chosen centre) instead of faiss's random
//     seeds. k is chosen by the highest mean silhouette; ties go to the
//     smaller k.
//  5. Groups are numbered by size, largest first.
// Simplification against Polis: Polis first clusters into ~100 "base
// clusters" and then groups those; here participants are grouped directly,
// which gives the same partition shape on small and mid-sized conversations.
//
// Thread-safe: pure function.
//
//   GroupingOptions go;
//   GroupAssignment g = ComputeGroups(conv, go);
//   std::cout << g.method;  // "PCA (2 components) + k-means, k=2 by silhouette 0.47 ..."
#pragma once

#include <vector>

#include "publicinput/agreement.h"
#include "publicinput/polis.h"

namespace charter {

struct GroupingOptions {
  // Votes a participant needs to be clustered. Default: 7 (Polis's value).
  int min_votes = 7;
  // Largest k tried. Default: 5 (Polis's maximum number of groups).
  int max_k = 5;
  // PCA dimensions. Default: 2 (Polis's).
  int components = 2;
};

// Participants left out (too few votes) get group -1. With fewer than 4
// participants in the conversation, everyone is in group 0 (k = 1).
GroupAssignment ComputeGroups(const Conversation& conv, const GroupingOptions& options);

// Share of participants (grouped by both) on which two assignments agree,
// under the best matching of group labels (k <= 8). For comparing computed
// groups with the export's.
double GroupAgreement(const GroupAssignment& a, const GroupAssignment& b);

}  // namespace charter
