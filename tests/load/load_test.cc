#include "load/load.h"

#include <catch2/catch.hpp>
#include <string>

#include "load_test_util.h"

using namespace charter;
using charter::testing::LineOf;

namespace {

Document MustLoad(std::string_view bytes, const std::string& path, const LoadOptions& opt = {}) {
  Result<Document> doc = LoadDocument(bytes, path, opt);
  if (!doc) FAIL("load failed: " << doc.error().message);
  return *doc;
}

std::string LoadError(std::string_view bytes, const std::string& path,
                      const LoadOptions& opt = {}) {
  Result<Document> doc = LoadDocument(bytes, path, opt);
  if (doc) return "(loaded)";
  return doc.error().message;
}

// UTF-16 bytes (with BOM) for an ASCII/BMP UTF-8 string.
std::string Utf16(std::u16string_view s, bool big_endian) {
  std::string out = big_endian ? std::string("\xFE\xFF") : std::string("\xFF\xFE");
  for (char16_t u : s) {
    char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
    if (big_endian) {
      out.push_back(hi);
      out.push_back(lo);
    } else {
      out.push_back(lo);
      out.push_back(hi);
    }
  }
  return out;
}

// Every anchor invariant: starts at 0, offsets increase, neighbours differ in line.
void CheckAnchors(const Document& doc) {
  REQUIRE_FALSE(doc.line_anchors.empty());
  CHECK(doc.line_anchors.front().offset == 0);
  for (size_t i = 1; i < doc.line_anchors.size(); ++i) {
    CHECK(doc.line_anchors[i].offset > doc.line_anchors[i - 1].offset);
    CHECK(doc.line_anchors[i].line != doc.line_anchors[i - 1].line);
    CHECK(doc.line_anchors[i].offset < doc.text.size());
  }
}

}  // namespace

// ---- plain text and line map ----

TEST_CASE("plain text keeps its lines one to one with the source", "[load]") {
  Document doc = MustLoad("Title\n\nArticle 1\r\nAll are equal.\rArticle 2\nEnd", "c.txt");
  CHECK(doc.text == "Title\n\nArticle 1\nAll are equal.\nArticle 2\nEnd");
  CHECK(doc.format == "text");
  CHECK(doc.encoding == "UTF-8");
  CHECK(LineOf(doc, "Article 1") == 3);
  CHECK(LineOf(doc, "All are") == 4);
  CHECK(LineOf(doc, "Article 2") == 5);
  CHECK(LineOf(doc, "End") == 6);
  CheckAnchors(doc);
}

TEST_CASE("a word on source line 7 maps to line 7", "[load]") {
  std::string src = "one\ntwo\nthree\n\nfive\nsix\nseventh word\neight\n";
  Document doc = MustLoad(src, "seven.txt");
  CHECK(LineOf(doc, "seventh") == 7);
  CHECK(LineOf(doc, "word") == 7);
  CHECK(LineOf(doc, "eight") == 8);
}

TEST_CASE("a UTF-8 byte order mark is dropped", "[load]") {
  Document doc = MustLoad("\xEF\xBB\xBFPreamble\nWe the people\n", "bom.txt");
  CHECK(doc.text == "Preamble\nWe the people\n");
  CHECK(doc.encoding == "UTF-8");
  CHECK(LineOf(doc, "We the") == 2);
}

// ---- encodings ----

TEST_CASE("UTF-16LE with a BOM is decoded and its lines counted", "[load]") {
  std::string bytes =
      Utf16(u"Article 1\r\nToute personne a droit \u00E0 la vie.\r\n\r\nArticle 2\r\n", false);
  Document doc = MustLoad(bytes, "u16.txt");
  CHECK(doc.encoding == "UTF-16LE");
  CHECK(doc.text == "Article 1\nToute personne a droit \u00E0 la vie.\n\nArticle 2\n");
  CHECK(LineOf(doc, "Toute") == 2);
  CHECK(LineOf(doc, "Article 2") == 4);
}

TEST_CASE("UTF-16BE with a BOM is decoded", "[load]") {
  std::string bytes = Utf16(u"Line one\nLine two \u2014 \u00FCber\n", true);
  Document doc = MustLoad(bytes, "u16be.txt");
  CHECK(doc.encoding == "UTF-16BE");
  CHECK(doc.text == "Line one\nLine two \u2014 \u00FCber\n");
  CHECK(LineOf(doc, "two") == 2);
}

TEST_CASE("UTF-16 without a BOM is recognised by its NUL pattern", "[load]") {
  std::string bytes = Utf16(u"Article 1\nEveryone has the right to life.\n", false).substr(2);
  Document doc = MustLoad(bytes, "nobom.txt");
  CHECK(doc.encoding == "UTF-16LE");
  CHECK(doc.text == "Article 1\nEveryone has the right to life.\n");
}

TEST_CASE("an unpaired surrogate in UTF-16 is an error with its line", "[load]") {
  std::string bytes = Utf16(u"ok\nbad ", false);
  bytes += std::string("\x00\xD8", 2);  // a lone high surrogate (LE)
  bytes += std::string("x\0", 2);
  CHECK(LoadError(bytes, "s.txt") == "s.txt: invalid UTF-16 at line 2 (byte offset 16)");
}

TEST_CASE("windows-1252 text is detected and converted", "[load]") {
  // "Déclaration ... l’homme — « égalité » ... für" in cp1252 bytes.
  std::string bytes =
      "D\xE9"
      "claration des droits de l\x92homme et du citoyen\n"
      "Les repr\xE9sentants du peuple fran\xE7"
      "ais \x97 consid\xE9rant que l\x92ignorance\n"
      "Article premier. Les hommes naissent et demeurent libres et \xE9gaux en droits.\n";
  Document doc = MustLoad(bytes, "ddhc.txt");
  CHECK(doc.encoding == "windows-1252");
  CHECK(doc.text.starts_with("D\u00E9claration des droits de l'homme"));
  CHECK(doc.text.find("fran\u00E7ais \u2014 consid\u00E9rant") != std::string::npos);
  CHECK(LineOf(doc, "Article premier") == 3);
}

TEST_CASE("an ISO-8859-2 text is detected as such, not as windows-1252", "[load]") {
  // Polish: "Rzeczpospolita Polska jest demokratycznym państwem prawnym ..." in ISO-8859-2.
  std::string bytes =
      "Art. 1. Rzeczpospolita Polska jest dobrem wsp\xF3lnym wszystkich obywateli.\n"
      "Art. 2. Rzeczpospolita Polska jest demokratycznym pa\xF1stwem prawnym, urzeczywistniaj\xB1"
      "cym zasady sprawiedliwo\xB6"
      "ci spo\xB3"
      "ecznej.\n"
      "Art. 3. W\xB3"
      "adza zwierzchnia w Rzeczypospolitej Polskiej nale\xBF"
      "y do Narodu. "
      "Nar\xF3"
      "d sprawuje w\xB3"
      "adz\xEA bezpo\xB6rednio lub przez swoich przedstawicieli.\n";
  Document doc = MustLoad(bytes, "pol.txt");
  CHECK(doc.encoding == "ISO-8859-2");
  CHECK(doc.text.find("pa\u0144stwem") != std::string::npos);
  CHECK(doc.text.find("W\u0142adza") != std::string::npos);
}

TEST_CASE("an HTML file's declared charset decides a legacy encoding", "[load]") {
  std::string bytes =
      "<html><head><meta charset=\"iso-8859-15\"></head><body><p>Prix : 10 \xA4</p></body></html>";
  Document doc = MustLoad(bytes, "euro.html");
  CHECK(doc.encoding == "iso-8859-15");
  CHECK(doc.text == "Prix : 10 \u20AC\n");
}

// ---- bad input ----

TEST_CASE("invalid UTF-8 among valid multi-byte sequences is an error naming line and offset",
          "[load]") {
  std::string bytes =
      "Pr\xC3\xA9"
      "ambule\nLigne deux\nmauvais \xFF octet\n";
  CHECK(LoadError(bytes, "bad.txt") == "bad.txt: invalid UTF-8 at line 3 (byte offset 30)");
}

TEST_CASE("a truncated UTF-8 sequence after valid ones is an error", "[load]") {
  std::string bytes = "caf\xC3\xA9\nend \xE2\x80";
  CHECK(LoadError(bytes, "t.txt") == "t.txt: invalid UTF-8 at line 2 (byte offset 10)");
}

TEST_CASE("a NUL byte makes a file binary", "[load]") {
  std::string bytes("PK\x03\x04\x00\x00zip", 9);
  CHECK(LoadError(bytes, "a.zip") == "a.zip: binary file, not text (NUL byte at offset 4)");
}

TEST_CASE("many control bytes make a file binary", "[load]") {
  std::string bytes = "abc";
  for (int i = 0; i < 80; ++i) bytes += "\x01\x02x";
  CHECK(LoadError(bytes, "c.dat") ==
        "c.dat: binary file, not text (control byte 0x01 at offset 3)");
}

TEST_CASE("a few stray control bytes are dropped, form feeds become spaces", "[load]") {
  Document doc = MustLoad("Article 1\fText\x01 here.\n" + std::string(200, 'x') + "\n", "s.txt");
  CHECK(doc.text.starts_with("Article 1 Text here.\n"));
}

TEST_CASE("an empty or whitespace-only file is an error", "[load]") {
  CHECK(LoadError("", "e.txt") == "e.txt: empty file");
  CHECK(LoadError(" \n\t\r\n  \n", "w.txt") == "w.txt: empty file");
  CHECK(LoadError("\xEF\xBB\xBF \n", "b.txt") == "b.txt: empty file");
  CHECK(LoadError(Utf16(u"  \n ", false), "u.txt") == "u.txt: empty file");
}

TEST_CASE("HTML with no text left after removing markup is an error", "[load]") {
  CHECK(LoadError(
            "<html><head><title>T</title><script>var x = 1;</script></head><body></body></html>",
            "x.html") == "x.html: no text left after removing html markup");
}

TEST_CASE("an unknown forced format is an error", "[load]") {
  LoadOptions opt;
  opt.format = "pdf";
  CHECK(LoadError("text", "a.pdf", opt) ==
        "a.pdf: unknown format 'pdf' (expected text, markdown or html)");
}

// ---- HTML ----

TEST_CASE("HTML tags are stripped, script and style dropped, blocks become lines", "[load]") {
  std::string html =
      "<!DOCTYPE html>\n"                                           // 1
      "<html><head><title>Title</title>\n"                          // 2
      "<style>p { color: red; }</style>\n"                          // 3
      "<script>if (a < b) alert('x');</script></head>\n"            // 4
      "<body><!-- a comment -->\n"                                  // 5
      "<h1>Universal <em>Declaration</em></h1>\n"                   // 6
      "<p>Whereas recognition of the inherent dignity</p>\n"        // 7
      "<p>Whereas disregard<br>and contempt</p>\n"                  // 8
      "<h2>Article 1</h2>\n"                                        // 9
      "<div>All human beings are born free</div></body></html>\n";  // 10
  Document doc = MustLoad(html, "u.html");
  CHECK(doc.format == "html");
  CHECK(doc.text ==
        "Universal Declaration\n\n"
        "Whereas recognition of the inherent dignity\n"
        "Whereas disregard\nand contempt\n\n"
        "Article 1\n\n"
        "All human beings are born free\n");
  CHECK(LineOf(doc, "Universal") == 6);
  CHECK(LineOf(doc, "Whereas recognition") == 7);
  CHECK(LineOf(doc, "and contempt") == 8);
  CHECK(LineOf(doc, "Article 1") == 9);
  CHECK(LineOf(doc, "All human") == 10);
  CheckAnchors(doc);
}

TEST_CASE("HTML character references are decoded, numeric ones included", "[load]") {
  Document doc = MustLoad(
      "<p>caf&eacute; &amp; th&#233; &#x2014; &lt;b&gt; &copy;&nbsp;2024 &#150; &bogus; &amp</p>",
      "e.html");
  // &#150; is windows-1252's en dash, as browsers read it; unified to '-'.
  CHECK(doc.text == "caf\u00E9 & th\u00E9 \u2014 <b> \u00A9 2024 - &bogus; &amp\n");
}

TEST_CASE("a paragraph wrapped over several source lines is one line mapped to each", "[load]") {
  std::string html =
      "<p>\n"
      "  Everyone has the right\n"
      "  to life, liberty\n"
      "  and security of person.\n"
      "</p>\n";
  Document doc = MustLoad(html, "w.html");
  CHECK(doc.text == "Everyone has the right to life, liberty and security of person.\n");
  CHECK(LineOf(doc, "Everyone") == 2);
  CHECK(LineOf(doc, "to life") == 3);
  CHECK(LineOf(doc, "security") == 4);
}

TEST_CASE("HTML ordered list items get the numbers the list implies", "[load]") {
  std::string html =
      "<h2>Article 21</h2>\n<ol>\n<li><p>Everyone has the right to take part.</p></li>\n"
      "<li><p>Everyone has the right of equal access.</p></li>\n</ol>\n"
      "<ol type=\"a\" start=\"3\"><li>third</li><li>fourth</li></ol><ul><li>bullet</li></ul>";
  Document doc = MustLoad(html, "l.html");
  CHECK(doc.text ==
        "Article 21\n\n1. Everyone has the right to take part.\n"
        "2. Everyone has the right of equal access.\n\nc. third\nd. fourth\n\n- bullet\n");
  CHECK(LineOf(doc, "2. Everyone") == 4);
}

TEST_CASE("HTML is recognised by its content whatever the file name", "[load]") {
  Document doc = MustLoad("  <!doctype html><p>Text &amp; more</p>", "page.txt");
  CHECK(doc.format == "html");
  CHECK(doc.text == "Text & more\n");
}

TEST_CASE("HTML pre keeps its line breaks", "[load]") {
  Document doc = MustLoad("<pre>\nline 1\n  line 2\n</pre>", "p.html");
  CHECK(doc.text == "line 1\n  line 2\n");
  CHECK(LineOf(doc, "line 2") == 3);
}

TEST_CASE("a word hyphenated across source lines inside an HTML paragraph is re-joined", "[load]") {
  Document doc = MustLoad("<p>the consti-\ntution of the State</p>", "h.html");
  CHECK(doc.text == "the constitution of the State\n");
  CHECK(LineOf(doc, "constitution") == 1);
  CHECK(LineOf(doc, "tution") == 2);  // the second half keeps its own line
  CHECK(LineOf(doc, "of the") == 2);
}

// ---- Markdown ----

TEST_CASE("Markdown markup is removed and the line structure kept", "[load]") {
  std::string md =
      "---\ntitle: Grundgesetz\n---\n"                                 // 1-3
      "# Grundgesetz\n"                                                // 4
      "\n"                                                             // 5
      "## Art 1\n"                                                     // 6
      "**Die Würde** des _Menschen_ ist [unantastbar](http://x/y).\n"  // 7
      "* Sie zu `achten` ist Pflicht.\n"                               // 8
      "> Zitat \\* mit Stern\n"                                        // 9
      "Title\n"                                                        // 10
      "=====\n"                                                        // 11
      "snake_case and 2 * 3 &amp; ![Bild](b.png) <br/>\n";             // 12
  Document doc = MustLoad(md, "gg.md");
  CHECK(doc.format == "markdown");
  CHECK(doc.text ==
        "Grundgesetz\n\nArt 1\nDie W\u00FCrde des Menschen ist unantastbar.\n"
        "- Sie zu achten ist Pflicht.\nZitat * mit Stern\nTitle\n\n"
        "snake_case and 2 * 3 & Bild \n");
  CHECK(LineOf(doc, "Grundgesetz") == 4);
  CHECK(LineOf(doc, "Art 1") == 6);
  CHECK(LineOf(doc, "Die W") == 7);
  CHECK(LineOf(doc, "snake_case") == 12);
  CheckAnchors(doc);
}

// ---- hyphenation ----

TEST_CASE("a word hyphenated across a line break is re-joined with anchors kept", "[load]") {
  Document doc = MustLoad("Preamble\nthe consti-\ntution of the State\nends here.\n", "h.txt");
  CHECK(doc.text == "Preamble\nthe constitution\nof the State\nends here.\n");
  CHECK(LineOf(doc, "the consti") == 2);
  CHECK(doc.SourceLine(doc.text.find("tution")) == 3);  // the moved half keeps its line
  CHECK(LineOf(doc, "of the") == 3);
  CHECK(LineOf(doc, "ends") == 4);
  CheckAnchors(doc);
}

TEST_CASE("a continuation that fills its whole line joins and the line disappears", "[load]") {
  Document doc = MustLoad("Everyone has the right to recog-\nnition.\nArticle 7\n", "h.txt");
  CHECK(doc.text == "Everyone has the right to recognition.\nArticle 7\n");
  CHECK(LineOf(doc, "Article 7") == 3);
}

TEST_CASE("soft and Unicode hyphens at a line end join too", "[load]") {
  Document doc = MustLoad("inter\u00AD\nnational and equi\u2010\nvalent\n", "s.txt");
  CHECK(doc.text == "international\nand equivalent\n");
}

TEST_CASE("a hyphen before a list item, a capital or a blank line does not join", "[load]") {
  std::string src =
      "Every citizen has the right-\na. to vote;\nthe State-\nParty shall\nsee-\n\nnot this\n"
      "the right-\niv) to stand\n";
  Document doc = MustLoad(src, "n.txt");
  CHECK(doc.text == src);
}

TEST_CASE("a compound the document spells with a hyphen keeps it when re-joined", "[load]") {
  Document doc =
      MustLoad("The self-governing territories.\nEvery self-\ngoverning body.\n", "c.txt");
  CHECK(doc.text == "The self-governing territories.\nEvery self-governing\nbody.\n");
}

// ---- normalization ----

TEST_CASE("text is brought to NFC with the line map kept", "[load]") {
  Document doc = MustLoad("one\ntwo\nCafe\u0301 and Ange\u0300le\nfour\n", "n.txt");
  CHECK(doc.text == "one\ntwo\nCaf\u00E9 and Ang\u00E8le\nfour\n");
  CHECK(LineOf(doc, "Ang") == 3);
  CHECK(LineOf(doc, "four") == 4);
  CheckAnchors(doc);
}

TEST_CASE("typographic variants are unified", "[load]") {
  Document doc = MustLoad(
      "\u201CQuoted\u201D and \u2018single\u2019 \u201Elow\u201C; it\u2019s\n"
      "co\u2010operation, 1\u20135, \u22123, right\u2014 bar\u2015 x\n"
      "a\u00A0b\u2009c\u202Fd\u3000e soft\u00ADhyphen zero\u200Bwidth \u00ABguillemets\u00BB\n"
      "\uFEFFbom and\u200E marks\n",
      "t.txt");
  CHECK(doc.text ==
        "\"Quoted\" and 'single' \"low\"; it's\n"
        "co-operation, 1-5, -3, right\u2014 bar\u2014 x\n"
        "a b c d e softhyphen zerowidth \u00ABguillemets\u00BB\n"
        "bom and marks\n");
  CHECK(LineOf(doc, "co-operation") == 2);
  CHECK(LineOf(doc, "bom") == 4);
  CheckAnchors(doc);
}

TEST_CASE("C1 controls from mis-decoded windows-1252 become the intended marks", "[load]") {
  Document doc = MustLoad("the State\u0092s duty \u0093to act\u0094 \u0096 now\n", "c1.txt");
  CHECK(doc.text == "the State's duty \"to act\" - now\n");
}

// ---- language ----

TEST_CASE("language detection picks the language of a short sample", "[load]") {
  LoadOptions opt;
  opt.languages = charter::testing::Stopwords(charter::testing::AllTestLanguages());
  REQUIRE(opt.languages.size() == 7);
  struct {
    const char* text;
    const char* lang;
  } cases[] = {
      {"Everyone has the right to life, liberty and security of person.", "en"},
      {"Tout individu a droit \u00E0 la vie, \u00E0 la libert\u00E9 et \u00E0 la s\u00FBret\u00E9 "
       "de sa personne.",
       "fr"},
      {"Todo individuo tiene derecho a la vida, a la libertad y a la seguridad de su persona.",
       "es"},
      {"Jeder hat das Recht auf Leben, Freiheit und Sicherheit der Person.", "de"},
      {"Ogni individuo ha diritto alla vita, alla libert\u00E0 ed alla sicurezza della propria "
       "persona.",
       "it"},
      {"Todo o indiv\u00EDduo tem direito \u00E0 vida, \u00E0 liberdade e \u00E0 seguran\u00E7a "
       "pessoal.",
       "pt"},
      {"Eenieder heeft het recht op leven, vrijheid en onschendbaarheid van zijn persoon.", "nl"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(MustLoad(c.text, "s.txt", opt).lang == c.lang);
  }
}

TEST_CASE("with no evidence language detection falls back to English", "[load]") {
  LoadOptions opt;
  opt.languages = charter::testing::Stopwords({"en", "fr"});
  CHECK(MustLoad("12345 67890", "n.txt", opt).lang == "en");
  CHECK(MustLoad("\u0643\u0644 \u0634\u062E\u0635", "ar.txt", opt).lang == "en");
}

TEST_CASE("a forced language wins and must be among the candidates", "[load]") {
  LoadOptions opt;
  opt.languages = charter::testing::Stopwords({"en", "fr"});
  opt.lang = "fr";
  CHECK(MustLoad("Everyone has the right to life.", "f.txt", opt).lang == "fr");
  opt.lang = "xx";
  CHECK(LoadError("Everyone has the right to life.", "f.txt", opt) ==
        "f.txt: unknown language 'xx' (rules exist for: en, fr)");
}

TEST_CASE("without candidates the language is the forced one or English", "[load]") {
  CHECK(MustLoad("Le droit.", "a.txt").lang == "en");
  LoadOptions opt;
  opt.lang = "fr";
  CHECK(MustLoad("Le droit.", "a.txt", opt).lang == "fr");
}

// ---- robustness ----

TEST_CASE("random markup-heavy input never breaks the loader or its line map", "[load]") {
  // Pieces chosen to hit every path: tags, references, hyphens at line ends,
  // CR/LF mixes, multi-byte and combining characters, controls, odd bytes.
  static const char* const kPieces[] = {"<p>",
                                        "</p>",
                                        "<li>",
                                        "<ol start=3>",
                                        "</ol>",
                                        "<ul>",
                                        "<br>",
                                        "<pre>",
                                        "</pre>",
                                        "<script>",
                                        "</script>",
                                        "<!--",
                                        "-->",
                                        "<h2>",
                                        "</h2>",
                                        "<",
                                        ">",
                                        "&amp;",
                                        "&#x2014;",
                                        "&#150;",
                                        "&",
                                        "&nbsp;",
                                        "#",
                                        "## ",
                                        "*",
                                        "_",
                                        "`",
                                        "[a](b)",
                                        "![",
                                        "](",
                                        "---\n",
                                        "-",
                                        "consti-",
                                        "\n",
                                        "\r\n",
                                        "\r",
                                        "\n\n",
                                        " ",
                                        "\t",
                                        "word",
                                        "tution",
                                        "a.",
                                        "\xC3\xA9",
                                        "e\xCC\x81",
                                        "\xE2\x80\x99",
                                        "\xE2\x80\x94",
                                        "\xC2\xAD",
                                        "\xC2\xA0",
                                        "\xE2\x80\x90",
                                        "\xEF\xBB\xBF",
                                        "\x0C",
                                        "\x01",
                                        "\xC2\x92",
                                        "\xE3\x80\x80",
                                        "\xF0\x9F\x98\x80"};
  const size_t n_pieces = sizeof(kPieces) / sizeof(kPieces[0]);
  uint64_t state = 12345;
  auto next = [&state] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return state >> 33;
  };
  const char* names[] = {"r.txt", "r.md", "r.html"};
  int loaded = 0;
  for (int round = 0; round < 600; ++round) {
    std::string bytes;
    size_t len = next() % 60;
    for (size_t k = 0; k < len; ++k) bytes += kPieces[next() % n_pieces];
    if (round % 7 == 0 && !bytes.empty()) bytes[next() % bytes.size()] = static_cast<char>(next());
    std::string path = names[round % 3];
    INFO("round " << round << " path " << path << " bytes " << bytes);
    Result<Document> doc = LoadDocument(bytes, path, {});
    if (!doc) {
      CHECK(doc.error().message.starts_with(path + ": "));
      continue;
    }
    ++loaded;
    uint32_t lines = 1;
    for (char c : bytes) lines += (c == '\n' || c == '\r');
    REQUIRE_FALSE(doc->line_anchors.empty());
    CHECK(doc->line_anchors.front().offset == 0);
    for (size_t i = 0; i < doc->line_anchors.size(); ++i) {
      const auto& a = doc->line_anchors[i];
      CHECK(a.line >= 1);
      CHECK(a.line <= lines);
      CHECK(a.offset < doc->text.size());
      if (i > 0) CHECK(a.offset > doc->line_anchors[i - 1].offset);
    }
    CHECK(doc->text.find('\r') == std::string::npos);
    CHECK(doc->text.find("\xC2\xAD") == std::string::npos);
  }
  CHECK(loaded > 300);
}

TEST_CASE("HTML without block elements and with many hyphenated line ends loads in one line",
          "[load]") {
  std::string html = "<html><body>";
  for (int i = 0; i < 20000; ++i) html += "the consti-\ntution ";
  html += "</body></html>";
  Document doc = MustLoad(html, "flat.html");
  CHECK(doc.text.size() == 20000 * std::string("the constitution ").size());
  CHECK(doc.SourceLine(doc.text.size() - 2) == 20001);
}

TEST_CASE("Markdown code fences, link definitions and rules become empty lines", "[load]") {
  std::string md =
      "Intro text\n"            // 1
      "```\n"                   // 2
      "code *stays*\n"          // 3
      "```\n"                   // 4
      "***\n"                   // 5
      "[law]: http://x.y\n"     // 6
      "See [the law][law].\n";  // 7
  Document doc = MustLoad(md, "f.md");
  CHECK(doc.text == "Intro text\n\ncode *stays*\n\n\n\nSee the law.\n");
  CHECK(LineOf(doc, "code") == 3);
  CHECK(LineOf(doc, "See") == 7);
}

TEST_CASE("HTML with CRLF line ends maps to the right lines", "[load]") {
  Document doc = MustLoad("<h1>Title</h1>\r\n<p>one</p>\r\n\r\n<p>two\r\nthree</p>\r\n", "c.html");
  CHECK(doc.text == "Title\n\none\ntwo three\n");
  CHECK(LineOf(doc, "one") == 2);
  CHECK(LineOf(doc, "two") == 4);
  CHECK(LineOf(doc, "three") == 5);
}

TEST_CASE("legacy-encoded HTML without a declared charset is detected", "[load]") {
  std::string html =
      "<html><body><p>Les repr\xE9sentants du peuple fran\xE7"
      "ais, constitu\xE9s en "
      "Assembl\xE9"
      "e nationale, consid\xE9rant que l'ignorance, l'oubli ou le m\xE9pris "
      "des droits de l'homme sont les seules causes des malheurs publics</p></body></html>";
  Document doc = MustLoad(html, "d.html");
  CHECK(doc.encoding == "windows-1252");
  CHECK(doc.text.find("repr\u00E9sentants du peuple fran\u00E7ais") != std::string::npos);
}
