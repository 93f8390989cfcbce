#include <catch2/catch.hpp>
#include <cstdlib>
#include <iostream>
#include <set>

#include "segment_test_util.h"

using namespace charter;
using namespace charter::testing;

TEST_CASE("dev dump", "[.dev]") {
  const char* f = std::getenv("SEG_FILE");
  const char* lang = std::getenv("SEG_LANG");
  if (!f) return;
  auto bytes = ReadFile(f);
  REQUIRE(bytes);
  auto units = SegmentText(*bytes, lang ? lang : "en", f);
  for (const auto& u : units) {
    if (std::getenv("SEG_ARTICLES") && u.type != "article") continue;
    std::cout << u.line_start << "\t" << u.type << "\t" << u.unit << "\t" << u.cite << "\t"
              << u.path << "\t" << u.id << "\t" << u.text.substr(0, 100) << "\n";
  }
}

#include <filesystem>
TEST_CASE("dev survey", "[.dev]") {
  std::vector<std::string> files;
  std::string root = CorporaDir();
  for (const char* dir : {"constitutions", "instruments"})
    for (const auto& e : std::filesystem::recursive_directory_iterator(root + "/" + dir))
      if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::string rel = f.substr(root.size() + 1);
    std::string folder = std::filesystem::path(rel).parent_path().filename().string();
    if (folder == "udhr") folder = std::filesystem::path(rel).stem().string().substr(0, 2);
    static const std::set<std::string> have = {"en", "fr", "es", "de", "it", "pt", "nl"};
    std::string lang = have.count(folder) ? folder : "en";
    auto bytes = ReadFile(f);
    auto units = SegmentText(*bytes, lang, rel);
    std::vector<const Provision*> arts;
    for (const auto& u : units)
      if (u.type == "article") arts.push_back(&u);
    std::string odd;
    int nodd = 0;
    for (size_t i = 1; i < arts.size(); ++i) {
      auto num = [](const std::string& s) { return std::atoi(s.c_str()); };
      int a = num(arts[i - 1]->unit), b = num(arts[i]->unit);
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

TEST_CASE("dev coverage", "[.dev]") {
  std::string root = CorporaDir();
  for (const char* dir : {"constitutions/en", "instruments/en"}) {
    for (const auto& e : std::filesystem::directory_iterator(root + "/" + dir)) {
      auto bytes = ReadFile(e.path().string());
      auto units = SegmentText(*bytes, "en", e.path().filename().string());
      std::set<uint32_t> starts;
      for (const auto& u : units) starts.insert(u.line_start);
      uint32_t line = 1;
      size_t pos = 0, missing = 0;
      std::string ex;
      while (pos < bytes->size()) {
        size_t nl = bytes->find('\n', pos);
        if (nl == std::string::npos) nl = bytes->size();
        if (nl > pos && !starts.count(line)) {
          ++missing;
          if (ex.size() < 300)
            ex += " " + std::to_string(line) + ":" +
                  bytes->substr(pos, std::min<size_t>(40, nl - pos));
        }
        pos = nl + 1;
        ++line;
      }
      if (missing)
        std::cout << e.path().filename().string() << " missing=" << missing << ex << "\n";
    }
  }
}
