#include "pipeline/bulk.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

#include "core/hash.h"

namespace charter {

namespace {

std::string SummaryRow(const BulkOutcome& o) {
  std::string out = o.name + "\t" + (o.ok ? "ok" : "FAILED");
  if (o.ok) {
    for (size_t v : {o.rewritten, o.principles, o.duplicates, o.candidates, o.added, o.conflicts,
                     o.constitution})
      out += "\t" + std::to_string(v);
  } else {
    out += "\t" + o.error;
  }
  return out + "\n";
}

// A journal line's fields, or none when it is malformed.
bool ParseJournalLine(std::string_view line, BulkOutcome* o) {
  std::vector<std::string> f;
  size_t at = 0;
  for (size_t tab; (tab = line.find('\t', at)) != std::string_view::npos; at = tab + 1)
    f.emplace_back(line.substr(at, tab - at));
  f.emplace_back(line.substr(at));
  if (f.size() != 10 || f[2] != "ok" || f[0].size() != 16) return false;
  o->stamp = f[0];
  o->name = f[1];
  o->ok = true;
  size_t* fields[] = {&o->rewritten, &o->principles, &o->duplicates,  &o->candidates,
                      &o->added,     &o->conflicts,  &o->constitution};
  for (size_t i = 0; i < 7; ++i) {
    const std::string& v = f[3 + i];
    if (v.empty() || v.size() > 18 || v.find_first_not_of("0123456789") != std::string::npos)
      return false;
    *fields[i] = std::stoull(v);
  }
  return true;
}

// One document: reused from the journal when its stamp and folder are
// there, else converted and written (and journaled).
void BulkOne(ConvertContext& ctx, const BulkDocument& doc, const BulkSettings& settings,
             const BulkIO& io, BulkOutcome* r) {
  r->file = doc.file;
  r->name = doc.name;
  Result<std::string> bytes = io.read(doc.file);
  uint64_t h = settings.run_stamp;
  AddToStamp(r->name, &h);
  AddToStamp(bytes ? *bytes : "(unreadable)", &h);
  r->stamp = StampHex(h);
  if (auto j = settings.journal.find(r->name); !settings.force && j != settings.journal.end() &&
                                               j->second.stamp == r->stamp &&
                                               io.has_output(r->name)) {
    *r = j->second;
    r->file = doc.file;
    r->reused = true;
    return;
  }
  if (!bytes) {
    r->error = bytes.error().message;
    return;
  }
  const DocumentInput input{doc.file, std::move(*bytes)};
  auto run = ctx.Convert(&input, r->name);
  if (!run) {
    r->error = run.error().message;
    return;
  }
  if (Status st = io.write(r->name, run->files); !st) {
    r->error = st.error().message;
    return;
  }
  const MergePlan& p = run->plan;
  r->ok = true;
  r->rewritten = p.country_input;
  r->principles = p.country_principles.size();
  r->duplicates = p.duplicates.size();
  r->candidates = p.candidates.size();
  r->added = p.added.size();
  r->conflicts = p.conflicts.size();
  r->constitution = p.constitution.size();
  io.journal(JournalLine(*r));
}

}  // namespace

void AddToStamp(std::string_view bytes, uint64_t* stamp) {
  std::string len = std::to_string(bytes.size()) + ":";
  *stamp = Fnv1a64(bytes, Fnv1a64(len, *stamp));
}

std::string StampHex(uint64_t h) {
  static const char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<size_t>(i)] = kHex[h & 0xf];
  return out;
}

uint64_t SettingsStamp(const Thresholds& thresholds, const std::string& lang) {
  uint64_t h = Fnv1a64("charter bulk 2");
  for (const ReportThreshold& t : ThresholdList(thresholds, "country"))
    AddToStamp(t.name + "=" + t.value, &h);
  AddToStamp(lang, &h);
  return h;
}

std::string SummaryTable(const std::vector<BulkOutcome>& outcomes) {
  std::string out =
      "document\tstatus\trewritten\tprinciples\tduplicates\tcandidates\tadded\tconflicts\tconstitut"
      "ion\n";
  for (const BulkOutcome& o : outcomes) out += SummaryRow(o);
  return out;
}

std::string JournalLine(const BulkOutcome& o) { return o.stamp + "\t" + SummaryRow(o); }

std::map<std::string, BulkOutcome> ParseJournal(std::string_view text) {
  std::map<std::string, BulkOutcome> out;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    if (nl == std::string_view::npos) break;  // no '\n': cut short
    BulkOutcome o;
    if (ParseJournalLine(text.substr(0, nl), &o)) out[o.name] = o;
    text.remove_prefix(nl + 1);
  }
  return out;
}

std::vector<BulkOutcome> RunBulk(ConvertContext& ctx, const std::vector<BulkDocument>& docs,
                                 const BulkSettings& settings, const BulkIO& io) {
  std::vector<BulkOutcome> outcomes(docs.size());
  // Largest documents first: a big one started last would keep one worker
  // busy while the others wait. Outcomes stay in input order.
  std::vector<size_t> queue(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) queue[i] = i;
  std::stable_sort(queue.begin(), queue.end(),
                   [&](size_t a, size_t b) { return docs[a].bytes > docs[b].bytes; });
  std::atomic<size_t> next{0}, done{0};
  std::mutex progress_mu;
  auto worker = [&] {
    for (size_t q = next++; q < docs.size(); q = next++) {
      BulkOutcome& r = outcomes[queue[q]];
      BulkOne(ctx, docs[queue[q]], settings, io, &r);
      const size_t d = ++done;
      if (r.reused) continue;
      std::lock_guard<std::mutex> lock(progress_mu);
      io.progress(r, d, docs.size());
    }
  };
  const int jobs = std::min<int>(std::max(1, settings.jobs), static_cast<int>(docs.size()));
  std::vector<std::thread> pool;
  for (int t = 1; t < jobs; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
  return outcomes;
}

}  // namespace charter
