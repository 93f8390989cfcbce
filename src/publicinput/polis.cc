#include "publicinput/polis.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "core/text.h"
#include "publicinput/csv.h"

namespace charter {

namespace fs = std::filesystem;

int Conversation::StatementIndex(int id) const {
  auto it = std::lower_bound(statements.begin(), statements.end(), id,
                             [](const PolisStatement& s, int v) { return s.id < v; });
  if (it == statements.end() || it->id != id) return -1;
  return static_cast<int>(it - statements.begin());
}

namespace {

std::optional<int64_t> ParseInt(std::string_view s) {
  s = Trim(s);
  int64_t v = 0;
  if (s.empty()) return std::nullopt;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

// An integer written as "3" or, in the cleaned files, "3.0".
std::optional<int64_t> ParseIntegral(std::string_view s) {
  if (auto v = ParseInt(s)) return v;
  s = Trim(s);
  double d = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  // Out of int64's range (or NaN): no integer, and casting it would be UB.
  if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) return std::nullopt;
  if (d != static_cast<double>(static_cast<int64_t>(d))) return std::nullopt;
  return static_cast<int64_t>(d);
}

std::optional<double> ParseDouble(std::string_view s) {
  s = Trim(s);
  double d = 0;
  if (s.empty()) return std::nullopt;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return d;
}

std::string BaseName(const std::string& path) { return fs::path(path).filename().string(); }

// A vote cell: "" = unseen, otherwise -1, 0 or 1 (also "1.0" etc.).
Result<int8_t> ParseVote(std::string_view cell, const std::string& where,
                         std::string_view comment) {
  if (Trim(cell).empty()) return kUnseen;
  std::optional<int64_t> v = ParseIntegral(cell);
  if (!v || *v < -1 || *v > 1)
    return InvalidArgument(where + ": vote value '" + std::string(cell) + "' for comment " +
                           std::string(comment) + " is not -1, 0 or 1");
  return static_cast<int8_t>(*v);
}

// Reads comments.csv or clean_comments.csv into statements (all of them,
// before moderation).
Result<std::vector<PolisStatement>> ReadComments(const PolisExport::File& file) {
  Result<CsvTable> t = ParseCsv(file.bytes, file.path);
  if (!t) return std::unexpected(t.error());
  Result<std::vector<int>> cols = RequireColumns(
      *t, {"comment-id", "author-id", "agrees", "disagrees", "moderated", "comment-body"});
  if (!cols) return std::unexpected(cols.error());
  const int c_id = (*cols)[0], c_author = (*cols)[1], c_agrees = (*cols)[2],
            c_disagrees = (*cols)[3], c_mod = (*cols)[4], c_body = (*cols)[5];
  const int c_passes = t->Column("passes"), c_time = t->Column("timestamp");
  std::vector<int> c_groups;
  for (int g = 0;; ++g) {
    int c = t->Column("group_" + std::to_string(g) + "_consensus");
    if (c < 0) break;
    c_groups.push_back(c);
  }
  std::vector<PolisStatement> out;
  std::set<int64_t> seen;
  for (size_t r = 0; r < t->rows.size(); ++r) {
    const auto& row = t->rows[r];
    const std::string where = t->Where(r);
    PolisStatement s;
    std::optional<int64_t> id = ParseInt(row[static_cast<size_t>(c_id)]);
    if (!id || *id < 0 || *id > 100000000)
      return InvalidArgument(where + ": comment-id '" + row[static_cast<size_t>(c_id)] +
                             "' is not a number");
    if (!seen.insert(*id).second)
      return InvalidArgument(where + ": comment-id " + std::to_string(*id) + " appears twice");
    s.id = static_cast<int>(*id);
    std::optional<int64_t> mod = ParseIntegral(row[static_cast<size_t>(c_mod)]);
    if (!mod || *mod < -1 || *mod > 1)
      return InvalidArgument(where + ": moderated value '" + row[static_cast<size_t>(c_mod)] +
                             "' is not -1, 0 or 1");
    s.moderated = static_cast<int>(*mod);
    s.author = static_cast<int>(ParseInt(row[static_cast<size_t>(c_author)]).value_or(-1));
    s.published_agrees =
        static_cast<int>(ParseIntegral(row[static_cast<size_t>(c_agrees)]).value_or(-1));
    s.published_disagrees =
        static_cast<int>(ParseIntegral(row[static_cast<size_t>(c_disagrees)]).value_or(-1));
    if (c_passes >= 0)
      s.published_passes =
          static_cast<int>(ParseIntegral(row[static_cast<size_t>(c_passes)]).value_or(-1));
    if (c_time >= 0) s.timestamp = ParseInt(row[static_cast<size_t>(c_time)]).value_or(0);
    for (int c : c_groups)
      s.published_group_agree.push_back(ParseDouble(row[static_cast<size_t>(c)]).value_or(-1.0));
    // Polis limits a comment to 140 characters (the exports here: at most
    // 319 bytes). A body far longer is no statement, and rewriting and
    // reporting one of megabytes took minutes and gigabytes: refused.
    if (row[static_cast<size_t>(c_body)].size() > kMaxStatementBytes)
      return InvalidArgument(
          where + ": comment-body of " + std::to_string(row[static_cast<size_t>(c_body)].size()) +
          " bytes (a statement is at most " + std::to_string(kMaxStatementBytes) + ")");
    s.text = row[static_cast<size_t>(c_body)];
    s.line = t->lines[r];
    out.push_back(std::move(s));
  }
  std::sort(out.begin(), out.end(),
            [](const PolisStatement& a, const PolisStatement& b) { return a.id < b.id; });
  return out;
}

Result<std::set<int>> ReadToss(const PolisExport::File& file) {
  std::set<int> out;
  Result<CsvTable> t = ParseCsv(file.bytes, file.path, CsvOptions{.header = false});
  if (!t) return std::unexpected(t.error());
  for (size_t r = 0; r < t->rows.size(); ++r) {
    std::optional<int64_t> id;
    if (t->rows[r].size() == 1) id = ParseInt(t->rows[r][0]);
    if (!id)
      return InvalidArgument(t->Where(r) + ": expected one participant id, found '" +
                             Join(t->rows[r], ",") + "'");
    out.insert(static_cast<int>(*id));
  }
  return out;
}

// Per participant: id, xid, group, line, and their vote per comment id.
struct RawParticipant {
  PolisParticipant p;
  std::vector<std::pair<int, int8_t>> votes;  // (comment-id, vote), seen ones only
};

struct VoteTable {
  std::vector<RawParticipant> participants;
  bool has_xid = false;
  bool has_groups = false;
};

// participants-votes.csv / clean_votes.csv.
Result<VoteTable> ReadParticipantVotes(const PolisExport::File& file,
                                       const std::set<int>& comment_ids,
                                       const std::string& comments_name) {
  Result<CsvTable> t = ParseCsv(file.bytes, file.path);
  if (!t) return std::unexpected(t.error());
  Result<std::vector<int>> cols = RequireColumns(*t, {"participant"});
  if (!cols) return std::unexpected(cols.error());
  const int c_part = (*cols)[0], c_xid = t->Column("xid"), c_group = t->Column("group-id");
  static const std::set<std::string> kMeta = {"participant", "xid",     "group-id",  "n-comments",
                                              "n-votes",     "n-agree", "n-disagree"};
  std::vector<std::pair<int, int>> vote_cols;  // (column, comment-id)
  for (size_t c = 0; c < t->header.size(); ++c) {
    const std::string& name = t->header[c];
    if (kMeta.count(name)) continue;
    std::optional<int64_t> id = ParseInt(name);
    if (!id) return InvalidArgument(file.path + ":1: unexpected column '" + name + "'");
    if (!comment_ids.count(static_cast<int>(*id)))
      return InvalidArgument(file.path + ":1: vote column '" + name + "' names a comment that " +
                             comments_name + " does not have");
    vote_cols.emplace_back(static_cast<int>(c), static_cast<int>(*id));
  }
  VoteTable out;
  out.has_xid = c_xid >= 0;
  out.has_groups = c_group >= 0;
  std::set<int64_t> seen;
  out.participants.reserve(t->rows.size());
  for (size_t r = 0; r < t->rows.size(); ++r) {
    const auto& row = t->rows[r];
    const std::string where = t->Where(r);
    RawParticipant rp;
    std::optional<int64_t> id = ParseInt(row[static_cast<size_t>(c_part)]);
    if (!id || *id < 0)
      return InvalidArgument(where + ": participant '" + row[static_cast<size_t>(c_part)] +
                             "' is not a number");
    if (!seen.insert(*id).second)
      return InvalidArgument(where + ": participant " + std::to_string(*id) + " appears twice");
    rp.p.id = static_cast<int>(*id);
    rp.p.line = t->lines[r];
    if (c_xid >= 0) rp.p.xid = row[static_cast<size_t>(c_xid)];
    if (c_group >= 0 && !Trim(row[static_cast<size_t>(c_group)]).empty()) {
      std::optional<int64_t> g = ParseIntegral(row[static_cast<size_t>(c_group)]);
      if (!g || *g < 0 || *g > 100)
        return InvalidArgument(where + ": group-id '" + row[static_cast<size_t>(c_group)] +
                               "' is not a group number");
      rp.p.group = static_cast<int>(*g);
    }
    for (auto [c, cid] : vote_cols) {
      const std::string& cell = row[static_cast<size_t>(c)];
      if (cell.empty()) continue;
      Result<int8_t> v = ParseVote(cell, where, t->header[static_cast<size_t>(c)]);
      if (!v) return std::unexpected(v.error());
      if (*v != kUnseen) rp.votes.emplace_back(cid, *v);
    }
    out.participants.push_back(std::move(rp));
  }
  return out;
}

// votes.csv: one row per vote event; the latest event (by timestamp, then by
// row) per participant and comment counts, as in participants-votes.csv.
Result<VoteTable> ReadVoteLog(const PolisExport::File& file, const std::set<int>& comment_ids,
                              const std::string& comments_name) {
  Result<CsvTable> t = ParseCsv(file.bytes, file.path);
  if (!t) return std::unexpected(t.error());
  Result<std::vector<int>> cols = RequireColumns(*t, {"comment-id", "voter-id", "vote"});
  if (!cols) return std::unexpected(cols.error());
  const int c_comment = (*cols)[0], c_voter = (*cols)[1], c_vote = (*cols)[2];
  const int c_time = t->Column("timestamp");
  struct Latest {
    int64_t time;
    size_t row;
    int8_t vote;
  };
  std::map<int, std::map<int, Latest>> by_voter;
  std::map<int, uint32_t> first_line;
  for (size_t r = 0; r < t->rows.size(); ++r) {
    const auto& row = t->rows[r];
    const std::string where = t->Where(r);
    const std::string& cid_text = row[static_cast<size_t>(c_comment)];
    std::optional<int64_t> cid = ParseInt(cid_text);
    if (!cid) return InvalidArgument(where + ": comment-id '" + cid_text + "' is not a number");
    if (!comment_ids.count(static_cast<int>(*cid)))
      return InvalidArgument(where + ": vote for comment " + std::to_string(*cid) + ", which " +
                             comments_name + " does not have");
    std::optional<int64_t> voter = ParseInt(row[static_cast<size_t>(c_voter)]);
    if (!voter || *voter < 0)
      return InvalidArgument(where + ": voter-id '" + row[static_cast<size_t>(c_voter)] +
                             "' is not a number");
    const std::string& vcell = row[static_cast<size_t>(c_vote)];
    if (Trim(vcell).empty())
      return InvalidArgument(where + ": vote value '' for comment " + cid_text +
                             " is not -1, 0 or 1");
    Result<int8_t> v = ParseVote(vcell, where, cid_text);
    if (!v) return std::unexpected(v.error());
    int64_t time = c_time >= 0 ? ParseInt(row[static_cast<size_t>(c_time)]).value_or(0) : 0;
    auto& slot = by_voter[static_cast<int>(*voter)];
    first_line.emplace(static_cast<int>(*voter), t->lines[r]);
    auto it = slot.find(static_cast<int>(*cid));
    if (it == slot.end() || time >= it->second.time)
      slot[static_cast<int>(*cid)] = Latest{time, r, *v};
  }
  VoteTable out;
  for (auto& [voter, votes] : by_voter) {
    RawParticipant rp;
    rp.p.id = voter;
    rp.p.line = first_line[voter];
    for (auto& [cid, l] : votes) rp.votes.emplace_back(cid, l.vote);
    out.participants.push_back(std::move(rp));
  }
  return out;
}

// Whether the export is read in its clean layout (clean_comments.csv and
// clean_votes.csv), by the options and the files present.
Result<bool> CleanLayout(const PolisExport& files, const PolisLoadOptions& options) {
  switch (options.layout) {
    case PolisLoadOptions::Layout::kAuto:
      return files.clean_comments.present && files.clean_votes.present;
    case PolisLoadOptions::Layout::kClean:
      if (!files.clean_comments.present || !files.clean_votes.present)
        return NotFound(files.dir +
                        ": the clean layout needs clean_comments.csv and clean_votes.csv");
      return true;
    case PolisLoadOptions::Layout::kRaw:
      break;
  }
  return false;
}

// The votes, from the file the layout and options choose; sets conv->votes_path.
Result<VoteTable> ReadVotes(const PolisExport& files, const PolisLoadOptions& options, bool clean,
                            const std::set<int>& all_ids, const std::string& cname,
                            Conversation* conv) {
  if (clean) {
    conv->votes_path = files.clean_votes.path;
    return ReadParticipantVotes(files.clean_votes, all_ids, cname);
  }
  if (files.participants_votes.present && !(options.prefer_vote_log && files.votes.present)) {
    conv->votes_path = files.participants_votes.path;
    return ReadParticipantVotes(files.participants_votes, all_ids, cname);
  }
  if (files.votes.present) {
    conv->votes_path = files.votes.path;
    return ReadVoteLog(files.votes, all_ids, cname);
  }
  return NotFound(files.dir + ": no participants-votes.csv or votes.csv");
}

// Moderation: the statements kept, counted by why the others were dropped.
void Moderate(std::vector<PolisStatement>* all, const std::set<int>& toss,
              const PolisLoadOptions& options, Conversation* conv) {
  for (PolisStatement& s : *all) {
    if (s.moderated < 0) {
      ++conv->comments_rejected;
      continue;
    }
    if (s.moderated == 0 && !options.keep_unmoderated) {
      ++conv->comments_unmoderated_dropped;
      continue;
    }
    if (toss.count(s.author)) ++conv->comments_by_tossed_authors;
    conv->statements.push_back(std::move(s));
  }
}

// The participants not tossed, by id, and their votes on the kept statements.
void FillVotes(VoteTable* table, const std::set<int>& toss, Conversation* conv) {
  std::unordered_map<int, size_t> index;
  for (size_t i = 0; i < conv->statements.size(); ++i) index[conv->statements[i].id] = i;
  conv->participants_total = static_cast<int>(table->participants.size());
  const size_t ns = conv->statements.size();
  std::sort(table->participants.begin(), table->participants.end(),
            [](const RawParticipant& a, const RawParticipant& b) { return a.p.id < b.p.id; });
  for (RawParticipant& rp : table->participants) {
    conv->votes_total += static_cast<int64_t>(rp.votes.size());
    if (toss.count(rp.p.id)) {
      ++conv->participants_tossed;
      continue;
    }
    conv->participants.push_back(rp.p);
    conv->votes.resize(conv->votes.size() + ns, kUnseen);
    int8_t* row = conv->votes.data() + conv->votes.size() - ns;
    for (auto [cid, v] : rp.votes) {
      auto it = index.find(cid);
      if (it == index.end()) continue;
      row[it->second] = v;
      ++conv->votes_kept;
    }
  }
}

}  // namespace

Result<Conversation> LoadConversation(const PolisExport& files, const PolisLoadOptions& options) {
  Conversation conv;
  conv.dir = files.dir;
  Result<bool> clean = CleanLayout(files, options);
  if (!clean) return std::unexpected(clean.error());
  conv.layout = *clean ? "clean" : "raw";
  const PolisExport::File& cfile = *clean ? files.clean_comments : files.comments;
  if (!cfile.present) return NotFound(cfile.path + ": not found");
  Result<std::vector<PolisStatement>> all = ReadComments(cfile);
  if (!all) return std::unexpected(all.error());
  conv.comments_path = cfile.path;
  conv.comments_total = static_cast<int>(all->size());
  std::set<int> all_ids;
  for (const PolisStatement& s : *all) all_ids.insert(s.id);
  std::set<int> toss;
  if (!*clean && options.use_ids_to_toss && files.ids_to_toss.present) {
    Result<std::set<int>> t = ReadToss(files.ids_to_toss);
    if (!t) return std::unexpected(t.error());
    toss = std::move(*t);
  }
  Result<VoteTable> table = ReadVotes(files, options, *clean, all_ids, BaseName(cfile.path), &conv);
  if (!table) return std::unexpected(table.error());
  conv.has_xid = table->has_xid;
  conv.has_group_ids = table->has_groups;
  Moderate(&*all, toss, options, &conv);
  FillVotes(&*table, toss, &conv);
  bool any_group = false;
  for (const PolisParticipant& p : conv.participants) any_group |= p.group >= 0;
  conv.has_group_ids = conv.has_group_ids && any_group;
  return conv;
}

}  // namespace charter
