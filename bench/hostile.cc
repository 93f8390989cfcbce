// bench/hostile.cc — hostile inputs (issue 19): each is made at run time in a
// temporary folder (nothing large is committed), given to the real charter
// binary (next to this one, or $CHARTER_BIN) as a child process, and must
// end in a result or a one-line error, in time linear in its size and
// bounded memory. Per case:
//   hostile.<case>.input_mb: N        size of the input
//   hostile.<case>.wall_s: N          wall time of the charter run
//   hostile.<case>.peak_mb: N         its peak resident memory
//   hostile.<case>.exit: N            its exit code (0 result, 1 refused)
//   hostile.<case>.stderr_lines: N    lines it wrote on stderr (an error is one)
//   hostile.<case>.says: TEXT         the first of them
// and for the model truncated at every 4 KiB boundary (in-process, ParseModel):
//   hostile.model_truncated.cuts / .refused / .max_ms / .total_s
//
//   bench_hostile [--quick]     (--quick: smaller sizes, for a smoke run)
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/io.h"
#include "core/rule_file.h"
#include "embed/model.h"
#include "files/files.h"

namespace fs = std::filesystem;

namespace {

struct Run {
  int exit = -1;
  double wall_s = 0, peak_mb = 0;
  std::string err;
};

Run RunCharter(const std::string& bin, std::vector<std::string> args, const fs::path& tmp) {
  args.insert(args.begin(), bin);
  std::vector<char*> cargs;
  for (std::string& a : args) cargs.push_back(a.data());
  cargs.push_back(nullptr);
  const std::string err_path = (tmp / "stderr.txt").string();
  std::fflush(stdout);  // or the child would print our buffered lines again
  auto start = std::chrono::steady_clock::now();
  pid_t pid = ::fork();
  if (pid == 0) {
    if (!std::freopen("/dev/null", "w", stdout) || !std::freopen(err_path.c_str(), "w", stderr))
      _exit(126);
    ::execv(bin.c_str(), cargs.data());
    _exit(127);
  }
  int status = 0;
  struct rusage ru {};
  ::wait4(pid, &status, 0, &ru);
  Run r;
  r.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.exit = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.peak_mb = static_cast<double>(ru.ru_maxrss) / 1024.0;
  std::ifstream in(err_path, std::ios::binary);
  r.err.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return r;
}

void Report(const char* name, double input_mb, const Run& r) {
  size_t lines = 0;
  for (char c : r.err) lines += c == '\n';
  std::string first = r.err.substr(0, r.err.find('\n'));
  if (first.size() > 160) first = first.substr(0, 160) + "...";
  std::printf("hostile.%s.input_mb: %.1f\n", name, input_mb);
  std::printf("hostile.%s.wall_s: %.2f\n", name, r.wall_s);
  std::printf("hostile.%s.peak_mb: %.1f\n", name, r.peak_mb);
  std::printf("hostile.%s.exit: %d\n", name, r.exit);
  std::printf("hostile.%s.stderr_lines: %zu\n", name, lines);
  std::printf("hostile.%s.says: %s\n", name, first.empty() ? "(nothing)" : first.c_str());
  std::fflush(stdout);
}

double Mb(const fs::path& p) { return static_cast<double>(fs::file_size(p)) / (1 << 20); }

// `unit` repeated to at least `bytes` bytes, no line break.
void WriteRepeated(const fs::path& p, const std::string& head, const std::string& unit,
                   size_t bytes, const std::string& tail) {
  std::ofstream out(p, std::ios::binary);
  out << head;
  std::string block;
  while (block.size() < (1u << 20)) block += unit;
  for (size_t n = 0; n < bytes; n += block.size()) out << block;
  out << tail;
}

void WriteFile(const fs::path& p, const std::string& s) {
  std::ofstream out(p, std::ios::binary);
  out << s;
}

const char kComments[] =
    "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n"
    "1,x,0,1,1,0,1,Everyone should have access to clean water.\n"
    "2,x,1,2,1,0,1,The police must explain every stop they make.\n"
    "3,x,2,3,1,0,1,Schools should teach first aid.\n";

}  // namespace

int main(int argc, char** argv) {
  const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
  const size_t MB = 1u << 20;
  std::string bin = std::getenv("CHARTER_BIN")
                        ? std::getenv("CHARTER_BIN")
                        : (fs::path(argv[0]).parent_path() / "charter").string();
  if (!fs::exists(bin)) {
    std::fprintf(stderr, "bench_hostile: %s not found (build charter or set CHARTER_BIN)\n",
                 bin.c_str());
    return 1;
  }
  fs::path tmp = fs::temp_directory_path() / ("charter-hostile-" + std::to_string(::getpid()));
  fs::create_directories(tmp);
  const std::string sentence = "Everyone has the right to freedom of expression and of assembly. ";

  {  // A 200 MB file of one line: over the 64 MiB input limit.
    fs::path f = tmp / "one-line-200mb.txt";
    WriteRepeated(f, "", sentence, (quick ? 70 : 200) * MB, "");
    Report("one_line_200mb", Mb(f), RunCharter(bin, {"segment", f.string()}, tmp));
    fs::remove(f);
  }
  for (size_t mb : quick ? std::vector<size_t>{4, 16} : std::vector<size_t>{15, 60}) {
    // One line, within the limit: segmented (sentences), time linear in size.
    fs::path f = tmp / "one-line.txt";
    WriteRepeated(f, "", sentence, mb * MB, "");
    std::string name = "one_line_" + std::to_string(mb) + "mb";
    Report(name.c_str(), Mb(f), RunCharter(bin, {"segment", f.string(), "--format", "text"}, tmp));
    fs::remove(f);
  }
  for (size_t depth : quick ? std::vector<size_t>{100000} : std::vector<size_t>{250000, 1000000}) {
    fs::path f = tmp / "nested.html";
    {
      std::ofstream out(f, std::ios::binary);
      out << "<!doctype html><html><body>";
      for (size_t i = 0; i < depth; ++i) out << "<div>";
      out << "<p>Article 1. Everyone has the right to life.</p>";
      for (size_t i = 0; i < depth; ++i) out << "</div>";
      out << "</body></html>\n";
    }
    std::string name = "html_nested_" + std::to_string(depth);
    Report(name.c_str(), Mb(f), RunCharter(bin, {"segment", f.string()}, tmp));
    fs::remove(f);
  }
  {  // A CSV with a million columns (the participants x comments file).
    fs::path d = tmp / "wide";
    fs::create_directories(d);
    WriteFile(d / "comments.csv", kComments);
    const size_t cols = quick ? 100000 : 1000000;
    std::string header = "participant,group-id,n-comments,n-votes,n-agree,n-disagree";
    std::string row = "1,0,3,3,3,0";
    for (size_t c = 0; c < cols; ++c) {
      header += "," + std::to_string(c);
      row += c < 3 ? ",1" : ",";
    }
    WriteFile(d / "participants-votes.csv", header + "\n" + row + "\n");
    Report("csv_1m_columns", Mb(d / "participants-votes.csv"),
           RunCharter(bin, {"polis", d.string(), "--out", (tmp / "wide-out").string()}, tmp));
    fs::remove_all(d);
    fs::remove_all(tmp / "wide-out");
  }
  for (size_t mb : quick ? std::vector<size_t>{8} : std::vector<size_t>{100, 50}) {
    // One comment of mb MB (a quoted field).
    fs::path d = tmp / "field";
    fs::create_directories(d);
    WriteRepeated(d / "comments.csv", std::string(kComments) + "4,x,3,4,1,0,1,\"",
                  "Everyone, \"\"everywhere\"\", ", mb * MB, "\"\n");
    WriteFile(d / "participants-votes.csv",
              "participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1,2,3\n"
              "1,0,4,4,4,0,1,1,1,1\n2,0,4,4,4,0,1,1,1,1\n");
    std::string name = "csv_field_" + std::to_string(mb) + "mb";
    Report(name.c_str(), Mb(d / "comments.csv"),
           RunCharter(bin, {"polis", d.string(), "--out", (tmp / "field-out").string()}, tmp));
    fs::remove_all(d);
    fs::remove_all(tmp / "field-out");
  }
  {  // A Polis export with a million participants.
    fs::path d = tmp / "many";
    fs::create_directories(d);
    WriteFile(d / "comments.csv", kComments);
    const size_t people = quick ? 100000 : 1000000;
    {
      std::ofstream out(d / "participants-votes.csv", std::ios::binary);
      out << "participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1,2\n";
      for (size_t p = 0; p < people; ++p)
        out << p << "," << (p % 2) << ",3,3,2,1," << (p % 3 == 0 ? "-1" : "1") << ",1,"
            << (p % 2 ? "1" : "-1") << "\n";
    }
    Report("polis_1m_participants", Mb(d / "participants-votes.csv"),
           RunCharter(bin, {"polis", d.string(), "--out", (tmp / "many-out").string()}, tmp));
    fs::remove_all(d);
    fs::remove_all(tmp / "many-out");
  }
  {  // A rule whose pattern RE2 refuses (too large a program).
    fs::path rules = tmp / "rules";
    fs::copy(charter::DefaultRulesRoot(), rules, fs::copy_options::recursive);
    {
      std::ofstream out(rules / "en" / "modality.tsv", std::ios::app);
      out << "right\t1\t((a{1000}){1000}){1000}\thostile\n";
    }
    fs::path doc = tmp / "doc.txt";
    WriteFile(doc, "Article 1\n\nEveryone has the right to life.\n");
    Report("rule_re2_refuses", 0.0,
           RunCharter(bin, {"extract", doc.string(), "--rules", rules.string()}, tmp));
    fs::remove_all(rules);
  }
  {  // The model file truncated at every 4 KiB boundary.
    auto bytes = charter::ReadFile(charter::DefaultModelsRoot() + "/charter.emb", 1u << 30);
    if (!bytes) {
      std::fprintf(stderr, "bench_hostile: %s\n", bytes.error().message.c_str());
      return 1;
    }
    size_t cuts = 0, refused = 0;
    double max_ms = 0;
    auto t0 = std::chrono::steady_clock::now();
    const size_t step = quick ? 64 * 4096 : 4096;
    for (size_t at = 0; at < bytes->size(); at += step) {
      auto s = std::chrono::steady_clock::now();
      auto m = charter::embed::ParseModel(std::string_view(*bytes).substr(0, at), "charter.emb");
      double ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - s).count();
      max_ms = std::max(max_ms, ms);
      ++cuts;
      refused += m ? 0 : 1;
    }
    double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("hostile.model_truncated.cuts: %zu\n", cuts);
    std::printf("hostile.model_truncated.refused: %zu\n", refused);
    std::printf("hostile.model_truncated.max_ms: %.2f\n", max_ms);
    std::printf("hostile.model_truncated.total_s: %.2f\n", total);
    // And through the CLI: one truncated copy of the models folder.
    fs::path models = tmp / "models";
    fs::copy(charter::DefaultModelsRoot(), models, fs::copy_options::recursive);
    fs::resize_file(models / "charter.emb", (bytes->size() / 2) & ~size_t{4095});
    fs::path doc = tmp / "doc.txt";
    WriteFile(doc, "Article 1\n\nEveryone has the right to life.\n");
    Report("model_truncated_cli", Mb(models / "charter.emb"),
           RunCharter(bin,
                      {"convert", doc.string(), "--models", models.string(), "--out",
                       (tmp / "model-out").string()},
                      tmp));
  }
  fs::remove_all(tmp);
  return 0;
}
