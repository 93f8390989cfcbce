// Bad input through the real binary: `charter segment FILE` on a binary file,
// an empty file, a directory, a missing file, invalid UTF-8, a 200 MB file and
// a rules folder with a bad RE2 pattern. Each must exit non-zero with exactly
// one line on stderr naming the file and the problem, and print nothing on
// stdout. Nothing may crash (no exit by signal).
#include <sys/wait.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "test_util.h"

namespace fs = std::filesystem;

namespace {

// A fresh folder under the system temp dir, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "charter-bad-input-XXXXXX").string();
    if (char* p = ::mkdtemp(tmpl.data())) path_ = p;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

void WriteBytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

struct RunResult {
  int exit_code = -1;  // the process' exit status; 128+N if killed by signal N
  bool signaled = false;
  std::string out, err;
};

// Runs `[env] charter ARGS` with stdout and stderr captured separately.
RunResult RunCharter(const TempDir& dir, const std::string& args, const std::string& env = "") {
  std::string out = dir.File("stdout.txt"), err = dir.File("stderr.txt");
  std::string cmd = env + (env.empty() ? "" : " ") + "'" + std::string(CHARTER_BINARY) + "' " +
                    args + " >'" + out + "' 2>'" + err + "' </dev/null";
  int status = std::system(cmd.c_str());
  RunResult r;
  if (status != -1 && WIFEXITED(status)) {
    r.exit_code = WEXITSTATUS(status);
  } else if (status != -1 && WIFSIGNALED(status)) {
    r.signaled = true;
    r.exit_code = 128 + WTERMSIG(status);
  }
  r.out = ReadBytes(out);
  r.err = ReadBytes(err);
  return r;
}

// Exit non-zero (not by a signal, not the shell's 126/127), nothing on
// stdout, exactly one line on stderr that ends with `message`.
void ExpectOneLineError(const RunResult& r, const std::string& message) {
  INFO("stderr: " << r.err);
  INFO("stdout: " << r.out.substr(0, 500));
  CHECK_FALSE(r.signaled);
  CHECK(r.exit_code != 0);
  CHECK(r.exit_code < 126);
  CHECK(r.out.empty());
  REQUIRE_FALSE(r.err.empty());
  CHECK(r.err.back() == '\n');
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  std::string line = r.err.substr(0, r.err.find('\n'));
  CHECK(line.ends_with(message));
}

bool HaveBinary() { return fs::exists(CHARTER_BINARY); }

#define REQUIRE_BINARY()                                          \
  do {                                                            \
    if (!HaveBinary()) FAIL("binary not built: " CHARTER_BINARY); \
  } while (0)

}  // namespace

TEST_CASE("charter segment on a binary file fails with one line naming it", "[cli][bad-input]") {
  REQUIRE_BINARY();
  TempDir dir;
  std::string file = dir.File("image.png");
  WriteBytes(file, std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0", 20));
  ExpectOneLineError(RunCharter(dir, "segment '" + file + "'"),
                     file + ": binary file, not text (NUL byte at offset 8)");
}

TEST_CASE("charter segment on an empty file fails with one line naming it", "[cli][bad-input]") {
  REQUIRE_BINARY();
  TempDir dir;
  std::string file = dir.File("empty.txt");
  WriteBytes(file, "");
  ExpectOneLineError(RunCharter(dir, "segment '" + file + "'"), file + ": empty file");
  std::string blank = dir.File("blank.txt");
  WriteBytes(blank, "  \n\t\n\n");
  ExpectOneLineError(RunCharter(dir, "segment '" + blank + "'"), blank + ": empty file");
}

TEST_CASE("charter convert of a document in a language without rewrite rules says so",
          "[cli][bad-input]") {
  REQUIRE_BINARY();
  TempDir dir;
  // Extraction reads Spanish; principles are written from English text.
  std::string es = dir.File("es.txt");
  WriteBytes(es,
             "Artículo 1. Toda persona tiene derecho a la vida, a la libertad y a la seguridad de "
             "su persona.\n\nArtículo 2. Nadie será sometido a torturas ni a penas o tratos "
             "crueles, inhumanos o degradantes.\n");
  std::string out = dir.File("out-es");
  ExpectOneLineError(RunCharter(dir, "convert '" + es + "' --out '" + out + "'"),
                     es + ": the document is in 'es' (rules/es/ has no rewrite rules), and "
                          "principles are written from English text: convert an English "
                          "translation; `charter extract` reads this one");
  CHECK_FALSE(fs::exists(out));
  // Another script: language detection has no evidence and calls it English,
  // whose rules would find nothing. Not an empty result: an error.
  std::string ar = dir.File("ar.txt");
  WriteBytes(ar,
             "المادة 1. يولد جميع الناس أحراراً متساوين في الكرامة والحقوق.\n\nالمادة 2. لكل "
             "إنسان حق التمتع بجميع الحقوق والحريات.\n");
  ExpectOneLineError(RunCharter(dir, "convert '" + ar + "' --out '" + dir.File("out-ar") + "'"),
                     ar + ": the document is in no language Charter has rules for (0% of its "
                          "words are common 'en' words, the nearest; a text in it has 40% or "
                          "more), and principles are written from English text: convert an "
                          "English translation");
  // German has segmentation rules only: extraction says which languages it reads.
  std::string de = dir.File("de.txt");
  WriteBytes(de,
             "Artikel 1. Jeder Mensch hat das Recht auf Leben und auf die Freiheit der Person.\n\n"
             "Artikel 2. Niemand darf gefoltert werden, und die Würde des Menschen ist "
             "unantastbar.\n");
  ExpectOneLineError(RunCharter(dir, "extract '" + de + "'"),
                     de + ": the document is in 'de', which has no extraction rules "
                          "(rules/de/modality.tsv): Charter extracts en, es, fr");
  // Nor Turkish, in the Latin alphabet: English rules would write nonsense.
  std::string tr = dir.File("tr.txt");
  WriteBytes(tr,
             "Madde 1. Her insan yaşama, özgürlüğe ve kişi güvenliğine hakkına sahiptir.\n\n"
             "Madde 2. Hiç kimse işkenceye ya da zalimane, insanlık dışı veya aşağılatıcı "
             "cezalara tabi tutulamaz.\n");
  RunResult r = RunCharter(dir, "convert '" + tr + "' --out '" + dir.File("out-tr") + "'");
  ExpectOneLineError(r, "convert an English translation");
  CHECK(r.err.find(tr + ": the document is in no language Charter has rules for") !=
        std::string::npos);
  CHECK_FALSE(fs::exists(dir.File("out-tr")));
}

TEST_CASE("charter segment on a directory fails with one line naming it", "[cli][bad-input]") {
  REQUIRE_BINARY();
  TempDir dir;
  std::string sub = dir.File("folder.txt");
  fs::create_directory(sub);
  ExpectOneLineError(RunCharter(dir, "segment '" + sub + "'"),
                     sub + ": is a directory, not a file");
}

TEST_CASE("charter segment on a missing file fails with one line naming it", "[cli][bad-input]") {
  REQUIRE_BINARY();
  TempDir dir;
  std::string file = dir.File("no-such-constitution.txt");
  ExpectOneLineError(RunCharter(dir, "segment '" + file + "'"), file + ": no such file");
}

TEST_CASE("charter segment on invalid UTF-8 fails naming the line and byte offset",
          "[cli][bad-input]") {
  REQUIRE_BINARY();
  TempDir dir;
  std::string file = dir.File("broken.txt");
  // Valid multi-byte UTF-8 (é) and then a byte that is not UTF-8 at offset 25.
  WriteBytes(file,
             "Pr\xC3\xA9"
             "ambule\nArticle 1\nbad \xFF byte\n");
  ExpectOneLineError(RunCharter(dir, "segment '" + file + "'"),
                     file + ": invalid UTF-8 at line 3 (byte offset 25)");
}

TEST_CASE("charter segment on a 200 MB file refuses it without reading it", "[cli][bad-input]") {
  REQUIRE_BINARY();
  TempDir dir;
  std::string file = dir.File("huge.txt");
  WriteBytes(file, "");
  fs::resize_file(file, 200u << 20);  // sparse: costs no disk
  ExpectOneLineError(RunCharter(dir, "segment '" + file + "'"),
                     file + ": file too large (200 MiB; the limit is 64 MiB)");
}

TEST_CASE("charter convert with a bad value in rules/thresholds.tsv names the file and line",
          "[cli][bad-input]") {
  REQUIRE_BINARY();
  TempDir dir;
  std::string rules = dir.File("rules");
  fs::copy(charter::testing::RulesDir(), rules, fs::copy_options::recursive);
  std::string thresholds = rules + "/thresholds.tsv";
  std::string text = ReadBytes(thresholds);
  const size_t at = text.find("country.similar\t");
  REQUIRE(at != std::string::npos);
  const size_t end = text.find('\n', at);
  text.replace(at, end - at, "country.similar\t1.5");
  WriteBytes(thresholds, text);
  const int line = static_cast<int>(std::count(text.begin(), text.begin() + at, '\n')) + 1;

  std::string file = dir.File("doc.txt");
  WriteBytes(file, "Article 1\nEveryone has the right to life.\n");
  ExpectOneLineError(RunCharter(dir, "convert '" + file + "' --rules '" + rules + "' --out '" +
                                         dir.File("out") + "'"),
                     thresholds + ":" + std::to_string(line) +
                         ": country.similar: expected a number from 0 to 1, found '1.5'");
  CHECK_FALSE(fs::exists(dir.File("out")));
}

TEST_CASE("charter segment with a bad RE2 pattern in the rules names the rule file and line",
          "[cli][bad-input]") {
  REQUIRE_BINARY();
  TempDir dir;
  std::string rules = dir.File("rules");
  fs::copy(charter::testing::RulesDir(), rules, fs::copy_options::recursive);
  std::string headings = rules + "/en/headings.tsv";
  REQUIRE(fs::exists(headings));
  std::string text = ReadBytes(headings);
  if (!text.empty() && text.back() != '\n') text += '\n';
  text += "division\tPart\tPart\t^part\\s+(unclosed\n";
  WriteBytes(headings, text);
  int bad_line = static_cast<int>(std::count(text.begin(), text.end(), '\n'));

  std::string file = dir.File("doc.txt");
  WriteBytes(file, "Article 1\nEveryone has the right to life.\n");
  RunResult r =
      RunCharter(dir, "segment --lang en '" + file + "'", "CHARTER_RULES='" + rules + "'");
  ExpectOneLineError(r, "missing ): ^part\\s+(unclosed");
  CHECK(r.err.find("en/headings.tsv:" + std::to_string(bad_line) + ": bad pattern: ") !=
        std::string::npos);
}
