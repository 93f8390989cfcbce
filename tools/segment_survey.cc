// segment_survey.cc — a developer's view of the segmenter over a corpus (was
// a hidden test case, tests/segment/dev_dump_test.cc, that asserted nothing).
//
//   tool_segment_survey survey   [CORPORA]  per document: units, articles, first..last
//                                           article, and article numbers out of sequence
//   tool_segment_survey coverage [CORPORA]  per English document: non-empty lines on
//                                           which no unit starts
// CORPORA defaults to ../shared/corpora. One document's units: `charter segment
// FILE --format text`.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "core/io.h"
#include "core/rule_file.h"
#include "load/load.h"
#include "segment/segment.h"
#include "files/files.h"

namespace fs = std::filesystem;
using namespace charter;

namespace {

std::vector<Provision> SegmentFile(const std::string& path, const std::string& lang,
                                   const std::string& name, std::string* bytes_out) {
  static std::map<std::string, Segmenter> segmenters;
  auto it = segmenters.find(lang);
  if (it == segmenters.end()) {
    auto rules = ReadRuleFolder(DefaultRulesRoot(), lang);
    if (!rules) throw std::runtime_error(rules.error().message);
    auto seg = Segmenter::Create(*rules, lang);
    if (!seg) throw std::runtime_error(seg.error().message);
    it = segmenters.emplace(lang, std::move(*seg)).first;
  }
  auto bytes = ReadFile(path);
  if (!bytes) throw std::runtime_error(bytes.error().message);
  LoadOptions opt;
  opt.lang = lang;
  opt.format = "text";
  auto doc = LoadDocument(*bytes, name, opt);
  if (!doc) throw std::runtime_error(doc.error().message);
  auto units = it->second.Segment(*doc);
  if (!units) throw std::runtime_error(units.error().message);
  if (bytes_out) *bytes_out = std::move(*bytes);
  return std::move(*units);
}

void Survey(const std::string& root) {
  std::vector<std::string> files;
  for (const char* dir : {"constitutions", "instruments"})
    for (const auto& e : fs::recursive_directory_iterator(root + "/" + dir))
      if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  static const std::set<std::string> have = {"en", "fr", "es", "de", "it", "pt", "nl"};
  for (const auto& f : files) {
    std::string rel = f.substr(root.size() + 1);
    std::string folder = fs::path(rel).parent_path().filename().string();
    if (folder == "udhr") folder = fs::path(rel).stem().string().substr(0, 2);
    std::string lang = have.count(folder) ? folder : "en";
    auto units = SegmentFile(f, lang, rel, nullptr);
    std::vector<const Provision*> arts;
    for (const auto& u : units)
      if (u.type == "article") arts.push_back(&u);
    std::string odd;
    int nodd = 0;
    for (size_t i = 1; i < arts.size(); ++i) {
      int a = std::atoi(arts[i - 1]->unit.c_str()), b = std::atoi(arts[i]->unit.c_str());
      if (arts[i]->label != arts[i - 1]->label) continue;
      if (!(b == a + 1 || (b == a && arts[i]->unit > arts[i - 1]->unit))) {
        ++nodd;
        if (odd.size() < 160)
          odd += " " + arts[i - 1]->unit + "->" + arts[i]->unit + "@" +
                 std::to_string(arts[i]->line_start);
      }
    }
    std::cout << rel << "\t" << units.size() << "\t" << arts.size() << "\t"
              << (arts.empty()
                      ? ""
                      : arts.front()->label + " " + arts.front()->unit + ".." + arts.back()->unit)
              << "\todd=" << nodd << odd << "\n";
  }
}

void Coverage(const std::string& root) {
  for (const char* dir : {"constitutions/en", "instruments/en"}) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(root + "/" + dir))
      if (e.is_regular_file()) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
      std::string bytes;
      auto units = SegmentFile(path.string(), "en", path.filename().string(), &bytes);
      std::set<uint32_t> starts;
      for (const auto& u : units) starts.insert(u.line_start);
      uint32_t line = 1;
      size_t pos = 0, missing = 0;
      std::string ex;
      while (pos < bytes.size()) {
        size_t nl = bytes.find('\n', pos);
        if (nl == std::string::npos) nl = bytes.size();
        if (nl > pos && !starts.count(line)) {
          ++missing;
          if (ex.size() < 300)
            ex += " " + std::to_string(line) + ":" +
                  bytes.substr(pos, std::min<size_t>(40, nl - pos));
        }
        pos = nl + 1;
        ++line;
      }
      if (missing) std::cout << path.filename().string() << " missing=" << missing << ex << "\n";
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "";
  std::string root = argc > 2 ? argv[2] : std::string(CHARTER_SHARED_DIR) + "/corpora";
  if (mode != "survey" && mode != "coverage") {
    std::fprintf(stderr, "usage: %s survey|coverage [CORPORA]\n", argv[0]);
    return 2;
  }
  if (!fs::is_directory(root)) {
    std::fprintf(stderr, "%s: %s: not a folder\n", argv[0], root.c_str());
    return 1;
  }
  try {
    if (mode == "survey")
      Survey(root);
    else
      Coverage(root);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s: %s\n", argv[0], e.what());
    return 1;
  }
  return 0;
}
