// polis.h — a Polis conversation export loaded into memory: statements,
// participants and their latest votes.
//
// Where it sits: the publicinput stage, upstream of agreement.h (figures per
// statement and opinion group), groups.h (opinion groups when the export has
// none) and statements.h (statements -> principles). files/files.h's
// ReadPolisExport reads an export folder; its bytes go to LoadConversation.
//
// Three layouts are read (see ../shared/corpora/public-input/README.md):
//   raw    comments.csv + participants-votes.csv (one row per participant,
//          one column per comment id; with or without the `xid` column) or,
//          without that file, votes.csv (one row per vote event; the latest
//          event per participant and comment counts) — plus, optionally,
//          ids-to-toss.csv (participant ids to exclude, one a line, no header);
//   clean  CCAI's cleaned variant: clean_comments.csv + clean_votes.csv (the
//          same participant x comment layout, cells written as 1.0/-1.0/0.0).
// Moderation: comments with moderated = -1 are always dropped; 0
// (unmoderated) only when PolisLoadOptions::keep_unmoderated is false (default).
//
// Errors name the file and 1-based line, e.g.
//   "participants-votes.csv:12: vote value '2' for comment 7 is not -1, 0 or 1"
//   "votes.csv:40: vote for comment 99, which comments.csv does not have"
//   "comments.csv:1: missing column 'moderated'"
//   "comments.csv:9: comment-body of 52428800 bytes (a statement is at most 8192)"
//
// Thread-safe: plain values and pure functions.
//
//   Result<PolisExport> files = ReadPolisExport("corpora/public-input/ccai-2023");  // files.h
//   Result<Conversation> conv = LoadConversation(*files, {});
//   int8_t v = conv->Vote(participant, statement);  // kAgree, kDisagree, kPass, kUnseen
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"

namespace charter {

inline constexpr int8_t kAgree = 1;
inline constexpr int8_t kDisagree = -1;
inline constexpr int8_t kPass = 0;
inline constexpr int8_t kUnseen = 2;

// Longest comment-body accepted, in bytes (Polis itself allows 140 characters).
inline constexpr size_t kMaxStatementBytes = 8192;

// The files of one export folder; a file that is absent has present == false.
struct PolisExport {
  struct File {
    std::string path;  // as it will appear in messages
    std::string bytes;
    bool present = false;
  };
  std::string dir;
  File comments, votes, participants_votes, ids_to_toss, clean_comments, clean_votes, summary;
};

struct PolisLoadOptions {
  // Which layout to read. kAuto: clean when clean_comments.csv and
  // clean_votes.csv are both there, raw otherwise. Default: kAuto.
  enum class Layout { kAuto, kRaw, kClean };
  Layout layout = Layout::kAuto;
  // Keep comments with moderated = 0 (not yet moderated). Default: false —
  // only accepted comments (moderated = 1) are voted on in Polis's strict
  // moderation and were the input of the CCAI process.
  bool keep_unmoderated = false;
  // Exclude the participants listed in ids-to-toss.csv (raw layout only).
  // Default: true.
  bool use_ids_to_toss = true;
  // Read votes from votes.csv even when participants-votes.csv exists (the
  // export's group-id is then unavailable). Default: false.
  bool prefer_vote_log = false;
};

struct PolisStatement {
  int id = 0;       // comment-id
  int author = -1;  // author-id
  int moderated = 0;
  int64_t timestamp = 0;  // ms since epoch
  std::string text;       // comment-body as written
  uint32_t line = 0;      // line of its row in the comments file
  // Figures as published in the comments file (-1 where the file has none).
  int published_agrees = -1, published_disagrees = -1, published_passes = -1;
  std::vector<double> published_group_agree;  // clean_comments: group_<g>_consensus
};

struct PolisParticipant {
  int id = 0;
  std::string xid;  // external id ("" for exports without the column)
  int group = -1;   // export's group-id; -1 = not clustered / none
  uint32_t line = 0;
};

struct Conversation {
  std::string dir;
  std::string layout;         // "raw" or "clean"
  std::string comments_path;  // files actually read
  std::string votes_path;
  bool has_xid = false;                        // participants-votes.csv generation with xid
  bool has_group_ids = false;                  // the export assigned opinion groups
  std::vector<PolisStatement> statements;      // kept, ascending id
  std::vector<PolisParticipant> participants;  // kept, ascending id
  // participants.size() x statements.size(), row-major: kAgree, kDisagree,
  // kPass or kUnseen.
  std::vector<int8_t> votes;

  // What loading dropped, for the report.
  int comments_total = 0, comments_rejected = 0, comments_unmoderated_dropped = 0;
  int comments_by_tossed_authors = 0;  // kept: tossing removes votes, not statements
  int participants_total = 0, participants_tossed = 0;
  int64_t votes_total = 0;         // votes read (all comments, all participants)
  int64_t votes_kept = 0;          // on kept statements by kept participants
  std::vector<std::string> notes;  // one line each, for the report

  int8_t Vote(size_t participant, size_t statement) const {
    return votes[participant * statements.size() + statement];
  }
  // Index of the statement with comment-id `id`, or -1.
  int StatementIndex(int id) const;
};

Result<Conversation> LoadConversation(const PolisExport& files, const PolisLoadOptions& options);

}  // namespace charter
