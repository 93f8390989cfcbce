#include "publicinput/polis.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "files/files.h"
#include "publicinput/agreement.h"
#include "publicinput/groups.h"
#include "test_util.h"

using namespace charter;

namespace {

PolisExport::File File(std::string_view name, std::string bytes) {
  PolisExport::File f;
  f.path = "x/";
  f.path += name;
  f.bytes = std::move(bytes);
  f.present = true;
  return f;
}

PolisExport Export(std::string comments, std::string participants_votes, std::string votes = "") {
  PolisExport e;
  e.dir = "x";
  e.comments = File("comments.csv", std::move(comments));
  if (!participants_votes.empty())
    e.participants_votes = File("participants-votes.csv", std::move(participants_votes));
  if (!votes.empty()) e.votes = File("votes.csv", std::move(votes));
  return e;
}

const char* kComments =
    "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n"
    "1,d,0,0,2,0,1,The AI should be honest.\n"
    "2,d,1,1,1,1,1,\"AI shouldn't lie, ever.\"\n"
    "3,d,2,1,0,0,-1,spam\n"
    "4,d,3,2,0,0,0,not yet moderated\n";

std::string CcaiDir() { return testing::CorporaDir() + "/public-input/ccai-2023"; }

}  // namespace

TEST_CASE("a participants-votes export without xid loads votes and groups", "[publicinput]") {
  auto conv =
      LoadConversation(Export(kComments,
                              "participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1,2,3\n"
                              "0,0,1,3,2,1,1,-1,1,\n"
                              "1,1,1,2,1,0,1,0,,\n"
                              "2,,0,1,1,0,,1,,1\n"),
                       {});
  REQUIRE(conv);
  CHECK_FALSE(conv->has_xid);
  CHECK(conv->has_group_ids);
  REQUIRE(conv->statements.size() == 2);  // rejected and unmoderated dropped
  CHECK(conv->comments_rejected == 1);
  CHECK(conv->comments_unmoderated_dropped == 1);
  CHECK(conv->statements[1].text == "AI shouldn't lie, ever.");
  CHECK(conv->Vote(0, 1) == kDisagree);
  CHECK(conv->Vote(1, 1) == kPass);
  CHECK(conv->Vote(2, 0) == kUnseen);
  auto groups = GroupsFromExport(*conv);
  CHECK(groups.k == 2);
  auto figs = ComputeAgreement(*conv, groups);
  CHECK(figs[0].overall.agrees == 2);
  CHECK(figs[1].overall.Seen() == 3);
  CHECK(figs[1].groups[0].disagrees == 1);
  CHECK(figs[1].groups[1].passes == 1);
  CHECK(figs[0].consensus == Approx((2.0 / 3) * (2.0 / 3)));
}

TEST_CASE("unmoderated comments are kept when asked", "[publicinput]") {
  PolisLoadOptions o;
  o.keep_unmoderated = true;
  auto conv = LoadConversation(Export(kComments, "participant,group-id,0,1,2,3\n0,0,1,1,1,1\n"), o);
  REQUIRE(conv);
  CHECK(conv->statements.size() == 3);
}

TEST_CASE("the vote log keeps each participant's latest vote", "[publicinput]") {
  auto conv = LoadConversation(Export(kComments, "",
                                      "timestamp,datetime,comment-id,voter-id,vote\n"
                                      "10,d,0,5,1\n"
                                      "30,d,0,5,-1\n"
                                      "20,d,0,5,0\n"
                                      "15,d,1,7,1\n"),
                               {});
  REQUIRE(conv);
  CHECK_FALSE(conv->has_group_ids);
  REQUIRE(conv->participants.size() == 2);
  CHECK(conv->participants[0].id == 5);
  CHECK(conv->Vote(0, 0) == kDisagree);
  CHECK(conv->Vote(1, 1) == kAgree);
}

TEST_CASE("a vote value outside -1, 0, 1 is an error naming file and line", "[publicinput]") {
  auto conv = LoadConversation(
      Export(kComments, "participant,xid,group-id,0,1,2,3\n0,a,0,1,,,\n1,b,0,2,,,\n"), {});
  REQUIRE_FALSE(conv);
  CHECK(conv.error().message ==
        "x/participants-votes.csv:3: vote value '2' for comment 0 is not -1, 0 or 1");
}

TEST_CASE("a vote column for a comment that does not exist is an error", "[publicinput]") {
  auto conv = LoadConversation(Export(kComments, "participant,group-id,0,1,9\n0,0,1,1,1\n"), {});
  REQUIRE_FALSE(conv);
  CHECK(conv.error().message ==
        "x/participants-votes.csv:1: vote column '9' names a comment that comments.csv does not "
        "have");
}

TEST_CASE("a logged vote for a comment that does not exist is an error", "[publicinput]") {
  auto conv = LoadConversation(
      Export(kComments, "", "timestamp,datetime,comment-id,voter-id,vote\n1,d,0,1,1\n2,d,42,1,1\n"),
      {});
  REQUIRE_FALSE(conv);
  CHECK(conv.error().message ==
        "x/votes.csv:3: vote for comment 42, which comments.csv does not have");
}

TEST_CASE("a comments file without the moderated column is an error", "[publicinput]") {
  auto conv =
      LoadConversation(Export("comment-id,author-id,agrees,disagrees,comment-body\n0,0,1,0,x\n",
                              "participant,0\n0,1\n"),
                       {});
  REQUIRE_FALSE(conv);
  CHECK(conv.error().message == "x/comments.csv:1: missing column 'moderated'");
}

TEST_CASE("a ragged row in the vote matrix is an error", "[publicinput]") {
  auto conv = LoadConversation(Export(kComments, "participant,group-id,0,1\n0,0,1,1\n1,0,1\n"), {});
  REQUIRE_FALSE(conv);
  CHECK(conv.error().message ==
        "x/participants-votes.csv:3: ragged row: expected 4 fields, found 3");
}

TEST_CASE("a broken quote in the comments is an error", "[publicinput]") {
  std::string bad = std::string(kComments) + "5,d,4,2,0,0,1,\"never closed\n";
  auto conv = LoadConversation(Export(bad, "participant,group-id,0\n0,0,1\n"), {});
  REQUIRE_FALSE(conv);
  CHECK(conv.error().message == "x/comments.csv:6: unterminated quoted field");
}

TEST_CASE("ids-to-toss removes those participants' votes", "[publicinput]") {
  PolisExport e = Export(kComments, "participant,group-id,0,1\n0,0,1,1\n1,0,-1,-1\n2,1,1,1\n");
  e.ids_to_toss = File("ids-to-toss.csv", "1\r\n");
  auto conv = LoadConversation(e, {});
  REQUIRE(conv);
  CHECK(conv->participants_tossed == 1);
  REQUIRE(conv->participants.size() == 2);
  CHECK(conv->participants[1].id == 2);
}

TEST_CASE("selection keeps statements every group agrees with and flags divisive ones",
          "[publicinput]") {
  GroupAssignment g;
  g.k = 2;
  g.sizes = {10, 10};
  auto fig = [](VoteCounts a, VoteCounts b) {
    StatementFigures f;
    f.groups = {a, b};
    return f;
  };
  std::vector<StatementFigures> figs = {fig({9, 1, 0}, {18, 1, 1}), fig({9, 1, 0}, {2, 8, 0}),
                                        fig({6, 4, 0}, {7, 3, 0}), fig({2, 0, 0}, {9, 0, 0})};
  SelectionOptions threshold;
  threshold.mode = SelectionOptions::Mode::kThreshold;
  auto d = SelectStatements(figs, g, threshold);
  CHECK(d[0].verdict == Verdict::kSelected);
  CHECK(d[1].verdict == Verdict::kDivisive);
  CHECK(d[1].reason == "group 0 agrees 90.0%, group 1 only 20.0% (smoothed gap 0.58 >= 0.30)");
  CHECK(d[2].verdict == Verdict::kBelowThreshold);
  CHECK(d[3].verdict == Verdict::kTooFewVotes);
}

TEST_CASE("CCAI per-group agreement reproduces the published group consensus columns",
          "[publicinput]") {
  CHARTER_REQUIRE_SHARED();
  auto files = ReadPolisExport(CcaiDir());
  REQUIRE(files);
  auto conv = LoadConversation(*files, {});
  REQUIRE(conv);
  CHECK(conv->layout == "clean");
  REQUIRE(conv->statements.size() == 275);
  CHECK(conv->participants.size() == 1002);
  auto groups = GroupsFromExport(*conv);
  REQUIRE(groups.k == 2);
  auto figs = ComputeAgreement(*conv, groups);
  double max_diff = 0;
  int compared = 0, counts_match = 0;
  for (const StatementFigures& f : figs) {
    const PolisStatement& s = conv->statements[f.statement];
    REQUIRE(s.published_group_agree.size() == 2);
    for (size_t g = 0; g < 2; ++g) {
      max_diff = std::max(max_diff, std::abs(f.groups[g].AgreeRate() - s.published_group_agree[g]));
      ++compared;
    }
    counts_match += f.overall.agrees == s.published_agrees &&
                    f.overall.disagrees == s.published_disagrees &&
                    f.overall.passes == s.published_passes;
  }
  CHECK(compared == 550);
  CHECK(max_diff <= 1e-6);
  CHECK(counts_match == 275);
}

TEST_CASE("the raw CCAI export loads with the toss list applied", "[publicinput]") {
  CHARTER_REQUIRE_SHARED();
  auto files = ReadPolisExport(CcaiDir());
  REQUIRE(files);
  PolisLoadOptions o;
  o.layout = PolisLoadOptions::Layout::kRaw;
  auto conv = LoadConversation(*files, o);
  REQUIRE(conv);
  CHECK(conv->has_xid);
  CHECK(conv->comments_total == 1418);
  CHECK(conv->statements.size() == 275);
  CHECK(conv->participants_total == 1126);
  CHECK(conv->participants_tossed == 37);
  CHECK(conv->votes_total == 38252);
}

TEST_CASE("Seattle (no xid) and London (xid) load with their exported groups", "[publicinput]") {
  CHARTER_REQUIRE_SHARED();
  for (auto [dir, xid, k, participants] :
       {std::tuple{"polis-15-per-hour-seattle", false, 2, 339},
        std::tuple{"polis-london-youth-policing", true, 3, 26}}) {
    auto files = ReadPolisExport(testing::CorporaDir() + "/public-input/" + dir);
    REQUIRE(files);
    auto conv = LoadConversation(*files, {});
    REQUIRE(conv);
    CHECK(conv->has_xid == xid);
    CHECK(GroupsFromExport(*conv).k == k);
    CHECK(static_cast<int>(conv->participants.size()) == participants);
  }
}

TEST_CASE("computed groups on Seattle mostly match the groups Polis exported", "[publicinput]") {
  CHARTER_REQUIRE_SHARED();
  auto files = ReadPolisExport(testing::CorporaDir() + "/public-input/polis-15-per-hour-seattle");
  REQUIRE(files);
  auto conv = LoadConversation(*files, {});
  REQUIRE(conv);
  GroupAssignment computed = ComputeGroups(*conv, {});
  CHECK(computed.k == 2);
  CHECK(GroupAgreement(GroupsFromExport(*conv), computed) > 0.85);
  // Deterministic: the same input gives the same groups.
  CHECK(ComputeGroups(*conv, {}).group == computed.group);
}

TEST_CASE("hostile comments: a body of megabytes, a count beyond int64 (issue 19)",
          "[publicinput]") {
  // A comment far longer than Polis allows is refused with file and line.
  std::string body(kMaxStatementBytes + 1, 'a');
  auto long_body = LoadConversation(
      Export(
          "comment-id,author-id,agrees,disagrees,moderated,comment-body\n0,0,1,0,1," + body + "\n",
          "participant,0\n0,1\n"),
      {});
  REQUIRE_FALSE(long_body);
  CHECK(long_body.error().message ==
        "x/comments.csv:2: comment-body of 8193 bytes (a statement "
        "is at most 8192)");
  // "1e300" is no moderation value (it was cast to int64: undefined behaviour).
  auto huge = LoadConversation(
      Export("comment-id,author-id,agrees,disagrees,moderated,comment-body\n0,0,1,0,1e300,x\n",
             "participant,0\n0,1\n"),
      {});
  REQUIRE_FALSE(huge);
  CHECK(huge.error().message == "x/comments.csv:2: moderated value '1e300' is not -1, 0 or 1");
}
