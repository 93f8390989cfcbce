#include "publicinput/spelling.h"

#include <filesystem>
#include <hunspell.hxx>
#include <map>

namespace charter {

struct SpellChecker::Impl {
  Hunspell hunspell;
  std::map<std::string, std::string> known;  // misspellings.tsv
  Impl(const std::string& aff, const std::string& dic) : hunspell(aff.c_str(), dic.c_str()) {}
};

namespace {

bool Lower(std::string_view w) {
  for (char c : w)
    if (c < 'a' || c > 'z') return false;
  return true;
}

// Optimal-string-alignment distance of two short words, stopping above 1.
bool OneEdit(std::string_view a, std::string_view b) {
  if (a == b) return false;
  if (a.size() == b.size()) {
    size_t i = 0;
    while (a[i] == b[i]) ++i;
    if (a.substr(i + 1) == b.substr(i + 1)) return true;  // one changed
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
           a.substr(i + 2) == b.substr(i + 2);  // two swapped
  }
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() != a.size() + 1) return false;
  size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  return a.substr(i) == b.substr(i + 1);  // one added
}

// British spellings the en_US dictionary lacks ("behaviour", "judgement",
// "prioritise", "defence", "travelled"): a word whose American form is in the
// dictionary is spelt right, not a mistake to correct.
bool AmericanFormSpells(const std::string& w, Hunspell& h) {
  const std::pair<const char*, const char*> kSubs[] = {{"our", "or"},       {"isation", "ization"},
                                                       {"ise", "ize"},      {"is", "iz"},
                                                       {"yse", "yze"},      {"tre", "ter"},
                                                       {"ogue", "og"},      {"ence", "ense"},
                                                       {"gement", "gment"}, {"lled", "led"},
                                                       {"lling", "ling"},   {"ller", "ler"},
                                                       {"llor", "lor"},     {"ae", "e"},
                                                       {"oe", "e"}};
  for (const auto& [gb, us] : kSubs) {
    for (size_t p = w.find(gb); p != std::string::npos; p = w.find(gb, p + 1)) {
      std::string v = w;
      v.replace(p, std::string_view(gb).size(), us);
      if (h.spell(v)) return true;
    }
  }
  return false;
}

// Whether a suggestion that splits the word in two ("selfharm" -> "self
// harm", "shouldbe" -> "should be") splits it into words: each part of three
// letters or more, or a two-letter word that stands alone; not a stem and a
// suffix ("disclaimered" -> "disclaimer ed").
bool SplitIntoWords(std::string_view a, std::string_view b) {
  auto word = [](std::string_view p) {
    if (p.size() >= 3) return true;
    for (const char* w : {"be", "to", "of", "in", "on", "at", "an", "it", "is", "or", "as", "by",
                          "do", "go", "no", "so", "up", "we", "me", "my", "he", "us", "if"})
      if (p == w) return true;
    return false;
  };
  return word(a) && word(b);
}

}  // namespace

Result<SpellChecker> SpellChecker::Open(const std::string& base) {
  for (const char* ext : {".aff", ".dic"}) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(base + ext, ec))
      return NotFound(base + ext + ": no spelling dictionary (Debian package hunspell-en-us)");
  }
  SpellChecker sc;
  sc.impl_ = std::make_shared<Impl>(base + ".aff", base + ".dic");
  return sc;
}

Status SpellChecker::AddMisspellings(const RuleTexts& rules, const std::string& lang) {
  const std::string name = lang + "/misspellings.tsv";
  auto it = rules.find(name);
  if (it == rules.end()) return {};
  Result<RuleFile> file = ParseRuleFile(it->second, name, 2, 2);
  if (!file) return std::unexpected(file.error());
  for (const Rule& r : file->rules) impl_->known[r.fields[0]] = r.fields[1];
  return {};
}

SpellResult SpellChecker::Correct(std::string_view text) const {
  SpellResult out;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = i;
    while (j < text.size() &&
           ((text[j] >= 'a' && text[j] <= 'z') || (text[j] >= 'A' && text[j] <= 'Z')))
      ++j;
    if (j == i) {
      out.text.push_back(text[i++]);
      continue;
    }
    const std::string word(text.substr(i, j - i));
    // Letters run on into a digit, an apostrophe or a non-ASCII letter: not a
    // plain word.
    const bool plain =
        (i == 0 || static_cast<unsigned char>(text[i - 1]) < 0x80) &&
        (j == text.size() || (static_cast<unsigned char>(text[j]) < 0x80 && text[j] != '\'' &&
                              !(text[j] >= '0' && text[j] <= '9')));
    i = j;
    if (auto k = impl_->known.find(word); plain && k != impl_->known.end()) {
      out.corrections.push_back(word + " -> " + k->second + " (misspellings.tsv)");
      out.text += k->second;
      continue;
    }
    // Words under five letters are left as written: one edit away from many
    // words, a short unknown word is as often a name or a word of another
    // language ("bhai", "okie") as a typo.
    if (!plain || word.size() < 5 || !Lower(word) || impl_->hunspell.spell(word) ||
        AmericanFormSpells(word, impl_->hunspell)) {
      out.text += word;
      continue;
    }
    const std::vector<std::string> sug = impl_->hunspell.suggest(word);
    std::string fix;
    if (!sug.empty()) {
      const std::string& first = sug.front();
      const size_t sep = first.find_first_of(" -");
      if (sep != std::string::npos && first.find_first_of(" -", sep + 1) == std::string::npos) {
        std::string joined = first;
        joined.erase(sep, 1);
        if (joined == word && SplitIntoWords(std::string_view(first).substr(0, sep),
                                             std::string_view(first).substr(sep + 1)))
          fix = first;
      }
      if (fix.empty()) {
        int near = 0;
        for (const std::string& s : sug)
          if (Lower(s) && OneEdit(word, s)) ++near, fix = s;
        if (near != 1) fix.clear();
      }
    }
    if (fix.empty()) {
      out.unknown.push_back(word);
      out.text += word;
    } else {
      out.corrections.push_back(word + " -> " + fix);
      out.text += fix;
    }
  }
  return out;
}

}  // namespace charter
