// `charter convert`, `bulk`, `merge --global` and `diff` through the real
// binary: UDHR against Anthropic's 2023 constitution, byte-identical re-runs
// (also across --jobs), reviewer decisions (applied, stale, malformed), a
// country without a constitution, and a failing document in a bulk run.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "test_util.h"

namespace fs = std::filesystem;

namespace {

class ConvertTempDir {
 public:
  ConvertTempDir() {
    std::string tmpl = (fs::temp_directory_path() / "charter-convert-XXXXXX").string();
    if (char* p = ::mkdtemp(tmpl.data())) path_ = p;
  }
  ~ConvertTempDir() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void Spit(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

struct Ran {
  int code = -1;
  std::string out, err;
};

Ran Charter(const ConvertTempDir& dir, const std::string& args) {
  std::string out = dir.File("stdout.txt"), err = dir.File("stderr.txt");
  std::string cmd = "'" + std::string(CHARTER_BINARY) + "' " + args + " >'" + out + "' 2>'" + err +
                    "' </dev/null";
  int status = std::system(cmd.c_str());
  Ran r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = Slurp(out);
  r.err = Slurp(err);
  return r;
}

const char* const kOutputs[] = {"principles.jsonl", "constitution.jsonl", "constitution.md",
                                "report.md",        "report.html",        "report.json",
                                "cai.json",         "langchain.json",     "decisions.template.tsv"};

std::string Udhr() { return charter::testing::CorporaDir() + "/instruments/en/udhr.txt"; }
std::string Claude() {
  return charter::testing::CorporaDir() + "/principles/claude-constitution-2023.jsonl";
}

}  // namespace

TEST_CASE(
    "convert of the UDHR yields one principle per family of ideas, mostly matched to the base",
    "[cli]") {
  CHARTER_REQUIRE_SHARED();
  ConvertTempDir dir;
  Ran r = Charter(
      dir, "convert '" + Udhr() + "' --base '" + Claude() + "' --out '" + dir.File("a") + "'");
  INFO(r.err);
  REQUIRE(r.code == 0);
  for (const char* f : kOutputs) CHECK(fs::exists(dir.File("a/") + f));
  auto report = nlohmann::ordered_json::parse(Slurp(dir.File("a/report.json")));
  const auto& s = report["summary"];
  size_t country = s["country_principles"].get<size_t>();
  // Principles per group of families of ideas the UDHR states (at most seven
  // ideas and 300 bytes each), nothing combined away: at most 20 for its 30
  // articles.
  CHECK(country >= 5);
  CHECK(country <= 20);
  for (const auto& p : report["country_principles"])
    CHECK(p["text"].get<std::string>().starts_with("Choose the response that"));
  // A third or more are duplicates of, or merge candidates with, the base
  // (a candidate shares an idea with a base principle; the UDHR states many
  // the base does not, from fair trial to marriage) — and with its
  // UDHR-based section, not with unrelated principles.
  size_t matched = s["duplicates"].get<size_t>() + s["merge_candidates"].get<size_t>();
  CHECK(matched * 3 >= country);
  size_t udhr = 0;
  for (const char* list : {"duplicates", "merge_candidates"})
    for (const auto& m : report[list])
      if (m["base"]["source_section"] == "UDHR") ++udhr;
  CHECK(udhr * 3 >= country);
  CHECK(udhr * 10 >= matched * 8);
  // A combined principle names each idea once, concisely.
  for (const auto& p : report["country_principles"]) {
    INFO(p["text"].get<std::string>());
    if (p["sources"].size() > 1) CHECK(p["text"].get<std::string>().size() <= 300);
  }
}

TEST_CASE("two convert runs write byte-identical files", "[cli]") {
  CHARTER_REQUIRE_SHARED();
  ConvertTempDir dir;
  std::string args = "convert '" + Udhr() + "' --base '" + Claude() + "' --out '";
  REQUIRE(Charter(dir, args + dir.File("a") + "'").code == 0);
  REQUIRE(Charter(dir, args + dir.File("b") + "'").code == 0);
  for (const char* f : kOutputs) {
    INFO(f);
    CHECK(Slurp(dir.File("a/") + f) == Slurp(dir.File("b/") + f));
  }
}

TEST_CASE("reviewer decisions are applied on a re-run and stale ones are reported", "[cli]") {
  CHARTER_REQUIRE_SHARED();
  ConvertTempDir dir;
  std::string args =
      "convert '" + Udhr() + "' --base '" + Claude() + "' --out '" + dir.File("a") + "'";
  REQUIRE(Charter(dir, args).code == 0);
  auto report = nlohmann::ordered_json::parse(Slurp(dir.File("a/report.json")));
  if (report["merge_candidates"].empty()) CHARTER_SKIP("no merge candidates in this run");
  std::string id = report["merge_candidates"][0]["id"];
  Spit(dir.File("d.tsv"), "# review\n" + id +
                              "\tedit\tChoose the response that most respects "
                              "everyone's dignity.\nfeedfacefeedface\taccept\n");
  Ran r = Charter(dir, args + " --decisions '" + dir.File("d.tsv") + "'");
  REQUIRE(r.code == 0);
  CHECK(r.err.find(dir.File("d.tsv") + ":3: stale decision: candidate feedfacefeedface") !=
        std::string::npos);
  auto again = nlohmann::ordered_json::parse(Slurp(dir.File("a/report.json")));
  CHECK(again["summary"]["edited"] == 1);
  CHECK(again["summary"]["decisions_stale"] == 1);
  CHECK(again["decisions_stale"][0]["candidate"] == "feedfacefeedface");
  bool found = false;
  for (const auto& e : again["constitution"])
    if (e["text"] == "Choose the response that most respects everyone's dignity.") {
      found = true;
      CHECK(e["status"] == "combined");
    }
  CHECK(found);
  CHECK(Slurp(dir.File("a/report.md")).find("feedfacefeedface") != std::string::npos);
}

TEST_CASE("a malformed decisions file stops convert with file and line", "[cli]") {
  ConvertTempDir dir;
  Spit(dir.File("d.tsv"), "0123456789abcdef accept\n0123456789abcdef maybe\n");
  Ran r = Charter(dir, "convert --base '" + charter::testing::SourceDir() +
                           "/corpora/base-principles.jsonl' --decisions '" + dir.File("d.tsv") +
                           "' --out '" + dir.File("o") + "'");
  CHECK(r.code == 1);
  CHECK(r.err == "charter: " + dir.File("d.tsv") +
                     ":2: unknown decision 'maybe' (expected accept, edit, reject or drop)\n");
  CHECK(!fs::exists(dir.File("o")));
}

TEST_CASE("convert without a constitution yields the base alone", "[cli]") {
  ConvertTempDir dir;
  std::string base = charter::testing::SourceDir() + "/corpora/base-principles.jsonl";
  Ran r =
      Charter(dir, "convert --base '" + base + "' --name atlantis --out '" + dir.File("o") + "'");
  INFO(r.err);
  REQUIRE(r.code == 0);
  std::string constitution = Slurp(dir.File("o/constitution.jsonl"));
  size_t lines = static_cast<size_t>(std::count(constitution.begin(), constitution.end(), '\n'));
  std::string b = Slurp(base);
  CHECK(lines == static_cast<size_t>(std::count(b.begin(), b.end(), '\n')));
  CHECK(Slurp(dir.File("o/principles.jsonl")).empty());
  CHECK(Slurp(dir.File("o/constitution.md")).starts_with("# Collective Constitution for atlantis"));
}

TEST_CASE("bulk gives the same outputs whatever --jobs and reports a failing file", "[cli]") {
  CHARTER_REQUIRE_SHARED();
  ConvertTempDir dir;
  fs::create_directories(dir.File("in"));
  for (const char* f :
       {"constitutions/en/isr.txt", "constitutions/en/jam.txt", "instruments/en/udhr.txt"})
    fs::copy_file(charter::testing::CorporaDir() + "/" + f,
                  dir.File("in/") + fs::path(f).filename().string());
  Spit(dir.File("in/broken.txt"), std::string("\x00\x01\x02\xff\xfe", 5));
  std::string base = " --base '" + Claude() + "'";
  Ran one = Charter(
      dir, "bulk '" + dir.File("in") + "'" + base + " --jobs 1 --out '" + dir.File("j1") + "'");
  Ran two = Charter(
      dir, "bulk '" + dir.File("in") + "'" + base + " --jobs 2 --out '" + dir.File("j2") + "'");
  CHECK(one.code == 1);
  CHECK(two.code == 1);
  CHECK(one.out == two.out);
  CHECK(one.out.find("broken\tFAILED\t") != std::string::npos);
  CHECK(one.err.find("broken.txt") != std::string::npos);
  for (const char* name : {"isr", "jam", "udhr"})
    for (const char* f : kOutputs) {
      INFO(name << "/" << f);
      std::string a = Slurp(dir.File("j1/") + name + "/" + f);
      CHECK(!a.empty());
      CHECK(a == Slurp(dir.File("j2/") + name + "/" + f));
    }

  // The global constitution over the bulk output.
  Ran g = Charter(
      dir, "merge --global '" + dir.File("j1") + "' --min-support 2 --out '" + dir.File("g") + "'");
  INFO(g.err);
  REQUIRE(g.code == 0);
  auto report = nlohmann::ordered_json::parse(Slurp(dir.File("g/report.json")));
  CHECK(report["countries"].size() == 3);
  for (const auto& p : report["principles"]) CHECK(p["support"].get<size_t>() >= 2);
}

TEST_CASE("diff of two principle sets lists what was added and removed", "[cli]") {
  ConvertTempDir dir;
  Spit(dir.File("old.jsonl"),
       "{\"id\":\"a\",\"text\":\"Choose the response that most respects privacy.\"}\n"
       "{\"id\":\"b\",\"text\":\"Choose the response that most respects the monarchy.\"}\n");
  Spit(
      dir.File("new.jsonl"),
      "{\"id\":\"a\",\"text\":\"Choose the response that most respects privacy.\"}\n"
      "{\"id\":\"c\",\"text\":\"Choose the response that least endorses pollution of rivers.\"}\n");
  Ran r =
      Charter(dir, "diff '" + dir.File("old.jsonl") + "' '" + dir.File("new.jsonl") + "' --json");
  INFO(r.err);
  REQUIRE(r.code == 0);
  auto j = nlohmann::ordered_json::parse(r.out);
  CHECK(j["summary"]["unchanged"] == 1);
  CHECK(j["summary"]["added"].get<int>() + j["summary"]["changed"].get<int>() == 1);
}

TEST_CASE("every principle of the 80 English constitutions opens with a stance", "[cli]") {
  CHARTER_REQUIRE_SHARED();
  ConvertTempDir dir;
  Ran r = Charter(dir, "bulk '" + charter::testing::CorporaDir() + "/constitutions/en' --out '" +
                           dir.File("out") + "'");
  INFO(r.err.substr(0, 2000));
  REQUIRE(r.code == 0);
  // "Choose the response that most respects ..." / "least endorses ...": a
  // combination that split a clause at its own ", and that" once began
  // "Choose the response that constitutes incitement to cause harm".
  const std::string kPrefix = "Choose the response that ";
  size_t principles = 0;
  for (const auto& e : fs::directory_iterator(dir.File("out"))) {
    if (!e.is_directory()) continue;
    std::ifstream in(e.path() / "principles.jsonl");
    for (std::string line; std::getline(in, line);) {
      std::string text = nlohmann::ordered_json::parse(line)["text"];
      INFO(e.path().filename().string() << ": " << text);
      ++principles;
      REQUIRE(text.starts_with(kPrefix));
      std::string rest = text.substr(kPrefix.size());
      if (rest.starts_with("is ") || rest.starts_with("are "))
        rest = rest.substr(rest.find(' ') + 1);
      CHECK((rest.starts_with("most ") || rest.starts_with("least ")));
      CHECK(text.find("principle that that ") == std::string::npos);
      CHECK(text.find("toing ") == std::string::npos);
    }
  }
  // About 1,870 since the validator drops clause principles that are machinery or broken
  // grammar (issue 15); the floor says bulk still writes principles for every document.
  CHECK(principles > 1500);
}

TEST_CASE("merging convert's own principles with the same base gives the same constitution",
          "[cli]") {
  CHARTER_REQUIRE_SHARED();
  ConvertTempDir dir;
  const std::string zaf = charter::testing::CorporaDir() + "/constitutions/en/zaf.txt";
  Ran a =
      Charter(dir, "convert '" + zaf + "' --base '" + Claude() + "' --out '" + dir.File("a") + "'");
  INFO(a.err);
  REQUIRE(a.code == 0);
  Ran b = Charter(dir, "merge '" + dir.File("a/principles.jsonl") + "' --base '" + Claude() +
                           "' --name zaf --out '" + dir.File("b") + "'");
  INFO(b.err);
  REQUIRE(b.code == 0);
  // Nothing combined away on the second pass: the same principles, the
  // same constitution.
  CHECK(Slurp(dir.File("a/principles.jsonl")) == Slurp(dir.File("b/principles.jsonl")));
  CHECK(Slurp(dir.File("a/constitution.jsonl")) == Slurp(dir.File("b/constitution.jsonl")));
}

TEST_CASE("convert lists the clauses it did not convert, with their reasons and lines", "[cli]") {
  CHARTER_REQUIRE_SHARED();
  ConvertTempDir dir;
  const std::string usa = charter::testing::CorporaDir() + "/constitutions/en/usa.txt";
  Ran r = Charter(dir, "convert '" + usa + "' --out '" + dir.File("a") + "'");
  INFO(r.err);
  REQUIRE(r.code == 0);
  auto report = nlohmann::ordered_json::parse(Slurp(dir.File("a/report.json")));
  // The Eighteenth Amendment, repealed by the Twenty-first, is listed and
  // is no principle; the Thirteenth (slavery) is one.
  bool repealed = false;
  for (const auto& u : report["unconverted"])
    if (u["source"]["cite"].get<std::string>().starts_with("Amend. XVIII"))
      repealed = u["reasons"][0].get<std::string>().starts_with("repealed by Amend. XXI");
  CHECK(repealed);
  bool slavery = false;
  for (const auto& p : report["country_principles"]) {
    CHECK(p["text"].get<std::string>().find("intoxicating") == std::string::npos);
    for (const auto& s : p["sources"])
      slavery = slavery || s["cite"].get<std::string>().starts_with("Amend. XIII");
  }
  CHECK(slavery);
  std::string md = Slurp(dir.File("a/report.md"));
  CHECK(md.find("## Clauses not converted (") != std::string::npos);
}

TEST_CASE("the global merge finds the declared conflicts of ideas, each side with its countries",
          "[cli][global]") {
  CHARTER_REQUIRE_SHARED();
  ConvertTempDir dir;
  fs::create_directories(dir.File("in"));
  // Development documents that state one side or the other: Italy abolishes
  // the death penalty, Spain keeps it for military law in wartime; Egypt has
  // a state religion and religious law as a source, Spain is secular; Rwanda
  // defines marriage as a man and a woman, South Africa forbids
  // discrimination by sexual orientation; Korea has military service,
  // Germany conscientious objection; Uganda protects life from conception,
  // Bolivia guarantees reproductive rights (a conflict of the rules,
  // en/conflicts.tsv, as the inventory has no idea for reproductive choice).
  for (const char* doc : {"ita", "esp", "egy", "rwa", "zaf", "kor", "deu", "uga", "bol"})
    fs::copy_file(charter::testing::CorporaDir() + "/constitutions/en/" + doc + ".txt",
                  dir.File("in/") + doc + ".txt");
  Ran b = Charter(dir, "bulk '" + dir.File("in") + "' --out '" + dir.File("b") + "'");
  INFO(b.err);
  REQUIRE(b.code == 0);
  // Korea's military service is a position of the State: in positions.jsonl, which the global
  // merge reads, and in no principle of its constitution.
  const std::string kor_positions = Slurp(dir.File("b/kor/positions.jsonl"));
  CHECK(kor_positions.find("\"military_service\"") != std::string::npos);
  CHECK(Slurp(dir.File("b/kor/principles.jsonl")).find("\"military_service\"") ==
        std::string::npos);
  CHECK(Slurp(dir.File("b/kor/constitution.jsonl")).find("perform military service") ==
        std::string::npos);
  Ran g = Charter(dir, "merge --global '" + dir.File("b") + "' --out '" + dir.File("g") + "'");
  INFO(g.err);
  REQUIRE(g.code == 0);
  auto report = nlohmann::ordered_json::parse(Slurp(dir.File("g/report.json")));
  struct Want {
    const char* a;
    const char* b;
    const char* country_a;
    const char* country_b;
    const char* kind = "idea";
  };
  const Want kWant[] = {
      {"death_penalty_abolition", "death_penalty_permitted", "ita", "esp"},
      {"state_religion", "secular_state", "egy", "esp"},
      {"religious_law_source", "secular_state", "egy", "esp"},
      {"marriage_man_woman", "sexual_orientation_equality", "rwa", "zaf"},
      {"military_service", "conscientious_objection", "kor", "deu"},
      {"life_from_conception", "reproductive_choice", "uga", "bol", "rule"},
  };
  for (const Want& w : kWant) {
    INFO(w.a << " vs " << w.b);
    bool found = false;
    for (const auto& c : report["conflicts"]) {
      if (c["kind"] != w.kind || c["label_a"] != w.a || c["label_b"] != w.b) continue;
      found = true;
      CHECK(c["side_a"].get<std::string>().find(w.country_a) != std::string::npos);
      CHECK(c["side_b"].get<std::string>().find(w.country_b) != std::string::npos);
      // One clause per country of a side, noted with the country.
      CHECK_FALSE(c["a"]["sources"].empty());
    }
    CHECK(found);
  }
  // A rule conflict that an idea pair restates is reported once, as the
  // ideas' (military service: en/conflicts.tsv labels it as the idea).
  size_t military = 0;
  for (const auto& c : report["conflicts"]) military += c["label_a"] == "military_service" ? 1 : 0;
  CHECK(military == 1);
  // --min-support as a share of the documents: half of 9, rounded up.
  Ran half = Charter(dir, "merge --global '" + dir.File("b") + "' --min-support 50% --out '" +
                              dir.File("h") + "'");
  INFO(half.err);
  REQUIRE(half.code == 0);
  auto h = nlohmann::ordered_json::parse(Slurp(dir.File("h/report.json")));
  CHECK(h["options"]["min_support"] == 5);
  Ran bad = Charter(dir, "merge --global '" + dir.File("b") + "' --min-support 120% --out '" +
                             dir.File("x") + "'");
  CHECK(bad.code == 1);
  CHECK(bad.err.find("--min-support: a share is at most 100%") != std::string::npos);
  CHECK_FALSE(fs::exists(dir.File("x")));
  // A broken positions.jsonl is an error naming it, and nothing is written.
  {
    std::ofstream broken(dir.File("b/kor/positions.jsonl"), std::ios::trunc);
    broken << "{\"text\": \"Choose the response that most respects the duty\"\n";
  }
  Ran broken = Charter(dir, "merge --global '" + dir.File("b") + "' --out '" + dir.File("y") + "'");
  CHECK(broken.code != 0);
  CHECK(broken.err.find("kor/positions.jsonl") != std::string::npos);
  CHECK_FALSE(fs::exists(dir.File("y")));
}

TEST_CASE("a global principle counts the documents of the narrower ideas it speaks for",
          "[cli][global]") {
  CHARTER_REQUIRE_SHARED();
  ConvertTempDir dir;
  fs::create_directories(dir.File("in"));
  // South Africa states access to health care (s 27), Korea the protection
  // of health (Art. 36(3)); Spain a right to a suitable environment (s 45),
  // Korea the protection of the environment (Art. 35(1)). Each pair is one
  // commitment: one principle each, counting both documents
  // (rules/idea_global.tsv), with which document states which idea.
  for (const char* doc : {"zaf", "kor", "esp"})
    fs::copy_file(charter::testing::CorporaDir() + "/constitutions/en/" + doc + ".txt",
                  dir.File("in/") + doc + ".txt");
  Ran b = Charter(dir, "bulk '" + dir.File("in") + "' --out '" + dir.File("b") + "'");
  INFO(b.err);
  REQUIRE(b.code == 0);
  Ran g = Charter(dir, "merge --global '" + dir.File("b") + "' --out '" + dir.File("g") + "'");
  INFO(g.err);
  REQUIRE(g.code == 0);
  auto report = nlohmann::ordered_json::parse(Slurp(dir.File("g/report.json")));
  std::map<std::string, nlohmann::ordered_json> by_idea;
  for (const auto& p : report["principles"])
    if (p["template"] == "idea") by_idea[p["ideas"][0].get<std::string>()] = p;
  REQUIRE(by_idea.count("health"));
  REQUIRE(by_idea.count("environment_protection"));
  // The narrower ideas have no principle of their own.
  CHECK_FALSE(by_idea.count("health_care_access"));
  CHECK_FALSE(by_idea.count("healthy_environment"));
  auto has = [](const nlohmann::ordered_json& list, const char* country) {
    for (const auto& c : list)
      if (c == country) return true;
    return false;
  };
  const auto& health = by_idea["health"];
  CHECK(has(health["countries"], "zaf"));
  CHECK(has(health["countries"], "kor"));
  CHECK(health["support"] == health["countries"].size());
  bool care = false;
  for (const auto& v : health["variants"])
    if (v["idea"] == "health_care_access") care = has(v["countries"], "zaf");
  CHECK(care);
  const auto& env = by_idea["environment_protection"];
  CHECK(has(env["countries"], "esp"));
  CHECK(has(env["countries"], "kor"));
  bool healthy = false;
  for (const auto& v : env["variants"])
    if (v["idea"] == "healthy_environment") healthy = has(v["countries"], "esp");
  CHECK(healthy);
  // The reports show the variants; the constitution counts the same support.
  CHECK(Slurp(dir.File("g/report.md")).find("## Country variants of") != std::string::npos);
  CHECK(Slurp(dir.File("g/report.html")).find("healthy environment") != std::string::npos);
  bool counted = false;
  std::istringstream jsonl(Slurp(dir.File("g/constitution.jsonl")));
  for (std::string line; std::getline(jsonl, line);) {
    auto p = nlohmann::ordered_json::parse(line);
    if (p["ideas"].is_array() && !p["ideas"].empty() && p["ideas"][0] == "health")
      counted = p["support"] == health["support"];
  }
  CHECK(counted);
}

TEST_CASE("a reviewer's keep-a on a global conflict drops side b's principle, on re-runs too",
          "[cli][global]") {
  CHARTER_REQUIRE_SHARED();
  ConvertTempDir dir;
  fs::create_directories(dir.File("in"));
  // Development documents: Ghana and India have a duty of military service,
  // Germany a right to conscientious objection.
  for (const char* doc : {"usa", "zaf", "ind", "deu", "gha"})
    fs::copy_file(charter::testing::CorporaDir() + "/constitutions/en/" + doc + ".txt",
                  dir.File("in/") + doc + ".txt");
  Ran b = Charter(dir, "bulk '" + dir.File("in") + "' --out '" + dir.File("b") + "'");
  INFO(b.err);
  REQUIRE(b.code == 0);
  Ran g = Charter(dir, "merge --global '" + dir.File("b") + "' --out '" + dir.File("g") + "'");
  INFO(g.err);
  REQUIRE(g.code == 0);
  auto before = nlohmann::ordered_json::parse(Slurp(dir.File("g/report.json")));
  const nlohmann::ordered_json* military = nullptr;
  for (const auto& c : before["conflicts"])
    if (c["label_a"] == "military_service" && c["label_b"] == "conscientious_objection")
      military = &c;
  REQUIRE(military != nullptr);
  const std::string id = (*military)["id"];
  const std::string kept = (*military)["entry_a"], dropped = (*military)["entry_b"];
  CHECK((*military)["decision"] == "pending");
  CHECK((*military)["side_b"] == "deu");
  const std::string constitution = Slurp(dir.File("g/constitution.jsonl"));
  CHECK(constitution.find("\"id\":\"" + dropped + "\"") != std::string::npos);
  // The page offers the conflict for review.
  const std::string page = Slurp(dir.File("g/report.html"));
  CHECK(page.find("data-id=\"" + id + "\"") != std::string::npos);
  CHECK(page.find("data-act=\"keep-a\"") != std::string::npos);

  // The file report.html exports: a comment, then the decision.
  Spit(dir.File("decisions.tsv"),
       "# Reviewer decisions for global, exported from report.html. Run again with "
       "--decisions FILE.\n" +
           id + "\tkeep-a\n");
  Ran d = Charter(dir, "merge --global '" + dir.File("b") + "' --decisions '" +
                           dir.File("decisions.tsv") + "' --out '" + dir.File("d") + "'");
  INFO(d.err);
  REQUIRE(d.code == 0);
  auto after = nlohmann::ordered_json::parse(Slurp(dir.File("d/report.json")));
  CHECK(after["summary"]["decisions_applied"] == 1);
  CHECK(after["summary"]["decisions_stale"] == 0);
  CHECK(after["summary"]["dropped"] == 1);
  CHECK(after["summary"]["principles"].get<int>() ==
        before["summary"]["principles"].get<int>() - 1);
  for (const auto& c : after["conflicts"])
    if (c["id"] == id) CHECK(c["decision"] == "keep-a");
  REQUIRE(after["dropped"].size() == 1);
  CHECK(after["dropped"][0]["principle"]["id"] == dropped);
  CHECK(after["dropped"][0]["dropped_by"][0] == id);
  const std::string decided = Slurp(dir.File("d/constitution.jsonl"));
  CHECK(decided.find("\"id\":\"" + dropped + "\"") == std::string::npos);
  CHECK(decided.find("\"id\":\"" + kept + "\"") != std::string::npos);
  CHECK(Slurp(dir.File("d/constitution.md")).find("conscientious objection") == std::string::npos);
  // Decided in the file: decided in the page.
  CHECK(Slurp(dir.File("d/report.html")).find("data-decision=\"keep-a\"") != std::string::npos);
  // A re-run with the same decisions: the same bytes.
  Ran again = Charter(dir, "merge --global '" + dir.File("b") + "' --decisions '" +
                               dir.File("decisions.tsv") + "' --out '" + dir.File("e") + "'");
  REQUIRE(again.code == 0);
  for (const char* f : {"constitution.jsonl", "report.json", "report.html", "report.md"}) {
    INFO(f);
    CHECK(Slurp(dir.File("d/") + f) == Slurp(dir.File("e/") + f));
  }

  // A bad line: one line naming the file and the line, nothing written.
  Spit(dir.File("bad.tsv"), id + "\tkeep-a\n" + id + "\taccept\n");
  Ran bad = Charter(dir, "merge --global '" + dir.File("b") + "' --decisions '" +
                             dir.File("bad.tsv") + "' --out '" + dir.File("x") + "'");
  CHECK(bad.code == 1);
  CHECK(bad.err == "charter: " + dir.File("bad.tsv") +
                       ":2: unknown decision 'accept' (expected keep-a, keep-b, keep-both or "
                       "drop-both)\n");
  CHECK_FALSE(fs::exists(dir.File("x")));
  // A decision on a conflict this run does not have: stale, said on stderr.
  Spit(dir.File("stale.tsv"), "0123456789abcdef\tkeep-b\n");
  Ran stale = Charter(dir, "merge --global '" + dir.File("b") + "' --decisions '" +
                               dir.File("stale.tsv") + "' --out '" + dir.File("s") + "'");
  CHECK(stale.code == 0);
  CHECK(stale.err.find(dir.File("stale.tsv") +
                       ":1: stale decision: conflict 0123456789abcdef (keep-b) no longer exists") !=
        std::string::npos);
  CHECK(Slurp(dir.File("s/constitution.jsonl")) == constitution);
}

TEST_CASE("merge in a language without rewrite rules fails and writes nothing", "[cli]") {
  CHARTER_REQUIRE_SHARED();
  ConvertTempDir dir;
  Ran a = Charter(dir, "convert '" + Udhr() + "' --out '" + dir.File("a") + "'");
  REQUIRE(a.code == 0);
  Ran m = Charter(dir, "merge '" + dir.File("a/principles.jsonl") + "' --base '" + Claude() +
                           "' --lang fr --out '" + dir.File("m") + "'");
  CHECK(m.code == 1);
  CHECK(m.err.find("merge: the rules of 'fr' cannot merge principles") != std::string::npos);
  CHECK_FALSE(fs::exists(dir.File("m")));
}
