// merge.h — stage 5: principles of a country (or of many) merged with a base
// constitution into a Collective Constitution, with every decision recorded.
//
// Where it sits: after rewrite. The CLI hands in the base principles (parsed
// with principle_io.h) and the country's principles (Rewriter::Rewrite); the
// plan that comes back is what the report stage renders and exports.
//
// Country merge (MergeCountry):
//   1. similar country principles are clustered (average linkage at
//      MergeOptions::combine) and each cluster becomes one principle
//      (MergeTools::combine, i.e. Rewriter::Combine) with all its sources;
//   2. each country principle is compared with its nearest base principle:
//      cosine >= duplicate           -> a duplicate: dropped, with the match;
//      cosine >= similar             -> a merge candidate: a suggested text
//                                       combining base + country principle,
//                                       awaiting a reviewer's decision;
//      otherwise                     -> new: added to the constitution;
//   3. reviewer decisions (decisions.h) are applied by candidate id; those
//      whose candidate no longer exists are listed as stale;
//   4. conflicts with the base are listed (conflict.h).
// The constitution is the base principles in base order (kept, or combined
// where a reviewer accepted or edited a candidate), then the added ones.
// A candidate with no decision leaves the base principle as it is and does
// not add the country principle: it waits in the report.
//
// Global merge (MergeGlobal): principles written from ideas are merged by
// idea (MergeTools::idea_principle): an idea's support is every country one
// of whose principles names it or a narrower idea it speaks for
// (MergeTools::idea_broader), and the idea's own wording speaks for them;
// the other principles are clustered by embedding, each cluster one
// principle with its support. Entries ordered by support, filtered by
// min_support; conflicts across countries are listed (declared idea pairs,
// conflict rules, negations). Reviewer decisions on conflicts (decisions.h,
// by Conflict::id) say which side stays: the principle of a side a decision
// drops leaves the entries for GlobalPlan::dropped; decisions whose conflict
// no longer exists are listed as stale.
//
// The embedding and combining are injected (MergeTools) so the logic can be
// tested with hand-made vectors; the CLI passes Embedder::EmbedBatch and
// Rewriter::Combine. Deterministic: same inputs, same plan, byte for byte.
//
// Thread-safe: pure functions (the tools must be safe to call, which
// Embedder and Rewriter are).
//
//   MergeTools tools{.embed = embed_fn, .combine = combine_fn};
//   MergePlan plan = MergeCountry(base, country, tools, {.country = "ken"});
//   for (const MergeCandidate& c : plan.candidates) Review(c.id, c.suggested.text);
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/types.h"
#include "embed/cluster.h"
#include "merge/conflict.h"
#include "merge/decisions.h"

namespace charter {

struct MergeTools {
  // Row-major n x dim, L2-normalised vectors of n texts (dim is taken as
  // size / n). Required.
  std::function<std::vector<float>(const std::vector<std::string>& texts)> embed;
  // One principle for a cluster (Rewriter::Combine). Required.
  std::function<Principle(const std::vector<Principle>& cluster)> combine;
  // Clusters of row indices (ClusterAverageLinkage from embed/cluster.h).
  // Default (empty): a dense average-linkage clustering built in, fine up to
  // a few thousand rows.
  std::function<std::vector<std::vector<int>>(const std::vector<float>& vecs, int dim,
                                              float threshold)>
      cluster;
  // Conflict rules; null: no conflicts are looked for.
  const ConflictRules* conflicts = nullptr;
  // The text that stands for a principle when it is embedded: what it is
  // about, without the wording every principle shares (Rewriter::Ideas
  // joined by ", "). Default (empty): PrincipleCore(text).
  std::function<std::string(const Principle& p)> idea;
  // The content words of a principle (Rewriter::IdeaTerms), for the lexical
  // part of the similarity (MergeOptions::lexical). Default (empty): none.
  std::function<std::vector<std::string>(const Principle& p)> terms;
  // A shorter wording of one principle (Rewriter::Concise), used for a
  // principle longer than MergeOptions::max_chars. Default (empty): none.
  std::function<Principle(const Principle& p)> concise;
  // The principle that states one idea (rules/ideas.tsv) in the inventory's
  // own words, naming no country: the global merge's entry for an idea
  // (its `ideas` holds the idea id). Default (empty): the global merge
  // clusters every principle by embedding.
  std::function<Principle(const std::string& idea)> idea_principle;
  // Ideas that cannot both hold (rules/idea_conflicts.tsv), for the global
  // merge's conflicts. Default: none.
  struct IdeaPair {
    std::string a, b;
    std::string rule;  // "idea_conflicts.tsv:3"
  };
  std::vector<IdeaPair> idea_conflicts;
  // Narrower ideas whose documents a broader idea's global principle speaks
  // for (rules/idea_global.tsv): narrower id -> broader id. In the global
  // merge a document supports the broader idea when one of its principles
  // names it or any narrower idea of it; a narrower idea has no global
  // principle of its own (it would split the count of one commitment) and
  // is shown as a variant of the broader one (GlobalEntry::variants).
  // Default: none (every idea its own principle).
  std::map<std::string, std::string> idea_broader;
  // The ideas (rules/ideas.tsv ids) a principle states: its `ideas` where
  // the rewrite set them, else its text coded with the inventory (a base
  // principle). When set, a merge candidate pairs a country principle only
  // with a base principle that shares one of its ideas (the most similar of
  // those): a pair that shares none is no merge a reviewer would make.
  // Default (empty): candidates by similarity alone.
  std::function<std::vector<std::string>(const Principle& p)> ideas;
  // The body of a principle naming these ideas in the inventory's words,
  // without "Choose the response that " and the period (IdeaSet::Wording):
  // {"home", "correspondence"} -> "most respects the inviolability of the
  // home and the confidentiality of correspondence". With `ideas` set, a
  // candidate's suggested text is the base principle's own words followed by
  // ", and that <the country's ideas the base does not name>", the last ones
  // left out while the text fails `validate` (the base alone when none
  // fits). Default (empty): the suggestion is combine({base, country}).
  std::function<std::string(const std::vector<std::string>& ideas)> idea_wording;
  // The validator's findings on a principle text (Rewriter::Validate); empty
  // when it passes. Default (empty): every text passes.
  std::function<std::vector<std::string>(const std::string& text)> validate;
  // What makes a principle name one country's particulars, for the global
  // merge's spokesman of a large cluster (rewrite_words.tsv via
  // Rewriter::WordClass): a digit, a `figures` word ("percent"), or a
  // capitalised word not in `common_names` ("State", case kept). Default
  // (empty): every capitalised word and no word counts.
  std::set<std::string> common_names;
  std::set<std::string> figures;
};

// The thresholds and weights users get are rules/thresholds.tsv's, set by
// the pipeline (pipeline/thresholds.h); the defaults below are for callers
// of the library that set none (tests with exact cosines).
struct MergeOptions {
  // Cosine at or above which a country principle repeats a base principle.
  // Default: 0.90.
  float duplicate = 0.90f;
  // Cosine at or above which it is the same idea in other words: a merge
  // candidate. Default: 0.70.
  float similar = 0.70f;
  // Average-linkage threshold for combining country principles among
  // themselves (step 1); above 1, nothing is combined. Default: 0.70.
  float combine = 0.70f;
  // Cosine at or above which a country principle with the opposite stance to
  // a base principle is its negation (a conflict, never a duplicate). A
  // negation names the same idea in the same words ("most supports" / "least
  // endorses the death penalty": 1.0); related principles worded with opposite
  // polarity reach 0.70-0.78 over the English corpus. Default: 0.85.
  float negation = 0.85f;
  // Name of the country / document, for the report. Default: "".
  std::string country;
  // Name of the base constitution, for the report. Default: "".
  std::string base_name;
  // Reviewer decisions to apply. Default: none.
  std::vector<Decision> decisions;
  // How similarity is measured. Combining country principles: the embedding
  // cosine weighted 1 - topical plus the cosine of the principles' topic
  // lists (Principle::topics, most central first, weighted 1, 1/2, 1/3)
  // weighted topical (topics say what a clause is about even when its words
  // differ: "torture" and "cruel treatment"). Comparing with the base (whose
  // principles carry no topics): the embedding cosine weighted 1 - lexical
  // plus, weighted lexical, how much of the country principle's IDF-weighted
  // terms (MergeTools::terms) the base principle names too — a base
  // principle that lists eight rights covers a clause about one of them.
  // A part whose tool or data is missing gives its weight to the embedding.
  // Defaults: 0 (embedding only).
  float lexical = 0.0f;
  float topical = 0.0f;
  // Longest combined principle text, in bytes. A longer combination keeps
  // the words of the cluster's most central members that fit (the member
  // nearest the others alone if none fits with it), with every member's
  // sources. Default: 0 (no limit).
  size_t max_chars = 0;
};

// A country principle dropped because the base already says it.
struct Duplicate {
  Principle country;  // the dropped principle, with its sources (clauses, cites, lines)
  Principle base;     // the base principle it repeats
  float similarity = 0.0f;
};

// A country principle close to a base principle: a suggested combination
// awaiting (or having had) a reviewer's decision.
struct MergeCandidate {
  std::string id;  // HashHex(base.id + "\n" + country.id): stable across runs
  Principle base;
  Principle country;
  float similarity = 0.0f;
  Principle suggested;  // combine({base, country})
  // Ideas (rules/ideas.tsv ids) both principles state, in the country
  // principle's order; empty when MergeTools::ideas is not set.
  std::vector<std::string> shared_ideas;
  std::string decision;      // "" (pending), "accept", "edit", "reject", "drop"
  std::string decided_text;  // the text that went into the constitution (accept/edit)
  int decision_line = 0;     // line of the decision in its file
};

// One principle of the resulting constitution.
struct ConstitutionEntry {
  Principle principle;
  // "base"     a base principle, unchanged;
  // "combined" a base principle merged with country principles (accepted or
  //            edited candidates);
  // "added"    a country principle new to the base (or a rejected candidate).
  std::string status;
  std::vector<std::string> candidates;  // candidate ids behind "combined" / a rejected one
};

struct MergePlan {
  std::string country;
  std::string base_name;
  MergeOptions options;                       // thresholds used (decisions cleared)
  size_t country_input = 0;                   // country principles before combining
  std::vector<Principle> base;                // as given
  std::vector<Principle> country_principles;  // after combining (what principles.jsonl holds)
  std::vector<Duplicate> duplicates;
  std::vector<MergeCandidate> candidates;  // in country-principle order
  std::vector<Principle> added;            // new country principles, in order
  std::vector<Conflict> conflicts;
  std::vector<Decision> applied;  // decisions that matched a candidate
  std::vector<Decision> stale;    // decisions whose candidate no longer exists
  std::vector<ConstitutionEntry> constitution;
  // Principle-worthy clauses that became no principle (Rewriter::Convert),
  // for the report; set by the caller.
  std::vector<Unconverted> unconverted;
  // The State's positions (Rewriter::Convert's Conversion::positions): written to
  // positions.jsonl for the global merge, never into the constitution; set by the caller.
  std::vector<Principle> positions;

  size_t Pending() const;  // candidates without a decision
};

// Merges `country` principles into `base`. Never fails: an empty country set
// yields the base alone, an empty base yields the country's principles as
// added. Preconditions: tools.embed and tools.combine are set.
MergePlan MergeCountry(const std::vector<Principle>& base, const std::vector<Principle>& country,
                       const MergeTools& tools, const MergeOptions& options);

// The country-merge half that groups similar principles of one set: returns
// one principle per cluster, in order of each cluster's first member.
// Similarity, threshold and length limit as MergeOptions says.
std::vector<Principle> CombineSimilar(const std::vector<Principle>& principles,
                                      const MergeTools& tools, const MergeOptions& options);
// The same with the embedding alone at `threshold`.
std::vector<Principle> CombineSimilar(const std::vector<Principle>& principles,
                                      const MergeTools& tools, float threshold);

// One country's principle set for the global merge.
struct CountrySet {
  std::string country;  // "ken", or the output folder's name
  std::vector<Principle> principles;
};

// Users get rules/thresholds.tsv's global.* values (see MergeOptions).
struct GlobalOptions {
  // Average-linkage threshold across countries. Default: 0.70.
  float threshold = 0.70f;
  // Cosine for negation conflicts (see MergeOptions::negation). Default: 0.85.
  float negation = 0.85f;
  // Keep principles supported by at least this many countries. Default: 1.
  size_t min_support = 1;
  // A cluster of more principles than this is not combined (a combination of
  // dozens of clauses is unreadable): its principle is the member nearest the
  // cluster's centroid, in its own words, with every member's sources.
  // Default: 3.
  size_t combine_max = 3;
  // Reviewer decisions on conflicts (ParseDecisions with
  // DecisionOn::kConflicts). "keep-a" drops the global principle of side b
  // (Conflict::entry_b), "keep-b" that of side a, "drop-both" both,
  // "keep-both" neither. A principle one decision drops is dropped, whatever
  // another conflict's decision keeps; a decision never drops the side it
  // keeps (both sides one principle). Default: none.
  std::vector<Decision> decisions;
};

// One wording of an idea entry's commitment and the countries that state it:
// the broader idea itself or one of the narrower ideas it speaks for
// (MergeTools::idea_broader).
struct IdeaVariant {
  std::string idea;                    // "healthy_environment"
  std::string text;                    // that idea's own principle (MergeTools::idea_principle)
  std::vector<std::string> countries;  // sorted, distinct
};

struct GlobalEntry {
  Principle principle;                 // combined over the cluster
  std::vector<std::string> countries;  // supporting countries, sorted, distinct
  size_t members = 0;                  // principles in the cluster
  // For an idea that speaks for narrower ones: which countries state which
  // idea (a country may state several), most countries first, then the
  // broader idea, then by idea id. Empty when no country states a narrower
  // idea.
  std::vector<IdeaVariant> variants;
  // In GlobalPlan::dropped: the ids of the conflicts whose decisions dropped
  // it, in conflict order. Empty in GlobalPlan::entries.
  std::vector<std::string> dropped_by;
};

struct GlobalPlan {
  GlobalOptions options;               // as given, decisions cleared
  std::vector<std::string> countries;  // in input order
  // The sets that are public input (every principle of origin "public": a
  // Polis conversation's output folder), shown as such in the report.
  std::vector<std::string> public_input;
  size_t input_principles = 0;
  size_t clusters = 0;               // before the min_support filter
  std::vector<GlobalEntry> entries;  // support descending, then first appearance
  std::vector<Conflict> conflicts;   // between entries of different countries
  std::vector<GlobalEntry> dropped;  // entries reviewer decisions dropped, in entry order
  // Entries in one clause's words that name one country's particulars (a
  // proper name, a figure): they speak for no other country, so they are no
  // global principle; the report lists them. In entry order.
  std::vector<GlobalEntry> particular;
  std::vector<Decision> applied;  // decisions that matched a conflict
  std::vector<Decision> stale;    // decisions whose conflict no longer exists

  size_t Pending() const;  // conflicts without a decision
};

GlobalPlan MergeGlobal(const std::vector<CountrySet>& sets, const MergeTools& tools,
                       const GlobalOptions& options);

// Built-in dense average linkage (the MergeTools::cluster default): merges
// the pair of clusters with the highest mean cross cosine while it is >=
// threshold (MatrixAverageLinkage, embed/cluster.h, over the cosines rounded
// to 1e-4); ties by lower indices. Clusters sorted by smallest member.
std::vector<std::vector<int>> DenseAverageLinkage(const std::vector<float>& vecs, int dim,
                                                  float threshold);

}  // namespace charter
