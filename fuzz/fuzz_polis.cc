// fuzz_polis.cc — a Polis export: the input is split at lines "=====" into
// comments.csv, participants-votes.csv, votes.csv, ids-to-toss.csv,
// clean_comments.csv and clean_votes.csv (a missing part: no such file); the
// first byte picks the load options.
#include <vector>

#include "fuzz/fuzz_util.h"
#include "publicinput/polis.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace charter;
  if (size == 0) return 0;
  std::string_view rest = fuzz::Bytes(data + 1, size - 1);
  std::vector<std::string_view> parts;
  while (parts.size() < 6) {
    size_t cut = rest.find("\n=====\n");
    parts.push_back(rest.substr(0, cut));
    if (cut == std::string_view::npos) break;
    rest.remove_prefix(cut + 7);
  }
  PolisExport e;
  e.dir = "x";
  PolisExport::File* files[] = {&e.comments,    &e.participants_votes, &e.votes,
                                &e.ids_to_toss, &e.clean_comments,     &e.clean_votes};
  const char* names[] = {"comments.csv",    "participants-votes.csv", "votes.csv",
                         "ids-to-toss.csv", "clean_comments.csv",     "clean_votes.csv"};
  for (size_t i = 0; i < parts.size(); ++i) {
    files[i]->path = names[i];
    files[i]->bytes = std::string(parts[i]);
    files[i]->present = !parts[i].empty();
  }
  PolisLoadOptions o;
  o.layout = static_cast<PolisLoadOptions::Layout>(data[0] % 3);
  o.keep_unmoderated = data[0] & 4;
  o.use_ids_to_toss = data[0] & 8;
  o.prefer_vote_log = data[0] & 16;
  Result<Conversation> c = LoadConversation(e, o);
  if (c && c->votes.size() != c->participants.size() * c->statements.size()) __builtin_trap();
  return 0;
}
